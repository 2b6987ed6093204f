import { describe, expect, it } from 'vitest';
import type { FiscalSettingsView } from '../../../src-main/api/fiscal-contract';
import { draftFromSettings, isDirty, saveRequest } from './settings-draft';

const certificate: FiscalSettingsView['certificate'] = {
  state: 'ok',
  message: 'Certificado vigente.',
  subject: 'CN=Demo',
  serialNumber: '01',
  notBefore: null,
  notAfter: null,
};

const beta: FiscalSettingsView = {
  endpoint: { kind: 'beta' },
  boletaDelivery: 'summary',
  solUser: 'MODDATOS',
  hasSolPassword: true,
  certificate,
};

describe('SUNAT settings form', () => {
  it('starts from the saved settings with an empty password', () => {
    expect(draftFromSettings(beta)).toEqual({
      endpointKind: 'beta',
      billServiceUrl: '',
      consultServiceUrl: '',
      boletaDelivery: 'summary',
      solUser: 'MODDATOS',
      solPassword: '',
    });
    const ose = draftFromSettings({
      ...beta,
      endpoint: { kind: 'ose', billServiceUrl: 'https://ose.pe/bill', consultServiceUrl: null },
      solUser: null,
    });
    expect(ose).toMatchObject({ endpointKind: 'ose', billServiceUrl: 'https://ose.pe/bill', solUser: '' });
  });

  it('keeps the stored password when the field is left empty, and trims what is typed', () => {
    const draft = {
      ...draftFromSettings(beta),
      endpointKind: 'ose' as const,
      billServiceUrl: '  https://ose.pe/bill ',
      consultServiceUrl: ' ',
      solUser: ' USUARIO1 ',
    };
    expect(saveRequest(draft, true)).toEqual({
      input: {
        endpoint: { kind: 'ose', billServiceUrl: 'https://ose.pe/bill', consultServiceUrl: null },
        boletaDelivery: 'summary',
        solUser: 'USUARIO1',
      },
    });
    expect(saveRequest({ ...draft, solPassword: 'clave 1' }, true)).toMatchObject({
      input: { solPassword: 'clave 1' },
    });
  });

  it('points at the first blank the person has to fill', () => {
    const draft = draftFromSettings(beta);
    expect(saveRequest({ ...draft, endpointKind: 'ose' }, true)).toMatchObject({ field: 'billServiceUrl' });
    expect(saveRequest({ ...draft, solUser: '  ' }, true)).toMatchObject({ field: 'solUser' });
    expect(saveRequest(draft, false)).toMatchObject({ field: 'solPassword' });
    // Production drops the OSE URLs: nothing to fill there.
    expect(saveRequest({ ...draft, endpointKind: 'production', billServiceUrl: 'x' }, true)).toMatchObject({
      input: { endpoint: { kind: 'production' } },
    });
  });

  it('knows when the form has unsaved changes', () => {
    const draft = draftFromSettings(beta);
    expect(isDirty(draft, beta)).toBe(false);
    expect(isDirty({ ...draft, boletaDelivery: 'individual' }, beta)).toBe(true);
    expect(isDirty({ ...draft, solPassword: 'x' }, beta)).toBe(true);
  });
});
