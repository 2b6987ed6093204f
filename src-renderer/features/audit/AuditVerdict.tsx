import { describeBreak } from './audit-format';
import { useAudit } from './audit-store';

/** The last "Verificar cadena": green when every link holds, red naming the first that does not. */
export function AuditVerdict() {
  const verdict = useAudit((s) => s.verdict);
  const verifying = useAudit((s) => s.verifying);
  if (verifying) {
    return (
      <p className="tone-box tone-info" role="status" data-testid="audit-verdict" data-state="checking">
        Verificando la cadena de auditoría…
      </p>
    );
  }
  if (!verdict) return null;
  if (verdict.ok) {
    return (
      <div
        className="tone-box tone-ok audit-verdict"
        role="status"
        data-testid="audit-verdict"
        data-state="ok"
      >
        <span>Cadena íntegra ({verdict.entries} entradas)</span>
        <small className="mono" title="Hash de la última entrada">
          último hash {verdict.lastHash.slice(0, 16)}…
        </small>
      </div>
    );
  }
  const broken = verdict.firstBroken;
  return (
    <div
      className="tone-box tone-bad audit-verdict"
      role="alert"
      data-testid="audit-verdict"
      data-state="broken"
      data-seq={broken.seq}
    >
      <strong>Cadena rota: el registro fue alterado fuera de Mostrador.</strong>
      <span data-testid="audit-verdict-detail">{describeBreak(broken)}</span>
      <small className="mono audit-hashes">
        esperado {broken.expected} · encontrado {broken.found}
      </small>
    </div>
  );
}
