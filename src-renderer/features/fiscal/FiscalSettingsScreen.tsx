import { api } from '../../api/client';
import { useLoaded } from '../../shared/hooks';
import { LoadStatus } from '../backoffice/LoadStatus';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { CertificateSummary } from './CertificateSummary';
import { CertificateUpload } from './CertificateUpload';
import { SendingSettingsForm } from './SendingSettingsForm';
import { refreshOverview } from './fiscal-store';
import './fiscal.css';

/** Configuración SUNAT (administrador): the signing certificate, the endpoint and the SOL user. */
export function FiscalSettingsScreen() {
  const {
    value: settings,
    setValue: setSettings,
    loadError,
    reload,
  } = useLoaded(() => api.call('fiscal.settings'));

  return (
    <BackOfficePage title="Configuración SUNAT" testId="fiscal-settings">
      <LoadStatus
        loaded={settings !== null}
        error={loadError}
        onRetry={reload}
        testId="settings-load-error"
      />
      {settings && (
        <div className="settings-grid">
          <section className="panel" aria-labelledby="certificate-settings-title">
            <h2 id="certificate-settings-title">Certificado digital</h2>
            <CertificateSummary certificate={settings.certificate} />
            <CertificateUpload
              onInstalled={(certificate) => {
                setSettings((s) => (s ? { ...s, certificate } : s));
                // The counter banner and the monitor show the certificate too.
                void refreshOverview();
              }}
            />
          </section>
          <section className="panel" aria-labelledby="sending-settings-title">
            <h2 id="sending-settings-title">Envío a SUNAT</h2>
            <SendingSettingsForm settings={settings} onSaved={setSettings} />
          </section>
        </div>
      )}
    </BackOfficePage>
  );
}
