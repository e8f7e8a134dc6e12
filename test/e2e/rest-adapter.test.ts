/**
 * The example REST adapter of the docs, against a fake `fetch`: requests, abort signals,
 * errors, idempotency keys, and live updates by polling into a session.
 */

import { expect } from '@open-wc/testing';
import { createRestAdapter, RestAdapterError } from '../../demo/rest-adapter.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';
import type { IncidentPatch } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

const BASE = 'https://soc.example.test/api/';
const INCIDENT_ID = String((contosoPhishToMacro as { id?: unknown }).id);

/** Returns a fake fetch that responds by path, and the calls it received. */
function fakeFetch(routes: Record<string, (call: Call) => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const call: Call = {
      url: url.href,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${url.pathname}`];
    return route ? route(call) : new Response('not found', { status: 404, statusText: 'Not Found' });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('example REST adapter', () => {
  it('loads and maps an incident', async () => {
    const { fetch, calls } = fakeFetch({ [`GET /api/incidents/${INCIDENT_ID}`]: () => json(contosoPhishToMacro) });
    const adapter = createRestAdapter({ baseUrl: BASE, fetch, headers: () => ({ Authorization: 'Bearer t0ken' }) });
    const controller = new AbortController();

    const snapshot = await adapter.loadIncident(INCIDENT_ID, { signal: controller.signal });

    expect(snapshot.incident.id).to.equal(INCIDENT_ID);
    expect(snapshot.alerts.length).to.be.greaterThan(0);
    expect(calls[0]!.signal, 'signal passed on').to.equal(controller.signal);
    expect(calls[0]!.headers.get('Authorization')).to.equal('Bearer t0ken');
  });

  it('names the failed request', async () => {
    const { fetch } = fakeFetch({});
    const adapter = createRestAdapter({ baseUrl: BASE, fetch });

    const error = await adapter.loadIncident('a/b', { signal: new AbortController().signal }).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(error).to.be.instanceOf(RestAdapterError);
    expect((error as RestAdapterError).status).to.equal(404);
    expect((error as Error).message).to.equal('RestAdapter: GET /api/incidents/a%2Fb failed with HTTP 404 Not Found.');
  });

  it('rejects when aborted', async () => {
    const { fetch } = fakeFetch({
      // Like the real fetch: rejects at once with an aborted signal, else when it is aborted.
      [`GET /api/incidents/${INCIDENT_ID}`]: ({ signal }) =>
        new Promise((_resolve, reject) => {
          if (signal!.aborted) reject(signal!.reason);
          else signal!.addEventListener('abort', () => reject(signal!.reason), { once: true });
        }),
    });
    const adapter = createRestAdapter({ baseUrl: BASE, fetch });
    const controller = new AbortController();

    const pending = adapter.loadIncident(INCIDENT_ID, { signal: controller.signal });
    controller.abort(new DOMException('navigated away', 'AbortError'));
    const error = (await pending.catch((reason: unknown) => reason)) as DOMException;

    expect(error.name).to.equal('AbortError');
  });

  it('sends the idempotency key of an action', async () => {
    const { fetch, calls } = fakeFetch({ 'POST /api/incidents/i1/actions': () => json({ status: 'running' }) });
    const adapter = createRestAdapter({ baseUrl: BASE, fetch });
    const request = { actionId: 'isolate', target: { incidentId: 'i1', entityId: 'device:1', kind: 'device' as const }, idempotencyKey: 'k-42' };

    const result = await adapter.runAction!(request, { signal: new AbortController().signal });

    expect(result.status).to.equal('running');
    expect(calls[0]!.headers.get('Idempotency-Key')).to.equal('k-42');
    expect(calls[0]!.body).to.deep.equal(request);
  });

  it('polls live updates into a session', async () => {
    const patch: IncidentPatch = {
      entities: [{ id: 'ip:198.18.0.9', kind: 'ip', displayName: '198.18.0.9', properties: {} }],
    };
    const pages = [
      { cursor: 'c1', patches: [] },
      { cursor: 'c2', patches: [patch] },
    ];
    const { fetch, calls } = fakeFetch({
      [`GET /api/incidents/${INCIDENT_ID}`]: () => json(contosoPhishToMacro),
      [`GET /api/incidents/${INCIDENT_ID}/changes`]: () => json(pages.shift() ?? { cursor: 'c2', patches: [] }),
    });
    const session = new IncidentSession();

    await session.load(createRestAdapter({ baseUrl: BASE, fetch, pollIntervalMs: 10 }), INCIDENT_ID);
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(session.graph!.hasNode('ip:198.18.0.9'), 'patch applied').to.equal(true);
    const polls = calls.filter((call) => call.url.includes('/changes'));
    expect(polls[1]!.url, 'second poll sends the cursor').to.contain('after=c1');

    session.reset();
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls.length, 'no poll after reset').to.equal(after);
    expect(polls.at(-1)!.signal!.aborted, 'poll signal aborted').to.equal(true);
  });
});
