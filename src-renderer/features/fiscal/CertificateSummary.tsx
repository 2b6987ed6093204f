import type { CertificateStatus } from '../../../src-main/fiscal/credentials/fiscal-credentials';
import { CERTIFICATE_TONES, formatTimestamp } from './fiscal-labels';

/** The signing certificate as the core describes it: state message, holder, serial and validity. */
export function CertificateSummary({ certificate }: { certificate: CertificateStatus }) {
  return (
    <div className="certificate-summary" data-testid="fiscal-certificate" data-state={certificate.state}>
      <p
        className={`tone-box tone-${CERTIFICATE_TONES[certificate.state]}`}
        data-testid="certificate-message"
      >
        {certificate.message}
      </p>
      {certificate.subject && (
        <dl className="facts">
          <div>
            <dt>Titular</dt>
            <dd data-testid="certificate-subject">{certificate.subject}</dd>
          </div>
          <div>
            <dt>N.º de serie</dt>
            <dd className="mono" data-testid="certificate-serial">
              {certificate.serialNumber}
            </dd>
          </div>
          <div>
            <dt>Vigencia</dt>
            <dd data-testid="certificate-validity">
              Del {certificate.notBefore && formatTimestamp(certificate.notBefore)} al{' '}
              {certificate.notAfter && formatTimestamp(certificate.notAfter)}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
