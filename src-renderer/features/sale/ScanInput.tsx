import { forwardRef, useState, type KeyboardEvent } from 'react';
import { useDevices } from '../../state/device-store';
import { scan } from './sale-actions';

/** A scanner configured with a prefix sends it into this field too: the code is what follows it. */
export function withoutPrefix(value: string, prefix: string): string {
  return prefix !== '' && value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

/** Where codes arrive (scanner or typed). It keeps the focus whenever no dialog is open. */
export const ScanInput = forwardRef<HTMLInputElement>(function ScanInput(_props, ref) {
  const [code, setCode] = useState('');
  const wedge = useDevices((s) => s.wedge);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter always (a person typing a code); Tab too when the scanner ends its codes with it.
    if (
      event.key !== 'Enter' &&
      !(event.key === 'Tab' && wedge.suffix === 'Tab' && event.currentTarget.value !== '')
    )
      return;
    event.preventDefault();
    const value = withoutPrefix(event.currentTarget.value, wedge.prefix);
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
