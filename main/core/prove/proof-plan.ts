/**
 * A test message's own short fix plan: its findings grouped by the audit's plan rules (plan-rules.ts),
 * so "the message is not signed" reads as the same action an audit would give. No verdict sentence: the
 * test message's verdict is its own (describe-proof.ts).
 */
import type { Finding } from '../../../preload/contract/findings';
import type { PlanAction } from '../../../preload/contract/plan';
import { planActions } from '../plan/build-fix-plan';

export function proofPlan(proof: {
  readonly provedAt: string;
  readonly account: { readonly label: string; readonly email: string };
  readonly findings: readonly Finding[];
}): PlanAction[] {
  const { label, email } = proof.account;
  return planActions({
    target: {
      kind: 'account',
      label,
      domain: email.slice(email.lastIndexOf('@') + 1),
      host: null,
      port: null,
      security: null,
    },
    startedAt: proof.provedAt,
    findings: proof.findings,
  });
}
