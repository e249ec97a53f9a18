/**
 * A consultant's desk for the e2e specs: 30 accounts in 10 clients saved through the real account
 * service, and two stored runs for most of them (written as the history keeps them), so the list has
 * grades, worst problems and changes to show. The last three accounts are never tested.
 *
 * The findings are made by the catalogue's own factories from evidence as the checks record it, so
 * every title, explanation and fix on a screenshot is the wording a user really reads.
 */
import { join } from 'node:path';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../../main/core/history/history-document';
import type { AccountView } from '../../../preload/contract/accounts';
import { findingFactory } from '../../../main/core/findings/finding-factory';
import { DMARC_KNOWLEDGE } from '../../../main/core/knowledge/dmarc-knowledge';
import { MTA_STS_KNOWLEDGE } from '../../../main/core/knowledge/mta-sts-knowledge';
import { RELAY_KNOWLEDGE } from '../../../main/core/knowledge/relay-knowledge';
import type { Finding } from '../../../preload/contract/findings';
import type { AuditScore, Grade } from '../../../preload/contract/score';
import { testEntry } from '../../helpers/history-fixtures';
import type { TestServices } from '../../helpers/test-services';

export const CLIENTS = [
  'Bakery',
  'Dentist',
  'Florist',
  'Garage',
  'Hotel',
  'Law office',
  'Pharmacy',
  'School',
  'Tailor',
  'Vineyard',
] as const;
const MAILBOXES = ['info', 'orders', 'owner'] as const;
/** The one account with a critical problem and grade F: the desk must put it one click away. */
export const WORST = { label: 'Garage orders', client: 'Garage' } as const;
/** Never tested: they read "Not tested yet". */
export const UNTESTED = ['Vineyard info', 'Vineyard orders', 'Vineyard owner'] as const;

const dmarcFinding = findingFactory(DMARC_KNOWLEDGE);
const mtaStsFinding = findingFactory(MTA_STS_KNOWLEDGE);
const relayFinding = findingFactory(RELAY_KNOWLEDGE);

/** DMARC at p=none (medium): monitoring only, with the next stage to publish. */
function dmarcNone(domain: string): Finding {
  return dmarcFinding('dmarc.policy.none', `dmarc:${domain}`, {
    domain,
    source: 'domain',
    policy: 'none',
    recordName: `_dmarc.${domain}`,
    record: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}`,
    nextRecord: `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`,
  });
}

/** No DMARC record at all (high): what a D-grade account's newest run found. */
function dmarcMissing(domain: string): Finding {
  return dmarcFinding('dmarc.record.missing', `dmarc:${domain}`, {
    domain,
    recordName: `_dmarc.${domain}`,
    // The domain is its own organisational domain, so the walk asked one name.
    orgDomain: '',
    walked: [`_dmarc.${domain}`],
    nextRecord: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}`,
  });
}

/** No MTA-STS policy (low), with the policy and record the fix suggests. */
function mtaStsMissing(domain: string): Finding {
  return mtaStsFinding('mta-sts.record.missing', `mta-sts:${domain}`, {
    domain,
    recordName: `_mta-sts.${domain}`,
    policyHost: `mta-sts.${domain}`,
    policyUrl: `https://mta-sts.${domain}/.well-known/mta-sts.txt`,
    suggestedPolicy: `version: STSv1\nmode: testing\nmx: smtp.${domain}\nmax_age: 604800`,
    suggestedRecord: 'v=STSv1; id=20261206T000000',
  });
}

/** An open relay (critical): the server took a stranger's mail for a stranger. */
function openRelay(host: string): Finding {
  return relayFinding('relay.open', `relay:${host}:465`, {
    host,
    // A documentation address (RFC 5737): the seed's servers are names only.
    address: '192.0.2.25',
    port: 465,
    tls: true,
    from: `relay-test@mailwarden-relay-test.invalid`,
    to: `relay-test@example.net`,
    mailReply: { code: 250, enhancedCode: '2.1.0', text: 'Ok' },
    rcptReply: { code: 250, enhancedCode: '2.1.5', text: 'Ok' },
  });
}

function gradeFor(index: number): { score: number; grade: Grade } {
  const grades: readonly { score: number; grade: Grade }[] = [
    { score: 95, grade: 'A' },
    { score: 84, grade: 'B' },
    { score: 72, grade: 'C' },
    { score: 61, grade: 'D' },
  ];
  return grades[index % grades.length] ?? { score: 95, grade: 'A' };
}

export async function seedDesk(env: TestServices): Promise<readonly AccountView[]> {
  const store = createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME));
  const saved: AccountView[] = [];
  let run = 0;
  for (const [c, client] of CLIENTS.entries()) {
    const domain = `${client.toLowerCase().replace(/\s+/g, '-')}.example`;
    for (const [m, mailbox] of MAILBOXES.entries()) {
      const label = `${client} ${mailbox}`;
      const untested = (UNTESTED as readonly string[]).includes(label);
      // The untested ones have no password yet either, as a freshly added account may not.
      const account = await env.services.accounts.add(
        {
          email: `${mailbox}@${domain}`,
          label,
          host: `smtp.${domain}`,
          port: 465,
          security: 'tls',
          clientGroup: client,
        },
        untested ? undefined : `desk-password-${String(c)}-${String(m)}`,
      );
      saved.push(account);
      if (untested) continue;
      const worst = label === WORST.label;
      const target = {
        kind: 'account' as const,
        label,
        domain,
        host: account.host,
        port: 465,
        security: 'tls',
      };
      const older = testEntry(++run, {
        target,
        findings: [dmarcNone(domain), mtaStsMissing(domain)],
      });
      const score = worst ? { score: 22, grade: 'F' as const } : gradeFor(c + m);
      const newer = testEntry(++run, {
        target,
        findings: worst
          ? [openRelay(account.host), dmarcNone(domain)]
          : [score.grade === 'D' ? dmarcMissing(domain) : mtaStsMissing(domain)],
      });
      await store.save({
        ...older,
        accountId: account.id,
        report: { ...older.report, score: storedScore({ score: 80, grade: 'B' }) },
      });
      await store.save({
        ...newer,
        accountId: account.id,
        report: { ...newer.report, score: storedScore(score) },
      });
    }
  }
  return saved;
}

/** A stored score with only an overall grade, as a run's history file holds it. */
function storedScore(overall: { readonly score: number; readonly grade: Grade }): AuditScore {
  return {
    overall: { ...overall, uncappedScore: overall.score, caps: [], partial: false },
    incomplete: [],
    areas: [],
  };
}
