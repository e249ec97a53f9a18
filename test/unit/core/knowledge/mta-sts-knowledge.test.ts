import { describe, it } from 'vitest';
import { MTA_STS_KNOWLEDGE } from '../../../../main/core/knowledge/mta-sts-knowledge';
import { expectStableIds, expectWellWorded } from '../../../helpers/knowledge-assertions';

/** Evidence with every field the mta-sts check fills, so worded texts can be read in full. */
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
  problems: ['id= is missing'],
  status: 301,
  location: 'https://www.example.com/',
  maxBytes: 65_536,
  contentType: 'text/html',
  maxAge: 3_600,
  patterns: ['mx1.example.com'],
  unmatched: ['mx2.example.com'],
};

describe('MTA_STS_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form mta-sts.<subject>.<state>', () => {
    expectStableIds(MTA_STS_KNOWLEDGE, 'mta-sts');
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    expectWellWorded(MTA_STS_KNOWLEDGE, 'mta-sts:example.com', EVIDENCE);
  });
});
