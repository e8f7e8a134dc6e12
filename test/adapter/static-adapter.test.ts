import { expect } from '@open-wc/testing';
import { createStaticAdapter } from '../../src/adapter/index.js';
import type { IncidentSnapshot } from '../../src/model/index.js';

function snapshot(id: string): IncidentSnapshot {
  return {
    incident: { id, title: `Incident ${id}`, severity: 'low', status: 'active', tags: [] },
    alerts: [],
    entities: [],
    relations: [],
    issues: [],
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('createStaticAdapter', () => {
  it('serves snapshots by id', async () => {
    const one = snapshot('1');
    const two = snapshot('2');
    const adapter = createStaticAdapter([one, two]);
    const signal = new AbortController().signal;
    expect(await adapter.loadIncident('2', { signal })).to.equal(two);
    expect(await adapter.loadIncident('1', { signal })).to.equal(one);
  });

  it('accepts a single snapshot', async () => {
    const one = snapshot('1');
    expect(await createStaticAdapter(one).loadIncident('1', { signal: new AbortController().signal })).to.equal(one);
  });

  it('rejects an unknown id', async () => {
    const adapter = createStaticAdapter([snapshot('1'), snapshot('2')]);
    const error = (await rejection(adapter.loadIncident('9', { signal: new AbortController().signal }))) as Error;
    expect(error).to.be.instanceOf(Error);
    expect(error.message).to.equal('StaticAdapter.loadIncident: incident "9" not found. Known incident ids: "1", "2".');
  });

  it('rejects when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('navigated away'));
    const error = (await rejection(createStaticAdapter(snapshot('1')).loadIncident('1', controller))) as Error;
    expect(error.message).to.equal('navigated away');
  });

  it('rejects when aborted later', async () => {
    const controller = new AbortController();
    const pending = createStaticAdapter(snapshot('1')).loadIncident('1', { signal: controller.signal });
    controller.abort();
    const error = (await rejection(pending)) as DOMException;
    expect(error.name).to.equal('AbortError');
  });

  it('offers no optional capability', () => {
    const adapter = createStaticAdapter([]);
    expect(adapter.runAction).to.equal(undefined);
    expect(adapter.subscribe).to.equal(undefined);
  });
});
