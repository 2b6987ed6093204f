/** Filled in by the audit work (issue 5). */
export const auditContract = {} as const;
