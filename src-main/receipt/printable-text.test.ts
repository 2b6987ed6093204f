import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { printableText } from './printable-text';

describe('printableText', () => {
  it('keeps Spanish letters and signs', () => {
    expect(printableText('¡Año nuevo! ¿Piña, jamón, AZÚCAR? Nº 5, 1/2 = ½')).toBe(
      '¡Año nuevo! ¿Piña, jamón, AZÚCAR? Nº 5, 1/2 = ½',
    );
  });

  it('replaces typographic look-alikes and folds other accents', () => {
    expect(printableText('“Café” – 3… São Łódź €5 ™')).toBe('"Café" - 3. Sao ?ódz E5 TM');
  });

  it('joins a letter and its combining accent into one column', () => {
    expect(printableText('Jamo\u0301n')).toBe('Jamón');
    expect(printableText('Jamo\u0301n')).toHaveLength(5);
  });

  it('marks what has no printable form', () => {
    expect(printableText('日本 🍞')).toBe('?? ?');
  });

  it('produces only characters each code page encodes and decodes back unchanged', () => {
    const everything = printableText(
      'ÁÉÍÓÚÜÑáéíóúüñ¡¿°ºª«»ÀÈÌÒÙàèìòùÂÊÎÔÛâêîôûÄËÏÖäëïöÿÇç£¥±²³µ·½¼¾×÷ abc 0-9 ~',
    );
    for (const encoding of ['cp850', 'cp858', 'cp1252']) {
      expect(iconv.decode(iconv.encode(everything, encoding), encoding), encoding).toBe(everything);
    }
  });
});
