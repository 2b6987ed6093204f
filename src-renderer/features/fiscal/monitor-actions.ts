import { api } from '../../api/client';
import { base64ToBytes, saveFile } from './files';
import { showOverview } from './fiscal-store';

/** Back in line for sending; the core refuses (in Spanish) what cannot be retried. Returns its new label. */
export async function retryDocument(documentId: string): Promise<string> {
  const view = await api.call('fiscal.retry', { documentId });
  return view.statusLabel;
}

/** Tries the whole queue now, even during a backoff; waits for that attempt. */
export async function sendNow(): Promise<void> {
  showOverview(await api.call('fiscal.sendNow'));
}

export async function downloadXml(documentId: string): Promise<void> {
  const { fileName, xml } = await api.call('fiscal.xml', { documentId });
  saveFile(fileName, xml, 'application/xml');
}

/** SUNAT's answer (constancia de recepción) exactly as received: a zip with the R-….xml inside. */
export async function downloadCdr(documentId: string): Promise<void> {
  const { fileName, base64 } = await api.call('fiscal.cdr', { documentId });
  saveFile(fileName, base64ToBytes(base64), 'application/zip');
}
