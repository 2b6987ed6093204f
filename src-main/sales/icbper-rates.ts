/**
 * ICBPER (impuesto al consumo de bolsas de plástico, tributo 7152) per bag by date,
 * Ley 30884: S/ 0.10 from 2019-08-01 rising S/ 0.10 a year to S/ 0.50 from 2023.
 * 2019–2021 are confirmed by SUNAT's parameter table; 2022–2023 follow the law's
 * schedule (see shared/sunat.md §2). The rate is the one in force on the issue date.
 */
const SCHEDULE: ReadonlyArray<{ from: string; cents: number }> = [
  { from: '2023-01-01', cents: 50 },
  { from: '2022-01-01', cents: 40 },
  { from: '2021-01-01', cents: 30 },
  { from: '2020-01-01', cents: 20 },
  { from: '2019-08-01', cents: 10 },
];

/** `issueDate` is the Lima calendar date `YYYY-MM-DD`. */
export function icbperRateCents(issueDate: string): number {
  return SCHEDULE.find((step) => issueDate >= step.from)?.cents ?? 0;
}
