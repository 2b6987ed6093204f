import { useCallback, useEffect, useState } from 'react';
import type { FiscalSettingsView } from '../../../src-main/api/fiscal-contract';
import { api, errorMessage } from '../../api/client';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { CertificateSummary } from './CertificateSummary';
import { CertificateUpload } from './CertificateUpload';
import { SendingSettingsForm } from './SendingSettingsForm';
import { refreshOverview } from './fiscal-store';
import './fiscal.css';

/** Configuración SUNAT (administrador): the signing certificate, the endpoint and the SOL user. */
export function FiscalSettingsScreen() {
  const [settings, setSettings] = useState<FiscalSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('fiscal.settings').then(
      (view) => {
        setSettings(view);
        setLoadError(null);
      },
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, []);

  useEffect(load, [load]);

  return (
    <BackOfficePage title="Configuración SUNAT" testId="fiscal-settings">
      {loadError && (
        <div className="stack">
          <p className="dialog-error" role="alert" data-testid="settings-load-error">
            {loadError}
          </p>
          <button type="button" onClick={load}>
            Reintentar
          </button>
        </div>
      )}
      {!settings && !loadError && <p className="muted">Cargando configuración…</p>}
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
