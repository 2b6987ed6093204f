import type { FiscalStatus } from '../../../db/schema';

/** What the monitor's status filter offers: everything, what SUNAT has not settled, or one status. */
export type StatusFilter = 'all' | 'open' | FiscalStatus;

/** Statuses a person may still have to act on (the core's `unresolved`, as a filter). */
const OPEN: FiscalStatus[] = ['unsigned', 'pending', 'sent', 'needs_attention'];

const ORDER: FiscalStatus[] = [
  'needs_attention',
  'unsigned',
  'pending',
  'sent',
  'rejected',
  'observed',
  'accepted',
];

/** The `statuses` to ask `fiscal.documents` for; undefined means all of them. */
export function statusesFor(filter: StatusFilter): FiscalStatus[] | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'open') return OPEN;
  return [filter];
}

export interface FilterOption {
  value: StatusFilter;
  label: string;
}

/**
 * Options with the core's counts and wording, once the overview is in: "Requiere atención (2)".
 * Before that only the two groupings are offered.
 */
export function filterOptions(
  overview: { counts: Record<FiscalStatus, number>; statusLabels: Record<FiscalStatus, string> } | null,
): FilterOption[] {
  const count = (statuses: FiscalStatus[]) =>
    overview ? ` (${statuses.reduce((sum, status) => sum + overview.counts[status], 0)})` : '';
  return [
    { value: 'all', label: 'Todos' },
    { value: 'open', label: `Por resolver${count(OPEN)}` },
    ...(overview
      ? ORDER.map((status) => ({
          value: status,
          label: `${overview.statusLabels[status]}${count([status])}`,
        }))
      : []),
  ];
}

export function isStatusFilter(value: string): value is StatusFilter {
  return value === 'all' || value === 'open' || (ORDER as string[]).includes(value);
}
