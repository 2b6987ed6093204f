import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../../api/client';

export interface FoundItem {
  value: string;
  /** Who made it, when the OS knows (USB serial adapters). */
  detail: string | null;
}

export interface HardwareList {
  items: FoundItem[];
  loading: boolean;
  error: string | null;
  refresh(): void;
}

function useHardwareList(load: () => Promise<FoundItem[]>): HardwareList {
  const [state, setState] = useState<{ items: FoundItem[]; loading: boolean; error: string | null }>({
    items: [],
    loading: true,
    error: null,
  });

  const fetchList = useCallback(
    () =>
      load().then(
        (items) => setState({ items, loading: false, error: null }),
        (failure: unknown) => setState((s) => ({ ...s, loading: false, error: errorMessage(failure) })),
      ),
    [load],
  );

  useEffect(() => {
    void fetchList();
  }, [fetchList]);

  const refresh = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: null }));
    void fetchList();
  }, [fetchList]);

  return { ...state, refresh };
}

const loadSerialPorts = async (): Promise<FoundItem[]> =>
  (await api.call('devices.serialPorts')).map((port) => ({
    value: port.path,
    detail: port.manufacturer,
  }));

const loadSystemPrinters = async (): Promise<FoundItem[]> =>
  (await api.call('devices.systemPrinters')).map((name) => ({ value: name, detail: null }));

/** The serial ports and CUPS queues this machine has now; USB devices come and go, hence `refresh`. */
export function useHardwareLists(): { serialPorts: HardwareList; systemPrinters: HardwareList } {
  return {
    serialPorts: useHardwareList(loadSerialPorts),
    systemPrinters: useHardwareList(loadSystemPrinters),
  };
}
