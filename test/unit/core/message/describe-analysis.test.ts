import { describe, expect, it } from 'vitest';
import { describeAnalysis } from '../../../../main/core/message/describe-analysis';
import {
  MESSAGE_ANALYSIS_SCHEMA_VERSION,
  type MessageAnalysis,
} from '../../../../main/core/message/message-analysis';

const hop = {
  index: 0,
  from: 'mx.sender.test',
  fromIp: '192.0.2.7',
  by: 'mx.receiver.test',
  protocol: 'ESMTPS',
  tlsVersion: 'TLSv1.3',
  tlsCipher: null,
  encrypted: true,
  at: null,
  delaySeconds: null,
};

const analysis = (total: number): MessageAnalysis => ({
  schemaVersion: MESSAGE_ANALYSIS_SCHEMA_VERSION,
  kind: 'message-analysis',
  toolVersion: 'test',
  analysedAt: '2026-12-06T10:00:00.000Z',
  dns: null,
  message: null,
  authentication: null,
  receiver: null,
  received: { hops: total === 0 ? [] : [hop], total },
  findings: [],
});

const pathHeading = (total: number) =>
  describeAnalysis(analysis(total)).find((section) => section.heading.startsWith('Path'))?.heading;

describe('the path section of a checked message', () => {
  it('counts one Received line in the singular', () => {
    expect(pathHeading(1)).toBe('Path (1 Received line, the last hop first)');
  });

  it('counts every Received line, also those past the first 100 shown', () => {
    expect(pathHeading(10_000)).toBe('Path (10000 Received lines, the last hop first)');
  });

  it('has no path section when the message has no Received line', () => {
    expect(pathHeading(0)).toBeUndefined();
  });
});
