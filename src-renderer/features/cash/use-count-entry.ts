import { useState } from 'react';
import { parseCounts, type CashCountInput, type Counts } from './denominations';

const NOT_A_COUNT = 'Escriba cuántos billetes y monedas hay, en números enteros.';

/** The typed counts of a count form, and reading them into the core's input (pointing at the first bad field). */
export function useCountEntry() {
  const [pen, setPen] = useState<Counts>({});
  const [usd, setUsd] = useState<Counts>({});
  const [invalid, setInvalid] = useState<string | null>(null);
  const read = (fail: (message: string) => void): CashCountInput | null => {
    const parsed = parseCounts(pen, usd);
    if ('invalid' in parsed) {
      setInvalid(parsed.invalid);
      fail(NOT_A_COUNT);
      return null;
    }
    setInvalid(null);
    return parsed.count;
  };
  return { pen, usd, setPen, setUsd, invalid, read };
}
