import type { FiscalDocumentView } from '../../../src-main/fiscal/fiscal-view';
import { DocumentRow, type RowAction } from './DocumentRow';

const COLUMNS = [
  'Número',
  'Tipo',
  'Fecha',
  'Total',
  'Estado',
  'Respuesta SUNAT',
  'Plazo',
  'Intentos',
  'Último error',
  'Ticket',
  'Acciones',
];

export function DocumentTable({
  documents,
  busy,
  onAction,
}: {
  documents: FiscalDocumentView[];
  busy: { id: string; action: RowAction } | null;
  onAction(action: RowAction, document: FiscalDocumentView): void;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table fiscal-table" data-testid="fiscal-table">
        <caption className="visually-hidden">Comprobantes electrónicos y su estado en SUNAT</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                className={column === 'Total' || column === 'Intentos' ? 'num' : ''}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <DocumentRow
              key={doc.id}
              document={doc}
              busy={busy?.id === doc.id ? busy.action : null}
              onAction={onAction}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
