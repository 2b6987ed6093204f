import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/**
 * Time-ordered ids made on the terminal: records created offline on several
 * terminals never collide at headquarters, and sort by creation time.
 */
export function newId(): string {
  return uuidv7();
}

const DEMO_NAMESPACE = '6f1d3c2a-8b4e-5f70-9a61-2c3d4e5f6a7b';

/**
 * The same id for the same demo thing everywhere (a terminal's seed and headquarters' demo):
 * the demo store, its people and its catalogue line up without an enrolment-time mapping.
 */
export function demoId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, DEMO_NAMESPACE);
}
