import { describe, it } from 'vitest';
import { TLS_RPT_KNOWLEDGE } from '../../../../main/core/knowledge/tls-rpt-knowledge';
import { expectStableIds, expectWellWorded } from '../../../helpers/knowledge-assertions';

/** Evidence with every field the tls-rpt check fills, so worded texts can be read in full. */
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
  destinationList: 'mailto:tls-reports@example.com',
};

describe('TLS_RPT_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form tls-rpt.<subject>.<state>', () => {
    expectStableIds(TLS_RPT_KNOWLEDGE, 'tls-rpt');
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    expectWellWorded(TLS_RPT_KNOWLEDGE, 'tls-rpt:example.com', EVIDENCE);
  });
});
