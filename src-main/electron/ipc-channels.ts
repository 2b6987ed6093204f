/** IPC channel names shared by main and the preload (no 'electron' import, so both can use it). */
export const RPC_CHANNEL = 'mostrador:rpc';
export const EVENT_CHANNEL = 'mostrador:event';
