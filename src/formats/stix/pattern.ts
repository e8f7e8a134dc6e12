/**
 * The observables a STIX pattern names. An indicator's pattern
 * (`[ipv4-addr:value = '10.0.0.0']`) describes what it matches. Each equality comparison names
 * a value. The comparisons joined by AND inside one observation expression (`[...]`) describe
 * one object together, such as a certificate's issuer and serial number.
 *
 * Only `=` comparisons on plain property paths give values. Other operators (`MATCHES`,
 * `LIKE`, `IN`, `!=`, `<` …) and paths through references (`from_ref.value`) or lists
 * (`body_multipart[*]`) describe a set of objects rather than one, so they give none.
 */

import { isRecord, type JsonRecord } from '../shared/json-readers.js';

/** An object a pattern names: its STIX type and the properties its comparisons fix. */
export interface PatternObservable {
  type: string;
  properties: JsonRecord;
  /** Canonical text of the comparisons, for example `value=10.0.0.0`. Stable across runs. */
  canonical: string;
}

// One comparison: object type, property path, optional NOT, operator, and a single-quoted value.
const COMPARISON =
  /([a-z0-9][a-z0-9-]*):((?:[a-z0-9_-]+|'[^']*')(?:\.(?:[a-z0-9_-]+|'[^']*')|\[[^\]]*\])*)\s*(NOT\s+)?(=|!=|<>|<=|>=|<|>|IN|LIKE|MATCHES|ISSUBSET|ISSUPERSET)\s*(?:(?:h|b|t)?'((?:[^'\\]|\\.)*)')?/gi;

/** Returns the objects the pattern names, one per object type and AND-joined group of comparisons. */
export function patternObservables(pattern: string): PatternObservable[] {
  const observables: PatternObservable[] = [];
  for (const expression of observationExpressions(pattern)) {
    for (const group of splitOutsideQuotes(expression, /\bOR\b/i)) {
      const byType = new Map<string, Array<[string[], string]>>();
      for (const match of group.matchAll(COMPARISON)) {
        const [, type, path, negated, operator, value] = match;
        if (negated !== undefined || operator !== '=' || value === undefined) continue;
        const segments = pathSegments(path!);
        if (segments === undefined) continue;
        const list = byType.get(type!.toLowerCase()) ?? [];
        list.push([segments, value.replace(/\\(.)/g, '$1')]);
        byType.set(type!.toLowerCase(), list);
      }
      for (const [type, comparisons] of byType) observables.push(observableOf(type, comparisons));
    }
  }
  return observables;
}

function observableOf(type: string, comparisons: Array<[string[], string]>): PatternObservable {
  const properties: JsonRecord = {};
  for (const [segments, value] of comparisons) {
    let target = properties;
    segments.slice(0, -1).forEach((segment) => {
      if (!isRecord(target[segment])) target[segment] = {};
      target = target[segment] as JsonRecord;
    });
    target[segments[segments.length - 1]!] = value;
  }
  const canonical = comparisons
    .map(([segments, value]) => `${segments.join('.')}=${value}`)
    .sort()
    .join('&');
  return { type, properties, canonical };
}

/** Splits a property path into its names, or returns `undefined` for a path this reader skips. */
function pathSegments(path: string): string[] | undefined {
  if (path.includes('[')) return undefined;
  const segments = (path.match(/'[^']*'|[^.]+/g) ?? []).map((segment) => segment.replace(/^'|'$/g, ''));
  if (segments.some((segment) => segment.endsWith('_ref') || segment.endsWith('_refs'))) return undefined;
  return segments;
}

/** Returns the text inside each top-level `[...]` of the pattern, ignoring brackets in quotes. */
function observationExpressions(pattern: string): string[] {
  const expressions: string[] = [];
  let depth = 0;
  let start = -1;
  let quoted = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (quoted) {
      if (character === '\\') index++;
      else if (character === "'") quoted = false;
    } else if (character === "'") {
      quoted = true;
    } else if (character === '[') {
      if (depth === 0) start = index + 1;
      depth++;
    } else if (character === ']' && depth > 0) {
      depth--;
      if (depth === 0) expressions.push(pattern.slice(start, index));
    }
  }
  return expressions;
}

/** Splits `text` at each match of `separator` that is outside single quotes. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const anchored = new RegExp(`^(?:${separator.source})`, separator.flags.replace('g', ''));
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '\\') index++;
      else if (character === "'") quoted = false;
      continue;
    }
    if (character === "'") {
      quoted = true;
      continue;
    }
    const match = anchored.exec(text.slice(index));
    if (match !== null && /\s/.test(text[index - 1] ?? ' ')) {
      parts.push(text.slice(start, index));
      index += match[0].length - 1;
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
