/** SUNAT catálogo 06 (identity documents), as cashiers say them. */
export const IDENTITY_DOC_NAMES: Record<string, string> = {
  '0': 'Sin documento',
  '1': 'DNI',
  '4': 'Carné de extranjería',
  '6': 'RUC',
  '7': 'Pasaporte',
  A: 'Cédula diplomática',
};

export const DOC_TYPE_NAMES: Record<'01' | '03', string> = { '01': 'Factura', '03': 'Boleta' };
