/** "Desde" and "Hasta" day pickers of a list's filters (`YYYY-MM-DD`; the core checks the range). */
export function DateRangeFields({
  from,
  to,
  onChange,
  testIdPrefix,
}: {
  from: string;
  to: string;
  onChange(change: { from: string } | { to: string }): void;
  testIdPrefix: string;
}) {
  return (
    <>
      <label>
        Desde
        <input
          type="date"
          value={from}
          onChange={(e) => onChange({ from: e.target.value })}
          data-testid={`${testIdPrefix}-from`}
        />
      </label>
      <label>
        Hasta
        <input
          type="date"
          value={to}
          onChange={(e) => onChange({ to: e.target.value })}
          data-testid={`${testIdPrefix}-to`}
        />
      </label>
    </>
  );
}
