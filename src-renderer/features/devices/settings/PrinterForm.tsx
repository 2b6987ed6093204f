import type { CodePage } from '../../../../src-main/devices/device-settings-schema';
import { type ConnectionKind, type NumberField, type PrinterDraft } from './device-draft';
import { CheckField, SelectField, TextField, type Option } from './fields';
import type { HardwareList } from './hardware-lists';
import { BAUD_OPTIONS } from './options';
import { PortPicker } from './PortPicker';
import { PrinterState } from './DeviceStatus';
import { PrinterTest } from './PrinterTest';

const KINDS: ReadonlyArray<Option<ConnectionKind>> = [
  { value: 'none', label: 'Ninguna' },
  { value: 'network', label: 'Red (TCP 9100)' },
  { value: 'serial', label: 'Serie' },
  { value: 'system', label: 'Impresora del sistema' },
];

const MODELS: ReadonlyArray<Option<PrinterDraft['model']>> = [
  { value: 'epson', label: 'Epson ESC/POS' },
  { value: 'star', label: 'Star' },
];

const PAPERS: ReadonlyArray<Option<PrinterDraft['paperWidthMm']>> = [
  { value: 80, label: '80 mm (48 columnas)' },
  { value: 58, label: '58 mm (32 columnas)' },
];

const CODE_PAGE_LABELS: ReadonlyArray<Option<CodePage>> = [
  { value: 'PC858_EURO', label: 'PC858 (recomendado)' },
  { value: 'PC850_MULTILINGUAL', label: 'PC850' },
  { value: 'WPC1252', label: 'Windows-1252' },
];

const PINS: ReadonlyArray<Option<PrinterDraft['drawerPin']>> = [
  { value: 2, label: 'Pin 2 (la mayoría)' },
  { value: 5, label: 'Pin 5' },
];

const KIND_HINTS: Record<ConnectionKind, string> = {
  none: 'Sin impresora: el comprobante solo se muestra en pantalla.',
  network: 'Impresoras con cable de red o Wi-Fi; casi todas reciben en el puerto 9100.',
  serial: 'Impresoras RS-232 o USB que el sistema muestra como puerto serie.',
  system: 'Una cola de impresión de CUPS; se le envían los comandos de la impresora tal cual.',
};

/** How to reach the printer, what it speaks, and what it does at each sale. */
export function PrinterForm({
  draft,
  onChange,
  invalid,
  onInvalid,
  serialPorts,
  systemPrinters,
}: {
  draft: PrinterDraft;
  onChange(patch: Partial<PrinterDraft>): void;
  invalid: NumberField | null;
  onInvalid(field: NumberField): void;
  serialPorts: HardwareList;
  systemPrinters: HardwareList;
}) {
  return (
    <section className="panel device-printer" aria-labelledby="device-printer-title">
      <h2 id="device-printer-title">Impresora de comprobantes</h2>
      <PrinterState />

      <SelectField
        label="Conexión"
        name="printer.kind"
        value={draft.kind}
        options={KINDS}
        onChange={(kind) => onChange({ kind })}
        testId="device-printer-kind"
      />
      <div className="stack indent">
        <p className="muted small">{KIND_HINTS[draft.kind]}</p>
        {draft.kind === 'network' && (
          <div className="row device-address">
            <TextField
              label="Dirección IP o nombre"
              name="printer.host"
              value={draft.host}
              onChange={(host) => onChange({ host })}
              placeholder="192.168.1.50"
              maxLength={253}
              testId="device-printer-host"
            />
            <TextField
              label="Puerto"
              name="printer.port"
              value={draft.port}
              onChange={(port) => onChange({ port })}
              numeric
              invalid={invalid === 'printer.port'}
              maxLength={5}
              testId="device-printer-port"
            />
          </div>
        )}
        {draft.kind === 'serial' && (
          <div className="row device-serial">
            <PortPicker
              label="Puerto serie"
              name="printer.serialPath"
              value={draft.serialPath}
              onChange={(serialPath) => onChange({ serialPath })}
              list={serialPorts}
              emptyText="No se encontraron puertos serie."
              placeholder="/dev/ttyUSB0"
              testId="device-printer-serial-path"
            />
            <SelectField
              label="Velocidad"
              name="printer.serialBaudRate"
              value={draft.serialBaudRate}
              options={BAUD_OPTIONS}
              onChange={(serialBaudRate) => onChange({ serialBaudRate })}
              testId="device-printer-baud"
            />
          </div>
        )}
        {draft.kind === 'system' && (
          <PortPicker
            label="Impresora del sistema"
            name="printer.systemName"
            value={draft.systemName}
            onChange={(systemName) => onChange({ systemName })}
            list={systemPrinters}
            emptyText="No se encontraron impresoras del sistema (CUPS)."
            testId="device-printer-system-name"
          />
        )}
      </div>

      <div className="row device-pair">
        <SelectField
          label="Modelo"
          name="printer.model"
          value={draft.model}
          options={MODELS}
          onChange={(model) => onChange({ model })}
          testId="device-printer-model"
        />
        <SelectField
          label="Papel"
          name="printer.paperWidthMm"
          value={draft.paperWidthMm}
          options={PAPERS}
          onChange={(paperWidthMm) => onChange({ paperWidthMm })}
          testId="device-printer-paper"
        />
      </div>
      <div className="row device-pair">
        <SelectField
          label="Juego de caracteres"
          name="printer.codePage"
          value={draft.codePage}
          options={CODE_PAGE_LABELS}
          onChange={(codePage) => onChange({ codePage })}
          testId="device-printer-code-page"
        />
        <TextField
          label="Tiempo de espera (segundos)"
          name="printer.timeoutSeconds"
          value={draft.timeoutSeconds}
          onChange={(timeoutSeconds) => onChange({ timeoutSeconds })}
          numeric
          invalid={invalid === 'printer.timeoutSeconds'}
          maxLength={6}
          testId="device-printer-timeout"
        />
      </div>
      <CheckField
        label="Consultar el estado (papel, tapa) antes de imprimir"
        hint="Solo impresoras Epson por red o serie."
        name="printer.checkStatus"
        checked={draft.checkStatus}
        onChange={(checkStatus) => onChange({ checkStatus })}
        testId="device-printer-check-status"
      />
      <CheckField
        label="Imprimir el comprobante de cada venta"
        hint="Si no, solo se imprime cuando se pide."
        name="printer.printOnSale"
        checked={draft.printOnSale}
        onChange={(printOnSale) => onChange({ printOnSale })}
        testId="device-printer-print-on-sale"
      />

      <h3>Gaveta de dinero</h3>
      <div className="row device-pair device-drawer">
        <SelectField
          label="Conectada a la impresora por el"
          name="printer.drawerPin"
          value={draft.drawerPin}
          options={PINS}
          onChange={(drawerPin) => onChange({ drawerPin })}
          testId="device-printer-drawer-pin"
        />
        <CheckField
          label="Abrir la gaveta al cobrar en efectivo"
          name="printer.openOnCash"
          checked={draft.openOnCash}
          onChange={(openOnCash) => onChange({ openOnCash })}
          testId="device-printer-open-on-cash"
        />
      </div>

      <PrinterTest draft={draft} onInvalid={onInvalid} />
    </section>
  );
}
