import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Customer } from '../../../src-main/customers/customer';
import type { IdentityDocType } from '../../../src-main/customers/identity';
import { api } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { IDENTITY_DOC_NAMES } from '../../shared/documents';
import { useBusyAction } from '../../shared/hooks';
import { applyCart } from '../sale/sale-actions';
import { guessDocType } from './guess-doc-type';
import './customer.css';

const DOC_TYPES: IdentityDocType[] = ['1', '6', '4', '7', 'A', '0'];

interface NewCustomer {
  docType: IdentityDocType;
  name: string;
  address: string;
}

/** F4: find the customer by document number, or register them right here. */
export function CustomerDialog() {
  const close = useUi((s) => s.close);
  const current = useSale((s) => s.cart?.customer ?? null);
  const [docNumber, setDocNumber] = useState('');
  const [found, setFound] = useState<Customer[] | null>(null);
  const [draft, setDraft] = useState<NewCustomer | null>(null);
  const { error, busy, run } = useBusyAction();

  const choose = (customerId: string | null) =>
    run(async () => {
      await applyCart(() => api.call('cart.setCustomer', { customerId }));
      close();
    });

  const find = () =>
    run(async () => {
      const number = docNumber.trim();
      if (number === '') return;
      const customers = await api.call('customers.find', { docNumber: number });
      setFound(customers);
      setDraft(customers.length === 0 ? { docType: guessDocType(number), name: '', address: '' } : null);
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    void run(async () => {
      const customer = await api.call('customers.save', {
        docType: draft.docType,
        docNumber: docNumber.trim(),
        name: draft.name.trim(),
        address: draft.address.trim() || null,
      });
      await applyCart(() => api.call('cart.setCustomer', { customerId: customer.id }));
      close();
    });
  };

  const onNumberKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // A second Enter on a single match takes it.
    const only = found?.length === 1 ? found[0] : undefined;
    if (only && only.docNumber === docNumber.trim()) void choose(only.id);
    else void find();
  };

  const nameLabel = draft?.docType === '6' ? 'Razón social' : 'Nombre completo';

  return (
    <Dialog title="Cliente (F4)" testId="customer-dialog" onClose={close} size="wide">
      <div className="stack">
        {current && (
          <div className="customer-current">
            <span>
              Actual:{' '}
              <strong>
                {IDENTITY_DOC_NAMES[current.docType]} {current.docNumber}
              </strong>{' '}
              — {current.name}
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void choose(null)}
              data-testid="customer-remove"
            >
              Quitar cliente
            </button>
          </div>
        )}
        <label>
          DNI o RUC del cliente
          <input
            className="big-input num"
            value={docNumber}
            inputMode="numeric"
            maxLength={15}
            onChange={(e) => {
              setDocNumber(e.target.value.replace(/\s/g, ''));
              setFound(null);
              setDraft(null);
            }}
            onKeyDown={onNumberKey}
            placeholder="Escriba el número y presione Enter"
            autoComplete="off"
            data-autofocus
            data-testid="customer-doc"
          />
        </label>

        {found && found.length > 0 && (
          <ul className="customer-results">
            {found.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void choose(customer.id)}
                  data-testid="customer-result"
                >
                  <strong>
                    {IDENTITY_DOC_NAMES[customer.docType]} {customer.docNumber}
                  </strong>
                  <span>{customer.name}</span>
                  {customer.address && <small className="muted">{customer.address}</small>}
                </button>
              </li>
            ))}
          </ul>
        )}

        {draft && (
          <form className="customer-form stack" onSubmit={save} data-testid="customer-form">
            <p className="muted">No está registrado. Complete sus datos:</p>
            <label>
              Tipo de documento
              <select
                value={draft.docType}
                onChange={(e) => setDraft({ ...draft, docType: e.target.value as IdentityDocType })}
                data-testid="customer-doc-type"
              >
                {DOC_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {IDENTITY_DOC_NAMES[type]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {nameLabel}
              <input
                value={draft.name}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                autoFocus
                autoComplete="off"
                data-testid="customer-name"
              />
            </label>
            <label>
              Dirección {draft.docType === '6' ? 'fiscal' : '(opcional)'}
              <input
                value={draft.address}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, address: e.target.value })}
                autoComplete="off"
                data-testid="customer-address"
              />
            </label>
            <button type="submit" className="primary" disabled={busy} data-testid="customer-save">
              Guardar y usar (Enter)
            </button>
          </form>
        )}

        {error && (
          <p className="dialog-error" role="alert" data-testid="customer-error">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
