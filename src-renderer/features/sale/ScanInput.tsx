import { forwardRef, useState, type KeyboardEvent } from 'react';
import { scan } from './sale-actions';

/** Where codes arrive (scanner or typed). It keeps the focus whenever no dialog is open. */
export const ScanInput = forwardRef<HTMLInputElement>(function ScanInput(_props, ref) {
  const [code, setCode] = useState('');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const value = event.currentTarget.value;
    // Cleared at once so the next code can arrive while this one is resolved.
    setCode('');
    void scan(value);
  };

  return (
    <label className="scan-bar">
      <span className="scan-icon" aria-hidden="true">
        ▌▌▌
      </span>
      <input
        ref={ref}
        className="scan-input"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Escanee o escriba el código y presione Enter"
        autoComplete="off"
        spellCheck={false}
        aria-label="Código de barras"
        data-wedge="off"
        data-testid="scan-input"
      />
    </label>
  );
});
