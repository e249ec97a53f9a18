import { describe, it } from 'vitest';
import { BIMI_KNOWLEDGE } from '../../../../main/core/knowledge/bimi-knowledge';
import { expectStableIds, expectWellWorded } from '../../../helpers/knowledge-assertions';

/** Evidence with every field the bimi check fills, so worded texts can be read in full. */
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
  logo: 'https://example.com/logo.svg',
  problemList: 'it uses http:',
  dmarcSummary: 'p=none',
};

describe('BIMI_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form bimi.<subject>.<state>', () => {
    expectStableIds(BIMI_KNOWLEDGE, 'bimi');
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    expectWellWorded(BIMI_KNOWLEDGE, 'bimi:example.com', EVIDENCE);
  });
});
