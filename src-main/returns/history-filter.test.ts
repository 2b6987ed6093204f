import { describe, expect, it } from 'vitest';
import { parseNumberQuery } from './history-filter';

describe('a receipt number typed in the history search', () => {
  it('reads the usual ways of writing it', () => {
    expect(parseNumberQuery('B001-00000007')).toEqual({ kind: 'exact', serie: 'B001', correlativo: 7 });
    expect(parseNumberQuery(' b001-7 ')).toEqual({ kind: 'exact', serie: 'B001', correlativo: 7 });
    expect(parseNumberQuery('F0017')).toEqual({ kind: 'exact', serie: 'F001', correlativo: 7 });
    expect(parseNumberQuery('00000012')).toEqual({ kind: 'correlativo', correlativo: 12 });
    expect(parseNumberQuery('F001')).toEqual({ kind: 'serie', serie: 'F001' });
    expect(parseNumberQuery('')).toEqual({ kind: 'any' });
    expect(parseNumberQuery(undefined)).toEqual({ kind: 'any' });
    expect(parseNumberQuery('leche')).toEqual({ kind: 'nothing' });
  });
});
