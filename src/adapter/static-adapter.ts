/** The ready in-memory adapter: serves snapshots that the host already has. */

import { applyIncidentPatch } from '../model/apply-patch.js';
import type { IncidentPatch, IncidentSnapshot } from '../model/types.js';
import type { AdapterCallOptions, IncidentDataAdapter } from './adapter.js';

/**
 * Creates an adapter that serves the given snapshots by incident id. `loadIncident` resolves on
 * a later microtask, like a real request, and rejects with the signal's reason when the signal
 * is aborted before that. The snapshots are served as given, not copied.
 */
export function createStaticAdapter(snapshots: IncidentSnapshot | IncidentSnapshot[]): IncidentDataAdapter {
  const byId = snapshotsById(snapshots);
  return {
    loadIncident: (id, options) => serveSnapshot(byId, id, options),
  };
}

/** The in-memory adapter of `createLiveStaticAdapter`, with a way to send live updates. */
export interface LiveStaticAdapter extends IncidentDataAdapter {
  subscribe(id: string, onChange: (patch: IncidentPatch) => void): () => void;
  /**
   * Applies `patch` to the stored snapshot of incident `id`, so a later load gets the patched
   * incident, and delivers it synchronously to every subscriber of that incident. Returns the
   * number of subscribers it reached. Throws an `Error` when the incident is unknown.
   */
  push(id: string, patch: IncidentPatch): number;
}

/**
 * Creates an in-memory adapter like `createStaticAdapter` that also offers `subscribe`, and
 * `push` to send a live update to the subscribers, for tests, demos and stories of live
 * incidents.
 */
export function createLiveStaticAdapter(snapshots: IncidentSnapshot | IncidentSnapshot[]): LiveStaticAdapter {
  const byId = snapshotsById(snapshots);
  const subscribers = new Map<string, Set<(patch: IncidentPatch) => void>>();

  return {
    loadIncident: (id, options) => serveSnapshot(byId, id, options),

    subscribe(id, onChange) {
      let listeners = subscribers.get(id);
      if (listeners === undefined) {
        listeners = new Set();
        subscribers.set(id, listeners);
      }
      // A wrapper per call, so subscribing the same function twice gives two subscriptions.
      const listener = (patch: IncidentPatch): void => onChange(patch);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    push(id, patch) {
      const snapshot = byId.get(id);
      if (snapshot === undefined) {
        throw new Error(`LiveStaticAdapter.push: incident ${JSON.stringify(id)} not found. Known incident ids: ${knownIds(byId)}.`);
      }
      byId.set(id, applyIncidentPatch(snapshot, patch));
      const listeners = [...(subscribers.get(id) ?? [])];
      for (const listener of listeners) listener(patch);
      return listeners.length;
    },
  };
}

function snapshotsById(snapshots: IncidentSnapshot | IncidentSnapshot[]): Map<string, IncidentSnapshot> {
  const byId = new Map<string, IncidentSnapshot>();
  for (const snapshot of Array.isArray(snapshots) ? snapshots : [snapshots]) {
    byId.set(snapshot.incident.id, snapshot);
  }
  return byId;
}

function knownIds(byId: ReadonlyMap<string, IncidentSnapshot>): string {
  const known = [...byId.keys()].map((key) => JSON.stringify(key)).join(', ');
  return known === '' ? '(none)' : known;
}

/**
 * Resolves with the snapshot of incident `id` on a later microtask, like a real request, or
 * rejects with the signal's reason when the signal is aborted before that.
 */
function serveSnapshot(byId: ReadonlyMap<string, IncidentSnapshot>, id: string, options: AdapterCallOptions): Promise<IncidentSnapshot> {
  const signal = options?.signal;
  return new Promise<IncidentSnapshot>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }

    const onAbort = (): void => reject(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    queueMicrotask(() => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const snapshot = byId.get(id);
      if (snapshot !== undefined) {
        resolve(snapshot);
        return;
      }
      reject(new Error(`StaticAdapter.loadIncident: incident ${JSON.stringify(id)} not found. Known incident ids: ${knownIds(byId)}.`));
    });
  });
}

/** Returns the signal's reason, or an `AbortError` when the runtime gives none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
