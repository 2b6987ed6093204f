import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, safeStorage } from 'electron';

const KEY_FILE = 'secret-key.sealed';

/**
 * The key that seals the store's PFX, its password and the SOL password in the database. It is
 * kept encrypted by the operating system (DPAPI, Keychain, libsecret via safeStorage), so a copy
 * of the data folder alone cannot sign as the store. Returns undefined when the OS offers no
 * encryption (a bare Linux session): the core then falls back to its key file, and says so.
 */
export function machineSecretKey(log: (message: string) => void): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log('main: safeStorage unavailable; secrets are sealed with a key file in the data folder');
    return undefined;
  }
  const file = join(app.getPath('userData'), KEY_FILE);
  if (existsSync(file)) return safeStorage.decryptString(readFileSync(file));
  const key = randomBytes(32).toString('base64');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}
