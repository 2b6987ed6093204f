import { v7 as uuidv7 } from 'uuid';

/**
 * Time-ordered ids made on the terminal: records created offline on several
 * terminals never collide at headquarters, and sort by creation time.
 */
export function newId(): string {
  return uuidv7();
}
