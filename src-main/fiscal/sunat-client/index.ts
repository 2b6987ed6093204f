export { createSunatClient, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from './sunat-client';
export type { CdrQuery, SunatClient, SunatClientConfig } from './sunat-client';
export type * from './sunat-results';
export { CdrReadError, parseNote, readCdr } from './cdr-reader';
export type { CdrInfo, CdrNote } from './cdr-reader';
export * from './sunat-codes';
export * from './endpoints';
export { CdrZipError, readCdrZip, zipDocument, zipFileName } from './zip';
export type { CdrZipEntry } from './zip';
