import { useRef, useState, type FormEvent } from 'react';
import type { CertificateStatus } from '../../../src-main/fiscal/credentials/fiscal-credentials';
import { api, errorMessage } from '../../api/client';
import { readFileAsBase64 } from './files';

/** The contract takes up to 200 000 base64 characters: about 150 KB of file (a real PFX is a few KB). */
const MAX_PFX_BYTES = 150_000;

/**
 * Installs a new PFX. The core checks password, key, validity and RUC before replacing the
 * current one; a refusal is shown here and the chosen file and password stay for another try.
 */
export function CertificateUpload({ onInstalled }: { onInstalled(status: CertificateStatus): void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    if (!file) {
      setError('Elija el archivo del certificado (.pfx o .p12).');
      fileInput.current?.focus();
      return;
    }
    if (file.size > MAX_PFX_BYTES) {
      setError('El archivo es demasiado grande para ser un certificado .pfx: revise que sea el correcto.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const status = await api.call('fiscal.installCertificate', {
        pfxBase64: await readFileAsBase64(file),
        password,
      });
      onInstalled(status);
      setDone(`Certificado instalado. ${status.message}`);
      setFile(null);
      setPassword('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} data-testid="certificate-form">
      <h3>Cargar un certificado nuevo</h3>
      <label>
        Archivo del certificado (.pfx o .p12)
        <input
          ref={fileInput}
          type="file"
          accept=".pfx,.p12,application/x-pkcs12"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
            setDone(null);
          }}
          data-testid="certificate-file"
        />
      </label>
      <label>
        Contraseña del certificado
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="off"
          data-testid="certificate-password"
        />
      </label>
      {error && (
        <p className="dialog-error" role="alert" data-testid="certificate-error">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status" data-testid="certificate-installed">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="certificate-install">
        {busy ? 'Verificando…' : 'Instalar certificado'}
      </button>
    </form>
  );
}
