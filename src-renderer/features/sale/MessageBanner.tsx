import { useUi } from '../../state/ui-store';

/** Last refusal or notice; re-keyed on each message so the flash replays even for the same text. */
export function MessageBanner() {
  const message = useUi((s) => s.message);
  if (!message) return <div className="sale-message empty" data-testid="sale-message" />;
  return (
    <div
      key={message.id}
      className={`sale-message ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="sale-message"
    >
      {message.text}
    </div>
  );
}
