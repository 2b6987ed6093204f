import { describe, expect, it } from 'vitest';
import { DeferredValidator } from './deferred-validator';
import type { DocumentValidator } from './document-validator';

const INPUT = { kind: 'invoice', docType: '03', fileName: '20601234565-03-B001-1.xml', xml: '<x/>' } as const;

describe('validator loaded in the background', () => {
  it('refuses to validate before it has loaded, then answers synchronously', async () => {
    let resolve: (v: DocumentValidator) => void = () => undefined;
    const deferred = new DeferredValidator(new Promise((r) => (resolve = r)));
    expect(() => deferred.validate(INPUT)).toThrow(/still loading/);
    resolve({ validate: () => ({ rejected: false, findings: [] }) });
    await deferred.ready();
    expect(deferred.validate(INPUT)).toEqual({ rejected: false, findings: [] });
  });

  it('passes a failed load on to whoever waits for it', async () => {
    const deferred = new DeferredValidator(Promise.reject(new Error('rules-not-compiled')));
    await expect(deferred.ready()).rejects.toThrow('rules-not-compiled');
  });
});
