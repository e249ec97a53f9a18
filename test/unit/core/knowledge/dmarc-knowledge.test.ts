import { describe, it } from 'vitest';
import { DMARC_KNOWLEDGE } from '../../../../main/core/knowledge/dmarc-knowledge';
import { expectStableIds, expectWellWorded } from '../../../helpers/knowledge-assertions';

/** Evidence with every field the dmarc check fills, so worded texts can be read in full. */
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
  appliedPolicy: 'quarantine',
  policy: 'quarantine',
  tag: 'sp',
  value: 'none',
  strict: 'adkim=s',
  address: 'mailto:reports@reports.example',
  authorisationName: 'example.com._report._dmarc.reports.example',
  destinationDomain: 'reports.example',
  tagList: 'foo, bar',
};

describe('DMARC_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form dmarc.<subject>.<state>', () => {
    expectStableIds(DMARC_KNOWLEDGE, 'dmarc');
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    expectWellWorded(DMARC_KNOWLEDGE, 'dmarc:example.com', EVIDENCE);
  });
});
