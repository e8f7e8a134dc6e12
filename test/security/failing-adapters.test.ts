import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ActionRequest, ActionResult, AdapterCallOptions, IncidentDataAdapter } from '../../src/adapter/adapter.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { IncidentPatch, IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';

const DEVICE = 'device:ws-042';
const USER = 'user:jdoe';

interface LoadCall {
  id: string;
  signal: AbortSignal;
  resolve(snapshot: IncidentSnapshot): void;
  reject(error: unknown): void;
}

/** Returns an adapter whose loads the test settles by hand. */
function manualAdapter(): { adapter: IncidentDataAdapter; calls: LoadCall[] } {
  const calls: LoadCall[] = [];
  const adapter: IncidentDataAdapter = {
    loadIncident(id, { signal }) {
      return new Promise<IncidentSnapshot>((resolve, reject) => calls.push({ id, signal, resolve, reject }));
    },
  };
  return { adapter, calls };
}

async function mount(adapter: IncidentDataAdapter, incidentId: string): Promise<IncidentView> {
  return fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '640px', width: '1100px' })} .adapter=${adapter} incident-id=${incidentId}></il-incident-view>`);
}

function statusOf(view: IncidentView): HTMLElement | null {
  return view.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');
}

function retryButton(view: IncidentView): HTMLButtonElement | null {
  return view.shadowRoot!.querySelector<HTMLButtonElement>('[part~="status"] button');
}

async function settled(view: IncidentView): Promise<void> {
  await view.loaded.catch(() => undefined);
  await view.updateComplete;
}

describe('failing adapters', () => {
  it('shows a rejection with a retry', async () => {
    const { adapter, calls } = manualAdapter();
    const view = await mount(adapter, 'view-1');
    calls[0]!.reject(new Error('Service unavailable (HTTP 503)'));
    await settled(view);

    expect(view.loadState).to.equal('error');
    expect(statusOf(view)!.getAttribute('role')).to.equal('alert');
    expect(statusOf(view)!.textContent).to.include('Service unavailable (HTTP 503)');

    retryButton(view)!.click();
    await view.updateComplete;
    expect(calls).to.have.length(2);
    calls[1]!.resolve(viewSnapshot('view-1'));
    await view.loaded;
    expect(view.loadState).to.equal('ready');
  });

  it('shows an adapter timeout with a retry', async () => {
    const adapter: IncidentDataAdapter = {
      loadIncident(_id, { signal }) {
        // The adapter's own time limit, as a fetch with AbortSignal.timeout() rejects.
        return new Promise((_resolve, reject) => {
          const timer = setTimeout(() => reject(new DOMException('The incident service timed out after 50 ms.', 'TimeoutError')), 50);
          signal.addEventListener('abort', () => clearTimeout(timer));
        });
      },
    };
    const view = await mount(adapter, 'view-1');
    await settled(view);

    expect(view.loadState).to.equal('error');
    expect(statusOf(view)!.textContent).to.include('timed out after 50 ms');
    expect(retryButton(view), 'retry button').to.not.equal(null);
  });

  it('aborts a hanging load when the incident changes', async () => {
    const { adapter, calls } = manualAdapter();
    const view = await mount(adapter, 'view-1');
    const aborted: unknown[] = [];
    calls[0]!.signal.addEventListener('abort', () => aborted.push(calls[0]!.signal.reason));

    view.incidentId = 'view-2';
    await view.updateComplete;
    // The hanging load rejects only when aborted, as a fetch does.
    calls[0]!.reject(calls[0]!.signal.reason);
    calls[1]!.resolve(viewSnapshot('view-2'));
    await settled(view);

    expect(aborted).to.have.length(1);
    expect((aborted[0] as DOMException).name).to.equal('AbortError');
    expect(view.loadState).to.equal('ready');
    expect(view.graph?.getAttribute('incidentId')).to.equal('view-2');
    expect(statusOf(view)).to.equal(null);
  });

  it('discards a slow answer for an earlier incident', async () => {
    const { adapter, calls } = manualAdapter();
    const view = await mount(adapter, 'view-1');
    view.incidentId = 'view-2';
    await view.updateComplete;

    calls[1]!.resolve(viewSnapshot('view-2'));
    await settled(view);
    // The first result arrives after the incident changed, from an adapter that ignores the signal.
    calls[0]!.resolve(viewSnapshot('view-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await view.updateComplete;

    expect(view.graph?.getAttribute('incidentId')).to.equal('view-2');
    expect(view.shadowRoot!.querySelector('.title')!.textContent).to.include('view-2');
  });

  it('shows a partial snapshot with its issues', async () => {
    const partial = { incident: { id: 'partial-1' }, entities: [{ id: DEVICE, kind: 'device' }, { kind: 'user' }, null] } as unknown as IncidentSnapshot;
    const adapter: IncidentDataAdapter = { loadIncident: async () => partial };
    const view = await mount(adapter, 'partial-1');
    await view.loaded;

    const notice = view.shadowRoot!.querySelector('[part~="issues"]');
    expect(view.loadState).to.equal('ready');
    expect(view.graph?.hasNode(DEVICE)).to.equal(true);
    expect(view.graph?.order).to.equal(1);
    expect(notice, 'data issue notice').to.not.equal(null);
    expect(notice!.textContent).to.match(/2 data issues/);
  });

  it('keeps up with a flood of patches', async function () {
    this.timeout(15_000);
    const snapshot = viewSnapshot('view-1');
    let push: ((patch: IncidentPatch) => void) | undefined;
    let unsubscribed = 0;
    const adapter: IncidentDataAdapter = {
      loadIncident: async () => structuredClone(snapshot),
      subscribe(_id, onChange) {
        push = onChange;
        return () => unsubscribed++;
      },
    };
    const session = new IncidentSession();
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '640px', width: '1100px' })} .session=${session}></il-incident-view>`);
    await session.load(adapter, 'view-1');
    await view.loaded;

    // 1,000 patches in one second: ten every 10 ms, each renaming the device and adding a file.
    const total = 1000;
    let sent = 0;
    let longestGap = 0;
    let last = performance.now();
    const started = last;
    while (sent < total) {
      for (let index = 0; index < 10; index++, sent++) {
        push!({
          entities: [
            { ...snapshot.entities[0]!, displayName: `ws-042 rename ${sent}` },
            { id: `file:flood-${sent}`, kind: 'file', displayName: `flood-${sent}.bin`, properties: {} },
          ],
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }
    // The session applies queued patches together at most every PATCH_INTERVAL_MS.
    await waitUntil(() => view.graph!.hasNode(`file:flood-${total - 1}`), 'the last patch applied', { timeout: 10_000 });
    await view.updateComplete;
    const elapsed = performance.now() - started;
    console.log(`[adapters] ${total} patches in ${Math.round(elapsed)} ms, longest task gap ${Math.round(longestGap)} ms, ${view.graph!.order} nodes`);

    expect(view.graph!.getNodeAttribute(DEVICE, 'label')).to.equal(`ws-042 rename ${total - 1}`);
    expect(view.graph!.hasNode(`file:flood-${total - 1}`)).to.equal(true);
    expect(view.graph!.order).to.equal(snapshot.entities.length + snapshot.alerts.length + total);
    // The session validates and changes the graph once per batch of queued patches, not once
    // per patch. This bound only catches a hang; the log line above gives the time taken.
    expect(elapsed, 'time to apply the flood').to.be.lessThan(30_000);

    session.reset();
    expect(unsubscribed).to.equal(1);
    push!({ entities: [{ id: 'file:late', kind: 'file', displayName: 'late.bin', properties: {} }] });
    expect(session.graph).to.equal(undefined);
  });

  it('applies an action once to its own entity', async () => {
    const runs: Array<{ request: ActionRequest; options: AdapterCallOptions; resolve(result: ActionResult): void }> = [];
    const session = new IncidentSession();
    const adapter: IncidentDataAdapter = {
      loadIncident: async () => viewSnapshot('view-1'),
      listActions: async () => [{ id: 'contain', label: 'Contain' }],
      runAction(request, options) {
        return new Promise((resolve) => runs.push({ request, options, resolve }));
      },
    };
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '640px', width: '1100px' })} .session=${session}></il-incident-view>`);
    await session.load(adapter, 'view-1');
    await view.loaded;
    const before = { device: session.snapshot!.entities.find((entity) => entity.id === DEVICE)!.remediationStatus, user: session.snapshot!.entities.find((entity) => entity.id === USER)!.remediationStatus };

    session.select({ entityIds: [DEVICE] });
    await view.updateComplete;
    const flyout = view.shadowRoot!.querySelector('il-entity-flyout')!;
    await waitUntil(() => flyout.shadowRoot!.querySelector('li[data-action-id="contain"] .action-button'), 'the action never showed');
    const button = flyout.shadowRoot!.querySelector<HTMLButtonElement>('li[data-action-id="contain"] .action-button')!;
    button.click();
    button.click();

    // The user moves on to another entity before the adapter resolves the action.
    session.select({ entityIds: [USER] });
    await view.updateComplete;
    runs[0]!.resolve({ status: 'succeeded', remediationStatus: 'remediated' });
    await new Promise((resolve) => setTimeout(resolve, 20));

    const device = session.snapshot!.entities.find((entity) => entity.id === DEVICE)!;
    const user = session.snapshot!.entities.find((entity) => entity.id === USER)!;
    console.log(`[adapters] action runs ${runs.length}, aborted ${runs[0]!.options.signal.aborted}, device ${String(device.remediationStatus)}, user ${String(user.remediationStatus)}`);

    expect(runs, 'runAction calls').to.have.length(1);
    expect(runs[0]!.request.target.entityId).to.equal(DEVICE);
    expect(user.remediationStatus, 'the other entity').to.equal(before.user);
    expect([before.device, 'remediated'], 'the target entity').to.include(device.remediationStatus);
  });
});
