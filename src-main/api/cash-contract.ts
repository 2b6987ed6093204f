/** Filled in by the cash work (issue 5). */
export const cashContract = {} as const;
