import { api, errorMessage } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { refreshDevicesStatus } from './devices-store';

/** The reprint key: the last sale's receipt (the original if it never printed, else a copy), or a given one. */
export async function reprint(target: { saleId?: string; jobId?: string } = {}): Promise<void> {
  try {
    const job = await api.call('printer.reprint', target);
    useUi.getState().say('info', `Imprimiendo ${job.label}…`);
  } catch (error) {
    useUi.getState().say('error', errorMessage(error));
  }
  await refreshDevicesStatus();
}

export async function dismissPrintJob(jobId: string): Promise<void> {
  try {
    await api.call('printer.dismiss', { jobId });
  } catch (error) {
    useUi.getState().say('error', errorMessage(error));
  }
  await refreshDevicesStatus();
}

/** Supervisors only: a cashier gets the PIN prompt (the core asks for it). */
export async function openDrawer(reason: string): Promise<boolean> {
  try {
    await api.call('drawer.open', { reason });
    useUi.getState().say('info', 'Gaveta abierta.');
    return true;
  } catch (error) {
    useUi.getState().say('error', errorMessage(error));
    return false;
  }
}
