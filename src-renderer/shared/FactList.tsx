import type { ReactNode } from 'react';

export interface FactRow {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** Label / value pairs in a panel (`.facts`: values line up under the longest label). */
export function FactList({
  facts,
  className,
  testId,
}: {
  facts: FactRow[];
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'} data-testid={testId}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd data-testid={fact.testId}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
