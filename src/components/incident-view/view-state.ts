/**
 * The incident view's state as a plain value that a host can save and restore, and its URL
 * fragment form. The fragment is `URLSearchParams` text, so every value is percent-encoded:
 *
 *   #tab=alerts&entity=device%3Aws-042&alert=a1&time=1773478800000&range=1773478800000~1773482400000&filter.severities=high
 *
 * Ids repeat their key (`entity=a&entity=b`), because an id may contain any character.
 * DOM-free.
 */

import type { EpochMs } from '../../model/types.js';
import type { IncidentSession, TimeRange } from '../../session/session.js';
import { isIncidentViewTab, type IncidentViewTab } from './tabs.js';

/** Filters as the session keeps them: facet name to the values it keeps. */
export type ViewFilters = Record<string, readonly string[]>;

export interface IncidentViewState {
  tab: IncidentViewTab;
  /** Selected entity ids. */
  entityIds: string[];
  /** Selected alert ids. */
  alertIds: string[];
  /** The time cursor in epoch ms. Absent means the end of the incident, where it starts. */
  time?: EpochMs;
  /** The time window that restricts the graph and lists. Absent or null for none. */
  range?: TimeRange | null;
  /** The session's noise-control filters, for a session that has them. */
  filters?: ViewFilters;
}

/** The parts of a session that filters are read from and written to, when it has them. */
interface FilterableSession {
  filters?: ViewFilters;
  setFilters?(filters: ViewFilters | null): void;
}

/** Reads the view state from a session and the selected tab. */
export function captureViewState(session: IncidentSession | undefined, tab: IncidentViewTab): IncidentViewState {
  const state: IncidentViewState = {
    tab,
    entityIds: [...(session?.selection.entityIds ?? [])],
    alertIds: [...(session?.selection.alertIds ?? [])],
  };
  if (!session) return state;

  // The cursor at the end is the start state, so it stays out of the value and the fragment.
  if (session.time !== undefined && session.time !== session.timeBounds?.end) state.time = session.time;
  if (session.range) state.range = { ...session.range };

  const filters = nonEmptyFilters((session as unknown as FilterableSession).filters);
  if (filters) state.filters = filters;
  return state;
}

/**
 * Applies a view state to a loaded session: selection (ids the incident does not have are
 * dropped), time cursor (clamped by the session), range and filters. The tab is the caller's.
 */
export function applyViewState(session: IncidentSession, state: IncidentViewState): void {
  const snapshot = session.snapshot;
  const entityIds = new Set(snapshot?.entities.map((entity) => entity.id) ?? []);
  const alertIds = new Set(snapshot?.alerts.map((alert) => alert.id) ?? []);
  session.select({
    entityIds: state.entityIds.filter((id) => entityIds.has(id)),
    alertIds: state.alertIds.filter((id) => alertIds.has(id)),
  });

  const end = session.timeBounds?.end;
  const time = state.time ?? end;
  if (time !== undefined) session.setTime(time);
  session.setRange(state.range ?? null);

  const filterable = session as unknown as FilterableSession;
  if (typeof filterable.setFilters === 'function') filterable.setFilters(nonEmptyFilters(state.filters) ?? null);
}

/** Writes a view state as a URL fragment, with its leading `#`. */
export function viewStateToFragment(state: IncidentViewState): string {
  const params = new URLSearchParams();
  params.set('tab', state.tab);
  for (const id of state.entityIds) params.append('entity', id);
  for (const id of state.alertIds) params.append('alert', id);
  if (state.time !== undefined && Number.isFinite(state.time)) params.set('time', String(state.time));
  if (state.range) params.set('range', `${state.range.start}~${state.range.end}`);
  for (const [facet, values] of Object.entries(state.filters ?? {})) {
    for (const value of values) params.append(`filter.${facet}`, value);
  }
  return `#${params.toString()}`;
}

/**
 * Reads a view state from a URL fragment, with or without its leading `#`. Values that cannot
 * be read (an unknown tab, a time that is not a number, a malformed range) are left out, so
 * they keep their defaults.
 */
export function viewStateFromFragment(fragment: string): IncidentViewState {
  const params = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const tab = params.get('tab');
  const state: IncidentViewState = {
    tab: isIncidentViewTab(tab) ? tab : 'story',
    entityIds: params.getAll('entity'),
    alertIds: params.getAll('alert'),
  };

  const time = readNumber(params.get('time'));
  if (time !== undefined) state.time = time;

  const range = params.get('range')?.split('~');
  const start = readNumber(range?.[0] ?? null);
  const end = readNumber(range?.[1] ?? null);
  if (range?.length === 2 && start !== undefined && end !== undefined) state.range = { start, end };

  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('filter.')) continue;
    const facet = key.slice('filter.'.length);
    if (facet) (filters[facet] ??= []).push(value);
  }
  if (Object.keys(filters).length > 0) state.filters = filters;
  return state;
}

function readNumber(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Returns a copy with only the facets that hold values, or undefined when none does. */
function nonEmptyFilters(filters: ViewFilters | undefined): ViewFilters | undefined {
  if (!filters) return undefined;
  const kept = Object.entries(filters).filter(([, values]) => Array.isArray(values) && values.length > 0);
  if (kept.length === 0) return undefined;
  return Object.fromEntries(kept.map(([facet, values]) => [facet, [...values]]));
}
