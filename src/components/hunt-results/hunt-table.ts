/**
 * The pure parts of the hunt results table: the columns to show, cell text, sorting and
 * paging. Rows are identified by their index in `HuntResult.rows`, which stays the same when
 * the table is sorted or paged, so a selection survives both.
 */

import type { HuntColumn, HuntRecord, HuntResult } from '../../adapter/adapter.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: string;
  direction: SortDirection;
}

/** Returns the result's columns, or the keys of its rows in first-seen order when it lists none. */
export function resultColumns(result: HuntResult): HuntColumn[] {
  if (result.columns.length > 0) return result.columns;

  const names = new Set<string>();
  for (const row of result.rows) {
    for (const key of Object.keys(row)) names.add(key);
  }
  return [...names].map((name) => ({ name }));
}

/** Reads a `datetime` cell as epoch milliseconds: a number as it is, a string through `Date.parse`. */
export function cellTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string' && value.trim() !== '') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

/**
 * Formats a cell as text in the locale of `format`. Times of a `datetime` column and `Date`
 * values show with date, seconds and zone, numbers of a `number` column with the locale's digits
 * and grouping, and objects as JSON.
 */
export function cellText(value: unknown, column: HuntColumn, format: LocaleFormat): string {
  if (value === undefined || value === null) return '';

  if (column.type === 'datetime' || value instanceof Date) {
    const text = format.time(cellTime(value));
    if (text !== undefined) return text;
  }
  if (typeof value === 'number') return column.type === 'number' ? format.number(value) : String(value);
  return plainText(value);
}

/** Returns the text of a value that no locale changes: a string, a boolean, an invalid date or JSON. */
function plainText(value: unknown): string {
  if (typeof value === 'boolean') return msg(value ? 'hunt.yes' : 'hunt.no');
  if (typeof value === 'string') return value;
  if (value instanceof Date) return String(value);

  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Returns a sort key that compares by the column's type. A blank cell has no key and sorts last. */
function sortKey(value: unknown, column: HuntColumn): number | string | undefined {
  if (isBlank(value)) return undefined;

  switch (column.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(number) ? undefined : number;
    }
    case 'datetime':
      return cellTime(value);
    case 'boolean':
      return value === true || value === 'true' ? 1 : 0;
    default:
      if (typeof value === 'number') return value;
      if (value instanceof Date) return cellTime(value);
      return plainText(value);
  }
}

function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Returns the row indexes in display order. Blank cells sort last in both directions, and rows
 * that compare equal keep the query's order.
 */
export function sortedRowIndexes(rows: readonly HuntRecord[], columns: readonly HuntColumn[], sort: SortState | undefined): number[] {
  const indexes = rows.map((_, index) => index);
  const column = sort && columns.find((candidate) => candidate.name === sort.column);
  if (!sort || !column) return indexes;

  const keys = rows.map((row) => sortKey(row[column.name], column));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return indexes.sort((a, b) => {
    const keyA = keys[a];
    const keyB = keys[b];
    if (keyA === undefined || keyB === undefined) {
      if (keyA === keyB) return a - b;
      return keyA === undefined ? 1 : -1;
    }
    return sign * compareKeys(keyA, keyB) || a - b;
  });
}

/** Returns the sort after the user chose `column`: ascending first, then the other direction. */
export function nextSort(current: SortState | undefined, column: string): SortState {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}

export interface Page {
  /** Zero-based page index, clamped to the pages that exist. */
  index: number;
  count: number;
  /** Zero-based start (inclusive) and end (exclusive) in the sorted row list. */
  start: number;
  end: number;
}

/** Returns the page of `rowCount` rows at `index`, `size` rows per page. */
export function pageOf(rowCount: number, size: number, index: number): Page {
  const perPage = Math.max(1, Math.floor(size) || 1);
  const count = Math.max(1, Math.ceil(rowCount / perPage));
  const clamped = Math.min(Math.max(0, Math.floor(index) || 0), count - 1);
  const start = clamped * perPage;
  return { index: clamped, count, start, end: Math.min(rowCount, start + perPage) };
}
