import type { SaleView } from '../../sales/sale-view';
import { catalogUri, SUNAT_AGENCY } from './ubl-catalogs';
import { el, type XmlElement } from './xml-writer';

/** Issuer and customer parties, in the UBL 2.1 shape (CPE) and the UBL 2.0 shape (RC/RA). */

export type IssuerStore = SaleView['store'];
export type DocumentCustomer = SaleView['customer'];

export interface IssuerAddressOptions {
  /** INEI ubigeo of the issuer's fiscal address (6 digits), when known. */
  issuerUbigeo?: string | null;
  /** SUNAT code of the establishment (anexo) that issues; `0000` is the fiscal address. */
  establishmentCode?: string;
}

/** Anonymous boleta customer (total ≤ S/ 700): SUNAT skips format checks when the ID is `-`. */
export const ANONYMOUS_CUSTOMER = { docType: '0', docNumber: '-', name: 'VARIOS' } as const;

/** Catálogo 06 code of a RUC. */
export const RUC_DOC_TYPE = '6';

export function identityId(docType: string, docNumber: string): XmlElement {
  return el(
    'cbc:ID',
    {
      schemeID: docType,
      schemeName: 'Documento de Identidad',
      schemeAgencyName: SUNAT_AGENCY,
      schemeURI: catalogUri('06'),
    },
    docNumber,
  );
}

export function supplierParty(store: IssuerStore, options: IssuerAddressOptions): XmlElement {
  return el(
    'cac:AccountingSupplierParty',
    {},
    el(
      'cac:Party',
      {},
      el('cac:PartyIdentification', {}, identityId(RUC_DOC_TYPE, store.ruc)),
      store.tradeName.trim() !== '' && el('cac:PartyName', {}, el('cbc:Name', {}, store.tradeName)),
      el(
        'cac:PartyLegalEntity',
        {},
        el('cbc:RegistrationName', {}, store.legalName),
        el(
          'cac:RegistrationAddress',
          {},
          options.issuerUbigeo ? el('cbc:ID', {}, options.issuerUbigeo) : null,
          el('cbc:AddressTypeCode', {}, options.establishmentCode ?? '0000'),
          el('cac:AddressLine', {}, el('cbc:Line', {}, store.address)),
          el('cac:Country', {}, el('cbc:IdentificationCode', {}, 'PE')),
        ),
      ),
    ),
  );
}

export function customerParty(customer: DocumentCustomer): XmlElement {
  const party = customer ?? ANONYMOUS_CUSTOMER;
  const address = customer?.address?.trim();
  return el(
    'cac:AccountingCustomerParty',
    {},
    el(
      'cac:Party',
      {},
      el('cac:PartyIdentification', {}, identityId(party.docType, party.docNumber)),
      el(
        'cac:PartyLegalEntity',
        {},
        el('cbc:RegistrationName', {}, party.name),
        address
          ? el('cac:RegistrationAddress', {}, el('cac:AddressLine', {}, el('cbc:Line', {}, address)))
          : null,
      ),
    ),
  );
}

/** UBL 2.0 issuer of a resumen diario or comunicación de baja: RUC as an account ID. */
export function summarySupplierParty(store: Pick<IssuerStore, 'ruc' | 'legalName'>): XmlElement {
  return el(
    'cac:AccountingSupplierParty',
    {},
    el('cbc:CustomerAssignedAccountID', {}, store.ruc),
    el('cbc:AdditionalAccountID', {}, RUC_DOC_TYPE),
    el('cac:Party', {}, el('cac:PartyLegalEntity', {}, el('cbc:RegistrationName', {}, store.legalName))),
  );
}
