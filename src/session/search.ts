/**
 * The search rule the graph and the lists share: an entity matches when its name, its id or one
 * of its property values contains the search text, ignoring case. Values are read down to
 * three levels of nested objects and arrays, so a hash, a command line or an address kept in
 * the properties is found. DOM-free.
 */

import type { Entity } from '../model/types.js';

/** Deepest nesting of property values that the search reads. */
const MAX_DEPTH = 3;

/** Returns the search text to match: trimmed and lower-cased, or undefined when empty. */
export function normalizeSearch(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.toLocaleLowerCase() : undefined;
}

/** True when the entity's name, id or a property value contains `query` (already normalized). */
export function entityMatchesSearch(entity: Entity, query: string): boolean {
  if (entity.displayName.toLocaleLowerCase().includes(query) || entity.id.toLocaleLowerCase().includes(query)) return true;
  return valueMatches(entity.properties, query, 0);
}

function valueMatches(value: unknown, query: string, depth: number): boolean {
  if (typeof value === 'string') return value.toLocaleLowerCase().includes(query);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).includes(query);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.some((item) => valueMatches(item, query, depth + 1));
}
