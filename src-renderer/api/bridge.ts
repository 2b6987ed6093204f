import type { MostradorBridge } from '../../src-preload/api';
import { createWebBridge } from './web-bridge';

let bridge: MostradorBridge | null = null;

/** Electron's preload door when there is one, else the web host's HTTP twin. Chosen once. */
export function getBridge(): MostradorBridge {
  bridge ??= window.mostrador ?? createWebBridge();
  return bridge;
}
