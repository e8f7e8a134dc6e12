/** The ready in-memory adapter: serves snapshots that the host already has. */

import type { IncidentSnapshot } from '../model/types.js';
import type { AdapterCallOptions, IncidentDataAdapter } from './adapter.js';

/**
 * Creates an adapter that serves the given snapshots by incident id. `loadIncident` resolves on
 * a later microtask, like a real request, and rejects with the signal's reason when the signal
 * is aborted before that. The snapshots are served as given, not copied.
 */
export function createStaticAdapter(snapshots: IncidentSnapshot | IncidentSnapshot[]): IncidentDataAdapter {
  const byId = new Map<string, IncidentSnapshot>();
  for (const snapshot of Array.isArray(snapshots) ? snapshots : [snapshots]) {
    byId.set(snapshot.incident.id, snapshot);
  }

  return {
    loadIncident(id: string, options: AdapterCallOptions): Promise<IncidentSnapshot> {
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
          const known = [...byId.keys()].map((key) => JSON.stringify(key)).join(', ');
          reject(
            new Error(
              `StaticAdapter.loadIncident: incident ${JSON.stringify(id)} not found. ` +
                `Known incident ids: ${known === '' ? '(none)' : known}.`,
            ),
          );
        });
      });
    },
  };
}

/** Returns the signal's reason, or an `AbortError` when the runtime gives none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
