export interface Column {
  label: string;
  /** Amounts and quantities: aligned right. */
  numeric?: boolean;
}

/** The header row of a history table. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
