import type { CatalogProduct } from '../db/seeds/demo-catalog';
import { pick } from './random';

/**
 * Words a cashier would type: letters only, 3 or more ("de", "500", "ml" are skipped). The
 * generator's "Lote 7" suffix only makes synthetic names unique; nobody types it.
 */
function typeableWords(name: string): string[] {
  return name
    .replace(/ Lote \d+$/, '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => /^\p{L}{3,}$/u.test(word));
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Keystroke states of one typed phrase: 1 to 3 consecutive words of a real name, the last
 * one cut short, every word at least 3 letters ("arr", "arro", "arroz", "arroz cos", ...).
 * Half the phrases are typed without accents, as most cashiers do.
 */
function typedPhrase(product: CatalogProduct, rand: () => number): string[] {
  const words = typeableWords(product.name);
  if (words.length === 0) return [];
  const first = rand() < 0.8 ? 0 : Math.floor(rand() * words.length); // mostly the noun, sometimes the brand
  const count = 1 + Math.floor(rand() * Math.min(3, words.length - first));
  const chosen = words.slice(first, first + count);
  const plain = rand() < 0.5;
  const states: string[] = [];
  chosen.forEach((word, index) => {
    const done = chosen.slice(0, index).join(' ');
    // The last word stops at a random length; earlier ones are typed out in full.
    const stop = index === chosen.length - 1 ? 3 + Math.floor(rand() * (word.length - 2)) : word.length;
    for (let length = 3; length <= stop; length++) {
      const typed = (done ? `${done} ` : '') + word.slice(0, length);
      states.push(plain ? stripAccents(typed) : typed);
    }
  });
  return states;
}

/** `count` as-you-type queries drawn from the catalogue's own names. */
export function asYouTypeQueries(
  products: readonly CatalogProduct[],
  count: number,
  rand: () => number,
): string[] {
  const queries: string[] = [];
  while (queries.length < count) queries.push(...typedPhrase(pick(products, rand), rand));
  return queries.slice(0, count);
}
