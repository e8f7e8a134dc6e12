/**
 * Scripted adapters for the `<il-hunt-results>` tests. Each records its calls and resolves them
 * as the test sets: at once, with an error, only when aborted, or when the test releases them.
 */

import type {
  AdapterCallOptions,
  EntityRef,
  HuntQuery,
  HuntRecord,
  HuntResult,
  IncidentDataAdapter,
} from '../../src/adapter/adapter.js';

export const TARGET: EntityRef = { incidentId: 'inc-7', entityId: 'device:ws-042', kind: 'device' };
export const OTHER_TARGET: EntityRef = { incidentId: 'inc-7', entityId: 'user:alice', kind: 'user' };

export const QUERIES: HuntQuery[] = [
  {
    id: 'all-activity',
    name: 'All activity',
    description: 'Every event of the device in the last 7 days',
    query: 'DeviceEvents | where DeviceId == "ws-042" | take 100',
  },
  { id: 'related-alerts', name: 'Related alerts', description: 'Alerts that name the device' },
];

export const START = Date.UTC(2026, 2, 7, 0, 0, 0);
export const END = Date.UTC(2026, 2, 14, 0, 0, 0);

/** Builds `count` rows of process events, one minute apart, with pids counting down. */
export function processRows(count: number): HuntRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    Timestamp: new Date(START + index * 60_000).toISOString(),
    FileName: `tool-${String(index).padStart(3, '0')}.exe`,
    ProcessId: 9000 - index,
    IsSigned: index % 2 === 0,
  }));
}

export function huntResult(count: number): HuntResult {
  return {
    columns: [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'FileName', type: 'string' },
      { name: 'ProcessId', type: 'number' },
      { name: 'IsSigned', type: 'boolean' },
    ],
    rows: processRows(count),
    start: START,
    end: END,
  };
}

/** A call the adapter received and has not settled yet. */
export interface PendingCall<T> {
  options: AdapterCallOptions;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Returns a promise the test settles through `calls`. It also rejects when the signal aborts,
 * unless `ignoreSignal` is set, which models an adapter that resolves late regardless.
 */
function deferred<T>(calls: PendingCall<T>[], options: AdapterCallOptions, ignoreSignal: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    calls.push({ options, resolve, reject });
    if (!ignoreSignal) options.signal.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

export interface ScriptedAdapter extends IncidentDataAdapter {
  listCalls: { target: EntityRef; options: AdapterCallOptions }[];
  runCalls: { query: HuntQuery; options: AdapterCallOptions }[];
  linkCalls: { incidentId: string; records: HuntRecord[]; options: AdapterCallOptions }[];
  pendingLists: PendingCall<HuntQuery[]>[];
  pendingRuns: PendingCall<HuntResult>[];
  pendingLinks: PendingCall<void>[];
}

export interface ScriptOptions {
  /** What `listHuntQueries` does: resolve with the queries, reject, or wait for the test. */
  list?: 'answer' | 'fail' | 'wait';
  run?: 'answer' | 'fail' | 'wait';
  link?: 'answer' | 'fail' | 'wait' | 'absent';
  /** Rows that `runHunt` returns when it resolves at once. */
  rowCount?: number;
  /** Waiting calls settle only through the test, even after their signal aborts. */
  ignoreSignal?: boolean;
  queries?: HuntQuery[];
}

export function scriptedAdapter(script: ScriptOptions = {}): ScriptedAdapter {
  const { list = 'answer', run = 'answer', link = 'answer', rowCount = 5, ignoreSignal = false } = script;
  const queries = script.queries ?? QUERIES;

  const adapter: ScriptedAdapter = {
    listCalls: [],
    runCalls: [],
    linkCalls: [],
    pendingLists: [],
    pendingRuns: [],
    pendingLinks: [],
    loadIncident: () => Promise.reject(new Error('loadIncident is not part of these tests.')),
    listHuntQueries(target, options) {
      adapter.listCalls.push({ target, options });
      if (list === 'fail') return Promise.reject(new Error('Hunting service unavailable (503).'));
      if (list === 'wait') return deferred(adapter.pendingLists, options, ignoreSignal);
      return Promise.resolve(structuredClone(queries));
    },
    runHunt(query, options) {
      adapter.runCalls.push({ query, options });
      if (run === 'fail') return Promise.reject(new Error('Query timed out after 30 s.'));
      if (run === 'wait') return deferred(adapter.pendingRuns, options, ignoreSignal);
      return Promise.resolve(huntResult(rowCount));
    },
  };

  if (link !== 'absent') {
    adapter.linkToIncident = (incidentId, records, options) => {
      adapter.linkCalls.push({ incidentId, records, options });
      if (link === 'fail') return Promise.reject(new Error('Incident is closed.'));
      if (link === 'wait') return deferred(adapter.pendingLinks, options, ignoreSignal);
      return Promise.resolve();
    };
  }
  return adapter;
}
