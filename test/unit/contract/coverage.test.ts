import { describe, expect, it } from 'vitest';
import { bannerBlockers } from '../../../preload/contract/coverage';
import { blockerOf } from '../../../main/core/coverage/blockers';

describe('bannerBlockers', () => {
  const dns = blockerOf({ kind: 'dns-unreachable', subject: '127.0.0.1:9' });
  const host = blockerOf({ kind: 'host-unresolved', subject: 'mail.shop.test' });
  const port = blockerOf({ kind: 'port-unreachable', subject: 'mail.shop.test:25' });
  const cancelled = blockerOf({ kind: 'cancelled', subject: 'run' });

  it('puts each cause that stopped part of the audit on top, once, and leaves closed side ports out', () => {
    expect(bannerBlockers([host, port, cancelled]).map((b) => b.kind)).toEqual([
      'host-unresolved',
      'cancelled',
    ]);
  });

  it('does not repeat a dead DNS server as an unresolvable server name', () => {
    expect(bannerBlockers([dns, host]).map((b) => b.kind)).toEqual(['dns-unreachable']);
  });
});
