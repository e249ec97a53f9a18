import { describe, expect, it } from 'vitest';
import type { AuditArea } from '../../../../preload/contract/audit';
import { planServerChecks, type ServerCheckOptions } from '../../../../main/core/audit/server-checks';
import type { ServerCheckDeps } from '../../../../main/core/audit/server-checks';

// Planning touches no port: these stand-ins are never called (a call would throw).
const unused = (): never => {
  throw new Error('planning must not touch the network');
};
const DEPS = {
  resolver: new Proxy({}, { get: unused }),
  connector: { open: unused },
  login: { login: unused },
  clock: { now: () => new Date(0) },
} as unknown as ServerCheckDeps;

const OPTIONS: ServerCheckOptions = {
  host: 'smtp.shop.test',
  port: 587,
  security: 'starttls',
  username: 'ann@shop.test',
  accountAddress: 'ann@shop.test',
  presetId: null,
  secret: { kind: 'password', password: 'x' },
  areas: new Set<AuditArea>(['smtp', 'tls', 'auth', 'relay']),
  relayTest: true,
};

const ids = (options: Partial<ServerCheckOptions>) =>
  planServerChecks(DEPS, { ...OPTIONS, ...options }).map((check) => check.checkId);

describe('planServerChecks', () => {
  it('plans reachability first, then TLS (and STARTTLS injection on the STARTTLS ports) and relay per standard port, login and spoofing on the account port', () => {
    expect(ids({})).toEqual([
      'smtp-reach:smtp.shop.test',
      'smtp-dialogue:smtp.shop.test:587',
      'tls:smtp.shop.test:25',
      'smtp-starttls-injection:smtp.shop.test:25',
      'tls:smtp.shop.test:465',
      'tls:smtp.shop.test:587',
      'smtp-starttls-injection:smtp.shop.test:587',
      'tls-suites-untestable:smtp.shop.test',
      'auth:smtp.shop.test:587',
      'relay:smtp.shop.test:25',
      'relay:smtp.shop.test:465',
      'relay:smtp.shop.test:587',
      'spoofing:smtp.shop.test:587',
    ]);
  });

  it('runs no relay or spoofing test when the user switched them off, and says so once', () => {
    expect(
      ids({ relayTest: false }).filter((id) => id.startsWith('relay') || id.startsWith('spoofing')),
    ).toEqual(['relay:smtp.shop.test']);
  });

  it('never logs in for the spoofing test when the login itself was left out', () => {
    expect(ids({ areas: new Set<AuditArea>(['relay']) })).not.toContain('spoofing:smtp.shop.test:587');
  });

  it('tests no TLS on an account port set to no encryption', () => {
    expect(ids({ port: 2525, security: 'none' })).not.toContain('tls:smtp.shop.test:2525');
  });
});
