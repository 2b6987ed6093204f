import type { SenderStatus } from '../../../src-main/fiscal/sender/fiscal-sender';
import { describeSender } from './fiscal-labels';

/** Whether documents are reaching SUNAT, and the button to try right now. */
export function SenderPanel({
  sender,
  sending,
  onSendNow,
}: {
  sender: SenderStatus;
  sending: boolean;
  onSendNow(): void;
}) {
  const summary = describeSender(sender);
  return (
    <section className="panel" aria-labelledby="sender-title">
      <h2 id="sender-title">Envío a SUNAT</h2>
      <p
        className={`tone-box tone-${summary.tone}`}
        data-testid="fiscal-sender"
        data-state={sender.state}
        aria-live="polite"
      >
        {summary.headline}
      </p>
      <dl className="facts">
        {summary.details.map((detail) => (
          <div key={detail.label}>
            <dt>{detail.label}</dt>
            <dd>{detail.value}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="primary"
        disabled={sending}
        onClick={onSendNow}
        data-testid="fiscal-send-now"
      >
        {sending ? 'Enviando…' : 'Enviar ahora'}
      </button>
    </section>
  );
}
