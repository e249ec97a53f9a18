import { describe, it } from 'vitest';
import { DKIM_KNOWLEDGE } from '../../../../main/core/knowledge/dkim-knowledge';
import { expectStableIds, expectWellWorded } from '../../../helpers/knowledge-assertions';

/** Evidence with every field the dkim check fills, so worded texts can be read in full. */
const EVIDENCE = {
  domain: 'example.com',
  selector: 'google',
  name: 'google._domainkey.example.com',
  recordName: '_record.example.com',
  reason: 'the server did not answer',
  nextRecord: 'v=DMARC1; p=quarantine',
  suggestedRecord: 'v=STSv1; id=1',
  suggestedPolicy: 'version: STSv1',
  policyUrl: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
  policyHost: 'mta-sts.example.com',
  bits: 1024,
  recordCount: 2,
  selectorsTried: 12,
  failedCount: 2,
  target: 'google.dkim.example.net',
  keyType: 'RSA',
  declaredType: 'ed25519',
};

describe('DKIM_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form dkim.<subject>.<state>', () => {
    expectStableIds(DKIM_KNOWLEDGE, 'dkim');
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    expectWellWorded(DKIM_KNOWLEDGE, 'dkim:example.com', EVIDENCE);
  });
});
