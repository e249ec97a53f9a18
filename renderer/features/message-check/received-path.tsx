/**
 * The Received chain as a table: each hop (RFC 5321 section 4.4 trace fields, the last hop first), the
 * encryption it recorded (RFC 8314's "tls" clauses where the server wrote them) and the time it took.
 */
import type { ReceivedChainView } from '../../../preload/contract/message-check';
import { strings } from '../../strings';
import { formatWhen } from '../history/history-model';

export function ReceivedPath({ chain }: { readonly chain: ReceivedChainView }) {
  const text = strings.messageCheck;
  const columns = text.pathColumns;
  return (
    <section className="audit__section message-path" aria-labelledby="message-path-title">
      <h2 id="message-path-title" className="section-title">
        {text.pathTitle(chain.total)}
      </h2>
      {chain.hops.length === 0 ? (
        <p>{text.pathNone}</p>
      ) : (
        <>
          <p>{text.pathLead}</p>
          {chain.hops.length < chain.total && <p>{text.pathShown(chain.hops.length, chain.total)}</p>}
          <div className="table-scroll">
            <table className="data-table" data-table="path">
              <thead>
                <tr>
                  <th scope="col">{columns.hop}</th>
                  <th scope="col">{columns.from}</th>
                  <th scope="col">{columns.by}</th>
                  <th scope="col">{columns.tls}</th>
                  <th scope="col">{columns.at}</th>
                  <th scope="col">{columns.delay}</th>
                </tr>
              </thead>
              <tbody>
                {chain.hops.map((hop) => (
                  <tr key={hop.index} data-encrypted={String(hop.encrypted)}>
                    <th scope="row">{hop.index}</th>
                    <td className="mono">
                      {hop.from ?? text.unknown}
                      {hop.fromIp !== null && ` [${hop.fromIp}]`}
                    </td>
                    <td className="mono">
                      {hop.by ?? text.unknown}
                      {hop.protocol !== null && ` (${hop.protocol})`}
                    </td>
                    <td>{text.hopTls(hop.encrypted, hop.tlsVersion, hop.tlsCipher)}</td>
                    <td>{hopTime(hop.at)}</td>
                    <td>{hop.delaySeconds === null ? text.unknown : text.delay(hop.delaySeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The hop's date in the person's locale; as written when it is not a date a browser can read. */
function hopTime(at: string | null): string {
  if (at === null) return strings.messageCheck.unknown;
  return Number.isNaN(Date.parse(at)) ? at : formatWhen(at);
}
