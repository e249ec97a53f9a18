/**
 * What each trusted certificate is: who it was issued to and by, when it expires, and its SHA-256
 * fingerprint (to compare with what the company's IT published), with any warning beside it.
 */
import type { CertificateSummary } from '../../../preload/contract/settings';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';

export interface CertificateListProps {
  readonly certificates: readonly CertificateSummary[];
  readonly labelledBy: string;
}

export function CertificateList({ certificates, labelledBy }: CertificateListProps) {
  const text = strings.trustedCa;
  return (
    <ul className="certificate-list" aria-labelledby={labelledBy}>
      {certificates.map((certificate) => (
        <li className="certificate" key={certificate.fingerprintSha256}>
          <dl className="certificate__facts">
            <div>
              <dt>{text.subject}</dt>
              <dd>{certificate.subject}</dd>
            </div>
            <div>
              <dt>{text.issuer}</dt>
              <dd>{certificate.issuer}</dd>
            </div>
            <div>
              <dt>{text.expires}</dt>
              <dd>
                <time dateTime={certificate.validTo}>{text.date(certificate.validTo)}</time>
              </dd>
            </div>
            <div>
              <dt>{text.fingerprint}</dt>
              <dd className="mono certificate__fingerprint">{certificate.fingerprintSha256}</dd>
            </div>
          </dl>
          {certificate.warnings.map((warning) => (
            <Notice tone="warning" key={warning}>
              {text.warning[warning]}
            </Notice>
          ))}
        </li>
      ))}
    </ul>
  );
}
