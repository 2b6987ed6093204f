import type { NumberField, ScannerDraft, WedgeDraft } from './device-draft';
import { SerialState } from './DeviceStatus';
import { CheckField, SelectField, TextField, type Option } from './fields';
import type { HardwareList } from './hardware-lists';
import { BAUD_OPTIONS, TERMINATOR_OPTIONS } from './options';
import { PortPicker } from './PortPicker';

const SUFFIXES: ReadonlyArray<Option<WedgeDraft['suffix']>> = [
  { value: 'Enter', label: 'Enter' },
  { value: 'Tab', label: 'Tab' },
];

/** USB scanners that type like a keyboard, and serial ones whose codes the core reads itself. */
export function ScannerForm({
  wedge,
  serial,
  onWedgeChange,
  onSerialChange,
  invalid,
  serialPorts,
}: {
  wedge: WedgeDraft;
  serial: ScannerDraft;
  onWedgeChange(patch: Partial<WedgeDraft>): void;
  onSerialChange(patch: Partial<ScannerDraft>): void;
  invalid: NumberField | null;
  serialPorts: HardwareList;
}) {
  return (
    <section className="panel" aria-labelledby="device-scanners-title">
      <h2 id="device-scanners-title">Lectores de códigos de barras</h2>

      <h3>Lector USB (como teclado)</h3>
      <p className="muted small">
        Estos lectores «escriben» el código muy rápido y terminan con Enter o Tab. Una ráfaga así se toma como
        un código en cualquier pantalla, aunque el cursor esté en otro campo; lo que una persona escribe a
        mano no se confunde.
      </p>
      <CheckField
        label="Reconocer los códigos del lector USB"
        name="wedge.enabled"
        checked={wedge.enabled}
        onChange={(enabled) => onWedgeChange({ enabled })}
        testId="device-wedge-enabled"
      />
      {wedge.enabled && (
        <div className="row device-pair indent">
          <TextField
            label="Pausa máxima (ms)"
            name="wedge.maxGapMs"
            value={wedge.maxGapMs}
            onChange={(maxGapMs) => onWedgeChange({ maxGapMs })}
            numeric
            invalid={invalid === 'wedge.maxGapMs'}
            maxLength={4}
            testId="device-wedge-gap"
          />
          <TextField
            label="Largo mínimo"
            name="wedge.minLength"
            value={wedge.minLength}
            onChange={(minLength) => onWedgeChange({ minLength })}
            numeric
            invalid={invalid === 'wedge.minLength'}
            maxLength={3}
            testId="device-wedge-min-length"
          />
          <TextField
            label="Prefijo"
            name="wedge.prefix"
            value={wedge.prefix}
            onChange={(prefix) => onWedgeChange({ prefix })}
            placeholder="ninguno"
            maxLength={10}
            testId="device-wedge-prefix"
          />
          <SelectField
            label="Termina con"
            name="wedge.suffix"
            value={wedge.suffix}
            options={SUFFIXES}
            onChange={(suffix) => onWedgeChange({ suffix })}
            testId="device-wedge-suffix"
          />
        </div>
      )}

      <h3>Lector serie</h3>
      <SerialState device="serialScanner" testId="device-scanner-state" />
      <CheckField
        label="Usar un lector conectado a un puerto serie"
        hint="RS-232, o USB que el sistema muestra como puerto serie."
        name="serialScanner.enabled"
        checked={serial.enabled}
        onChange={(enabled) => onSerialChange({ enabled })}
        testId="device-scanner-enabled"
      />
      {serial.enabled && (
        <div className="stack indent">
          <PortPicker
            label="Puerto serie"
            name="serialScanner.path"
            value={serial.path}
            onChange={(path) => onSerialChange({ path })}
            list={serialPorts}
            emptyText="No se encontraron puertos serie."
            placeholder="/dev/ttyUSB0"
            testId="device-scanner-path"
          />
          <div className="row device-pair">
            <SelectField
              label="Velocidad"
              name="serialScanner.baudRate"
              value={serial.baudRate}
              options={BAUD_OPTIONS}
              onChange={(baudRate) => onSerialChange({ baudRate })}
              testId="device-scanner-baud"
            />
            <SelectField
              label="Cada código termina con"
              name="serialScanner.terminator"
              value={serial.terminator}
              options={TERMINATOR_OPTIONS}
              onChange={(terminator) => onSerialChange({ terminator })}
              testId="device-scanner-terminator"
            />
          </div>
        </div>
      )}
    </section>
  );
}
