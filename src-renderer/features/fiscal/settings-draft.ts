import type { ApiInput } from '../../../src-main/api/contract';
import type { FiscalSettingsView } from '../../../src-main/api/fiscal-contract';

export type EndpointKind = FiscalSettingsView['endpoint']['kind'];
export type SaveSettingsInput = ApiInput<'fiscal.saveSettings'>;

/** The SUNAT settings form as typed: plain strings, nothing parsed until saving. */
export interface SettingsDraft {
  endpointKind: EndpointKind;
  billServiceUrl: string;
  consultServiceUrl: string;
  boletaDelivery: FiscalSettingsView['boletaDelivery'];
  solUser: string;
  /** Empty: keep the stored password (it is never sent back to the screen). */
  solPassword: string;
}

export type DraftField = keyof SettingsDraft;

export function draftFromSettings(view: FiscalSettingsView): SettingsDraft {
  const ose = view.endpoint.kind === 'ose' ? view.endpoint : null;
  return {
    endpointKind: view.endpoint.kind,
    billServiceUrl: ose?.billServiceUrl ?? '',
    consultServiceUrl: ose?.consultServiceUrl ?? '',
    boletaDelivery: view.boletaDelivery,
    solUser: view.solUser ?? '',
    solPassword: '',
  };
}

function endpointOf(draft: SettingsDraft): SaveSettingsInput['endpoint'] {
  switch (draft.endpointKind) {
    case 'beta':
      return { kind: 'beta' };
    case 'production':
      return { kind: 'production' };
    case 'ose':
      return {
        kind: 'ose',
        billServiceUrl: draft.billServiceUrl.trim(),
        consultServiceUrl: draft.consultServiceUrl.trim() || null,
      };
  }
}

export type SaveRequest = { input: SaveSettingsInput } | { problem: string; field: DraftField };

/**
 * What to send to `fiscal.saveSettings`, or the first blank the person must fill (pointed at its
 * field). Only completeness is checked here; the core validates the URLs and everything else.
 */
export function saveRequest(draft: SettingsDraft, hasSolPassword: boolean): SaveRequest {
  if (draft.endpointKind === 'ose' && draft.billServiceUrl.trim() === '') {
    return { problem: 'Escriba la dirección del servicio de envío del OSE.', field: 'billServiceUrl' };
  }
  const solUser = draft.solUser.trim();
  if (solUser === '') return { problem: 'Escriba el usuario SOL.', field: 'solUser' };
  if (!hasSolPassword && draft.solPassword === '') {
    return { problem: 'Escriba la clave SOL: todavía no hay una guardada.', field: 'solPassword' };
  }
  return {
    input: {
      endpoint: endpointOf(draft),
      boletaDelivery: draft.boletaDelivery,
      solUser,
      ...(draft.solPassword === '' ? {} : { solPassword: draft.solPassword }),
    },
  };
}

/** The form differs from what is saved (a typed password always counts). */
export function isDirty(draft: SettingsDraft, saved: FiscalSettingsView): boolean {
  const base = draftFromSettings(saved);
  return (Object.keys(base) as DraftField[]).some((field) => draft[field] !== base[field]);
}
