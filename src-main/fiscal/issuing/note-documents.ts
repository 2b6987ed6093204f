import type { NoteView } from '../documents/note-view';
import type { StoreSettings } from '../../settings/store-settings';
import { buildNoteXml } from '../ubl/note-xml';
import type { DocumentIssuer, IssuedDocument } from './document-issuer';

/** The fiscal side of a nota de crédito or débito: built from the recorded note, signed, queued. */
export class NoteDocuments {
  constructor(
    private readonly issuer: DocumentIssuer,
    private readonly settings: StoreSettings,
    private readonly issuerUbigeo: string | null,
  ) {}

  /** Inside the note's transaction: throws FISCAL_REJECTED to refuse it. */
  issueForNote(note: NoteView, userId: string): IssuedDocument {
    return this.issuer.issue(
      {
        kind: note.noteType === '07' ? 'credit-note' : 'debit-note',
        docType: note.noteType,
        serie: note.serie,
        correlativo: note.correlativo,
        issuedAt: note.issuedAt,
        issueDate: note.issueDate,
        totalCents: note.totals.totalCents,
        noteId: note.id,
        unsignedXml: this.unsignedXml(note),
      },
      userId,
    );
  }

  unsignedXml(note: NoteView): string {
    return buildNoteXml(note, { issuerUbigeo: this.issuerUbigeo, igvBps: this.settings.get('tax.igvBps') });
  }
}
