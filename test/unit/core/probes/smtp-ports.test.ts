import { describe, expect, it } from 'vitest';
import { planPorts } from '../../../../main/core/probes/smtp-ports';

describe('planPorts', () => {
  it('plans 25 plain, 465 implicit TLS and 587 plain by default', () => {
    expect(planPorts().map((p) => `${String(p.port)} ${p.role} ${p.security}`)).toEqual([
      '25 smtp plain',
      '465 submissions implicit-tls',
      '587 submission plain',
    ]);
  });

  it('adds the account port once, and marks a shared standard port as the account port', () => {
    const shared = planPorts({}, { port: 587, security: 'plain' });
    expect(shared).toHaveLength(3);
    expect(shared.find((p) => p.port === 587)).toMatchObject({ role: 'submission', isAccountPort: true });
    const own = planPorts({}, { port: 2525, security: 'plain' });
    expect(own.map((p) => p.port)).toEqual([25, 465, 587, 2525]);
    expect(own.at(-1)).toMatchObject({ role: 'account', isAccountPort: true });
  });

  it('maps the roles onto other ports, as tests and unusual hosts need', () => {
    const plan = planPorts({ smtp: 2525, submissions: 2465, submission: 2587 });
    expect(plan.map((p) => p.port)).toEqual([2525, 2465, 2587]);
  });
});
