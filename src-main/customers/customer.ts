import type { IdentityDocType } from './identity';

export interface Customer {
  id: string;
  docType: IdentityDocType;
  docNumber: string;
  name: string;
  address: string | null;
  email: string | null;
}

export interface CustomerInput {
  docType: IdentityDocType;
  docNumber: string;
  name: string;
  address?: string | null | undefined;
  email?: string | null | undefined;
}
