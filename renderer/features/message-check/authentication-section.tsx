/**
 * Sender authentication: Mailwarden's DKIM, SPF, DMARC and ARC verdicts beside the receiver's own
 * Authentication-Results (RFC 8601), then each DKIM signature (RFC 6376) with its key and alignment.
 *
 * Every text came from the message (domains, selectors, the receiver's words): main made it display-safe,
 * and React renders it as text only.
 */
import type { AnalysisRecord, AuthenticationView } from '../../../preload/contract/message-check';
import { strings } from '../../strings';
import { AUTH_METHODS, ourResult, receiverResult } from './check-model';

export function AuthenticationSection({ record }: { readonly record: AnalysisRecord }) {
  const text = strings.messageCheck;
  const receiver = record.receiver;
  return (
    <section className="audit__section message-auth" aria-labelledby="message-auth-title">
      <h2 id="message-auth-title" className="section-title">
        {text.authTitle}
      </h2>
      <p>{text.authLead}</p>
      <div className="table-scroll">
        <table className="data-table" data-table="verdicts">
          <thead>
            <tr>
              <th scope="col">{text.method}</th>
              <th scope="col">{text.ours}</th>
              {receiver !== null && <th scope="col">{text.theirs(receiver.authservId)}</th>}
            </tr>
          </thead>
          <tbody>
            {AUTH_METHODS.map((method) => (
              <tr key={method} data-method={method}>
                <th scope="row">{method.toUpperCase()}</th>
                <td>{ourResult(record, method)}</td>
                {receiver !== null && <td>{receiverResult(record, method) ?? text.none}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {receiver === null && <p className="message-auth__note">{text.noReceiver}</p>}
      {record.authentication !== null && <AuthenticationDetails auth={record.authentication} />}
    </section>
  );
}

function AuthenticationDetails({ auth }: { readonly auth: AuthenticationView }) {
  const text = strings.messageCheck;
  const columns = text.dkimColumns;
  return (
    <>
      <h3 className="subsection-title">{text.dkimTitle}</h3>
      {auth.dkim.length === 0 ? (
        <p>{text.dkimNone}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-table="dkim">
            <thead>
              <tr>
                <th scope="col">{columns.domain}</th>
                <th scope="col">{columns.selector}</th>
                <th scope="col">{columns.algorithm}</th>
                <th scope="col">{columns.keyBits}</th>
                <th scope="col">{columns.aligned}</th>
                <th scope="col">{columns.result}</th>
              </tr>
            </thead>
            <tbody>
              {auth.dkim.map((signature, index) => (
                <tr key={index} data-outcome={signature.outcome}>
                  <th scope="row" className="mono">
                    {signature.signingDomain}
                  </th>
                  <td className="mono">{signature.selector}</td>
                  <td className="mono">{signature.algorithm}</td>
                  <td>{text.keyBits(signature.keyBits)}</td>
                  <td>{signature.aligned ? text.yes : text.no}</td>
                  <td>{text.dkimOutcome[signature.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The table above already says "not checked"; these lines only add the detail of a verdict. */}
      {(auth.spf !== null || auth.dmarc !== null || auth.arc !== null) && (
        <dl className="message-auth__facts">
          {auth.spf !== null && (
            <div className="message-auth__fact" data-fact="spf">
              <dt>SPF</dt>
              <dd>{text.spf(auth.spf.outcome, auth.spf.ip, auth.spf.domain)}</dd>
            </div>
          )}
          {auth.dmarc !== null && (
            <div className="message-auth__fact" data-fact="dmarc">
              <dt>DMARC</dt>
              <dd>
                {[
                  text.dmarc(auth.dmarc.outcome, auth.dmarc.fromDomain, auth.dmarc.policy),
                  ...(auth.dmarc.alignedBy.length > 0 ? [text.alignedBy(auth.dmarc.alignedBy)] : []),
                ].join(', ')}
              </dd>
            </div>
          )}
          {auth.arc !== null && (
            <div className="message-auth__fact" data-fact="arc">
              <dt>ARC</dt>
              <dd>{text.arc(auth.arc.outcome, auth.arc.sets)}</dd>
            </div>
          )}
        </dl>
      )}
    </>
  );
}
