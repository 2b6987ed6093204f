/** Filled in by the users work (issue 5). */
export const usersContract = {} as const;
