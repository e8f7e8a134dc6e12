/**
 * An example `IncidentDataAdapter` for a host whose back end serves incidents over REST. It is
 * the adapter that the Storybook "Adapter" page walks through: copy it and change the paths,
 * the mapper and the authentication to match your API.
 *
 * The back end it expects (paths relative to `baseUrl`):
 *
 * | call | request | response body |
 * | --- | --- | --- |
 * | `loadIncident` | `GET incidents/{id}` | a Microsoft Graph incident with `alerts` expanded |
 * | `subscribe` | `GET incidents/{id}/changes?after={cursor}`, polled | `{ cursor, patches: IncidentPatch[] }` |
 * | `listActions` | `GET incidents/{id}/entities/{entityId}/actions` | `ActionDescriptor[]` |
 * | `runAction` | `POST incidents/{id}/actions` with the `ActionRequest` | `ActionResult` |
 * | `decidePendingAction` | `POST pending-actions/{id}/decision` with `{ decision }` | `ActionResult` |
 * | `listHuntQueries` | `GET incidents/{id}/entities/{entityId}/hunt-queries` | `HuntQuery[]` |
 * | `runHunt` | `POST hunts` with the `HuntQuery` | `HuntResult` |
 * | `linkToIncident` | `POST incidents/{id}/linked-records` with `{ records }` | empty |
 *
 * Every write sends the request's idempotency key in an `Idempotency-Key` header, so the back
 * end can run a retried request once.
 */

import type {
  ActionDescriptor,
  ActionRequest,
  ActionResult,
  AdapterCallOptions,
  EntityRef,
  HuntQuery,
  HuntRecord,
  HuntResult,
  IncidentDataAdapter,
  PendingActionDecision,
  PendingDecisionOptions,
} from '../src/adapter/adapter.js';
import { fromMicrosoftGraph } from '../src/formats/index.js';
import type { IncidentPatch, IncidentSnapshot } from '../src/model/types.js';

export interface RestAdapterOptions {
  /** Base URL of the API, ending with a slash, for example `https://soc.example.com/api/`. */
  baseUrl: string;
  /** Headers of every request, for example an `Authorization` header with a fresh token. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Time between two polls for live updates, in milliseconds. 0 turns live updates off. Default 15000. */
  pollIntervalMs?: number;
  /** The `fetch` to call, by default the global one. Tests pass a fake. */
  fetch?: typeof fetch;
}

/** An error status that the API returned for a request. */
export class RestAdapterError extends Error {
  override name = 'RestAdapterError';

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The body of a `changes` poll: the patches since `after`, and the cursor for the next poll. */
interface ChangesPage {
  cursor: string;
  patches: IncidentPatch[];
}

interface RequestInit {
  signal: AbortSignal;
  method?: 'GET' | 'POST';
  body?: unknown;
  idempotencyKey?: string;
}

/** Creates the example REST adapter. The module documentation describes the API it expects. */
export function createRestAdapter(options: RestAdapterOptions): IncidentDataAdapter {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  const path = (...parts: string[]): string => parts.map(encodeURIComponent).join('/');

  async function request<T>(relative: string, init: RequestInit): Promise<T> {
    const url = new URL(relative, options.baseUrl);
    const headers = new Headers(await options.headers?.());
    headers.set('Accept', 'application/json');
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    if (init.idempotencyKey !== undefined) headers.set('Idempotency-Key', init.idempotencyKey);

    const response = await fetchImpl(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
    if (!response.ok) {
      const failed = `${init.method ?? 'GET'} ${url.pathname} failed with HTTP ${response.status} ${response.statusText}`;
      throw new RestAdapterError(`RestAdapter: ${failed}.`, response.status);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  const incidentPath = (ref: EntityRef, leaf: string): string => `incidents/${path(ref.incidentId)}/entities/${path(ref.entityId)}/${leaf}`;

  return {
    async loadIncident(id: string, { signal }: AdapterCallOptions): Promise<IncidentSnapshot> {
      const payload = await request<unknown>(`incidents/${path(id)}`, { signal });
      const snapshot = fromMicrosoftGraph(payload).find((candidate) => candidate.incident.id === id);
      if (snapshot === undefined) {
        throw new RestAdapterError(`RestAdapter: the response for incident ${JSON.stringify(id)} contains another incident.`, 200);
      }
      return snapshot;
    },

    subscribe: pollIntervalMs > 0 ? (id, onChange) => pollChanges(id, onChange) : undefined,

    listActions: (target: EntityRef, { signal }: AdapterCallOptions) => request<ActionDescriptor[]>(incidentPath(target, 'actions'), { signal }),

    runAction: (action: ActionRequest, { signal }: AdapterCallOptions) =>
      request<ActionResult>(`incidents/${path(action.target.incidentId)}/actions`, {
        signal,
        method: 'POST',
        body: action,
        idempotencyKey: action.idempotencyKey,
      }),

    decidePendingAction: (id: string, decision: PendingActionDecision, { signal, idempotencyKey }: PendingDecisionOptions) =>
      request<ActionResult>(`pending-actions/${path(id)}/decision`, { signal, method: 'POST', body: { decision }, idempotencyKey }),

    listHuntQueries: (target: EntityRef, { signal }: AdapterCallOptions) => request<HuntQuery[]>(incidentPath(target, 'hunt-queries'), { signal }),

    runHunt: (query: HuntQuery, { signal }: AdapterCallOptions) => request<HuntResult>('hunts', { signal, method: 'POST', body: query }),

    linkToIncident: (incidentId: string, records: HuntRecord[], { signal }: AdapterCallOptions) =>
      request<void>(`incidents/${path(incidentId)}/linked-records`, { signal, method: 'POST', body: { records } }),
  };

  /**
   * Polls the incident's changes until the returned function is called, which also aborts a
   * poll under way. A failed poll is logged and retried at the next interval.
   *
   * NOTE: the first poll has no cursor, so the back end must respond to it with its current
   * cursor and no patches. A change made between the load and that first poll is missed; an API
   * that returns a cursor with the incident closes that gap.
   */
  function pollChanges(id: string, onChange: (patch: IncidentPatch) => void): () => void {
    const controller = new AbortController();
    let cursor: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async (): Promise<void> => {
      try {
        const query = cursor === undefined ? '' : `?after=${encodeURIComponent(cursor)}`;
        const page = await request<ChangesPage>(`incidents/${path(id)}/changes${query}`, { signal: controller.signal });
        cursor = page.cursor;
        for (const patch of page.patches) {
          if (controller.signal.aborted) return;
          onChange(patch);
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn(`RestAdapter: polling the changes of incident ${JSON.stringify(id)} failed. Retrying in ${pollIntervalMs} ms.`, error);
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), pollIntervalMs);
    };
    void poll();

    return () => {
      controller.abort(new DOMException('Unsubscribed from live updates.', 'AbortError'));
      clearTimeout(timer);
    };
  }
}
