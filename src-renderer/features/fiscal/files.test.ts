import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './files';

describe('base64', () => {
  it('round-trips every byte value, as Node encodes them', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('handles files larger than one chunk (a real PFX is a few KB, the limit ~150 KB)', () => {
    const bytes = new Uint8Array(150_000).map((_, i) => (i * 7) % 251);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
