import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CdrZipError, readCdrZip, zipDocument, zipFileName } from './zip';

const NAME = '20601234565-03-B001-7';
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice>Doña Peta · S/ 7,80</Invoice>\n';

/** Compression method of each local file header (8 = DEFLATE). */
function entryMethods(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const methods: number[] = [];
  for (let offset = 0; offset + 30 <= zip.length;) {
    if (view.getUint32(offset, true) !== 0x04034b50) break;
    methods.push(view.getUint16(offset + 8, true));
    const compressed = view.getUint32(offset + 18, true);
    offset += 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) + compressed;
  }
  return methods;
}

describe('zipDocument', () => {
  it('holds exactly one DEFLATE entry {name}.xml with the exact UTF-8 bytes', () => {
    const zip = zipDocument(NAME, XML);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([`${NAME}.xml`]);
    expect(Buffer.from(files[`${NAME}.xml`] ?? new Uint8Array())).toEqual(Buffer.from(XML, 'utf8'));
    expect(entryMethods(zip)).toEqual([8]);
    expect(zipFileName(NAME)).toBe(`${NAME}.zip`);
  });

  it('never writes a BOM', () => {
    const files = unzipSync(zipDocument(NAME, `\uFEFF${XML}`));
    expect(Buffer.from(files[`${NAME}.xml`] ?? new Uint8Array())).toEqual(Buffer.from(XML, 'utf8'));
  });

  it('refuses names with folders or extensions', () => {
    expect(() => zipDocument(`${NAME}.xml`, XML)).toThrow(RangeError);
    expect(() => zipDocument(`../${NAME}`, XML)).toThrow(RangeError);
    expect(() => zipDocument('', XML)).toThrow(RangeError);
  });
});

describe('readCdrZip', () => {
  it('takes the first xml entry, skipping the dummy folder and other files', () => {
    const zip = zipSync({
      dummy: {},
      'readme.txt': strToU8('x'),
      [`R-${NAME}.xml`]: strToU8('<a/>'),
      'R-otro.xml': strToU8('<b/>'),
    });
    const entry = readCdrZip(zip);
    expect(entry.entryName).toBe(`R-${NAME}.xml`);
    expect(new TextDecoder().decode(entry.xmlBytes)).toBe('<a/>');
  });

  it('accepts upper-case extensions', () => {
    expect(readCdrZip(zipSync({ 'R-X.XML': strToU8('<a/>') })).entryName).toBe('R-X.XML');
  });

  it('fails with CdrZipError on broken or empty zips', () => {
    expect(() => readCdrZip(new Uint8Array([1, 2, 3, 4]))).toThrow(CdrZipError);
    expect(() => readCdrZip(new Uint8Array())).toThrow(CdrZipError);
    expect(() => readCdrZip(zipSync({ dummy: {} }))).toThrow(CdrZipError);
  });
});
