/** Sale history, returns (notas de crédito), voids and notas de débito. */
export const returnsContract = {} as const;
