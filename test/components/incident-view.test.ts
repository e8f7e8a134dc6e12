import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import '../../src/components/incident-view/define.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { DataIssueEvent, LoadStateChangeEvent } from '../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An adapter whose results the test releases by hand, recording every request and abort. */
function manualAdapter() {
  const requests: Array<{ id: string; signal: AbortSignal; answer: Deferred<IncidentSnapshot> }> = [];
  const adapter: IncidentDataAdapter = {
    loadIncident(id, { signal }) {
      const answer = deferred<IncidentSnapshot>();
      requests.push({ id, signal, answer });
      return answer.promise;
    },
  };
  return { adapter, requests };
}

function staticAdapter(...snapshots: IncidentSnapshot[]): IncidentDataAdapter {
  return {
    async loadIncident(id) {
      const snapshot = snapshots.find((item) => item.incident.id === id);
      if (!snapshot) throw new Error(`Incident not found: "${id}".`);
      return snapshot;
    },
  };
}

async function readyView(snapshot = viewSnapshot()): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '640px' })} .adapter=${staticAdapter(snapshot)} incident-id=${snapshot.incident.id}></il-incident-view>
  `);
  await view.loaded;
  return view;
}

describe('<il-incident-view>', () => {
  describe('accessibility', () => {
    it('passes an accessibility check when loaded', async () => {
      const view = await readyView();
      await expect(view).to.be.accessible();
    });
  });

  describe('loading', () => {
    it('is idle without an adapter', async () => {
      const view = await fixture<IncidentView>(html`<il-incident-view></il-incident-view>`);
      expect(view.loadState).to.equal('idle');
      expect(view.graph).to.equal(undefined);
    });

    it('loads through the adapter and exposes the graph', async () => {
      const view = await readyView();
      expect(view.loadState).to.equal('ready');
      expect(view.graph?.order).to.equal(6);
      expect(view.graph?.hasNode('process:ws-042:4242')).to.equal(true);
    });

    it('resolves a loaded promise taken before the load started', async () => {
      const snapshot = viewSnapshot();
      const view = document.createElement('il-incident-view');
      const loaded = view.loaded;
      view.adapter = staticAdapter(snapshot);
      view.incidentId = snapshot.incident.id;
      view.style.height = '600px';
      document.body.append(view);
      try {
        await loaded;
        expect(view.loadState).to.equal('ready');
      } finally {
        view.remove();
      }
    });

    it('fires load state changes in order', async () => {
      const { adapter, requests } = manualAdapter();
      const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '600px' })}></il-incident-view>`);
      const states: string[] = [];
      view.addEventListener('il-load-state-change', (event) => states.push(event.detail.loadState));

      view.adapter = adapter;
      view.incidentId = 'view-1';
      await view.updateComplete;
      requests[0]!.answer.resolve(viewSnapshot('view-1'));
      await view.loaded;

      expect(states).to.deep.equal(['loading', 'ready']);
    });

    it('shows an error with a retry that loads again', async () => {
      const { adapter, requests } = manualAdapter();
      const view = await fixture<IncidentView>(html`
        <il-incident-view style=${styleProperties({ height: '600px' })} .adapter=${adapter} incident-id="view-1"></il-incident-view>
      `);
      const loaded = view.loaded;
      requests[0]!.answer.reject(new Error('Service unavailable (HTTP 503)'));

      let rejection: unknown;
      await loaded.catch((error: unknown) => (rejection = error));
      await view.updateComplete;
      expect((rejection as Error).message).to.equal('Service unavailable (HTTP 503)');
      expect(view.loadState).to.equal('error');
      const alert = view.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Service unavailable (HTTP 503)');

      alert.querySelector('button')!.click();
      expect(requests).to.have.length(2);
      requests[1]!.answer.resolve(viewSnapshot('view-1'));
      await view.loaded;
      expect(view.loadState).to.equal('ready');
    });

    it('aborts a superseded load and discards its late answer', async () => {
      const { adapter, requests } = manualAdapter();
      const view = await fixture<IncidentView>(html`
        <il-incident-view style=${styleProperties({ height: '600px' })} .adapter=${adapter} incident-id="first"></il-incident-view>
      `);
      view.incidentId = 'second';
      await view.updateComplete;

      expect(requests.map((request) => request.id)).to.deep.equal(['first', 'second']);
      expect(requests[0]!.signal.aborted).to.equal(true);
      expect(requests[1]!.signal.aborted).to.equal(false);

      requests[1]!.answer.resolve(viewSnapshot('second'));
      await view.loaded;
      requests[0]!.answer.resolve(viewSnapshot('first'));
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(view.graph?.getAttribute('incidentId')).to.equal('second');
      expect(view.shadowRoot!.querySelector('.title')!.textContent).to.contain('(second)');
    });
  });

  describe('data issues', () => {
    it('reports data issues by event and notice', async () => {
      const snapshot = viewSnapshot();
      const view = document.createElement('il-incident-view');
      view.style.height = '600px';
      const reported = oneEvent(view, 'il-data-issue') as Promise<DataIssueEvent>;
      view.adapter = staticAdapter(snapshot);
      view.incidentId = snapshot.incident.id;
      document.body.append(view);
      try {
        const event = await reported;
        const dangling = event.detail.issues.find((issue) => issue.field.includes('target'));
        expect(dangling, 'an issue for the dangling relation').to.not.equal(undefined);
        expect(dangling!.problem).to.contain('user:missing');

        await view.loaded;
        const notice = view.shadowRoot!.querySelector('[part="issues"]')!;
        expect(notice.textContent).to.contain('user:missing');
        (notice.querySelector('button') as HTMLButtonElement).click();
        await view.updateComplete;
        expect(view.shadowRoot!.querySelector('[part="issues"]')).to.equal(null);
      } finally {
        view.remove();
      }
    });

    it('keeps every valid record when one relation dangles', async () => {
      const view = await readyView();
      expect(view.graph?.size).to.equal(7);
      expect(view.graph?.hasNode('user:missing')).to.equal(false);
    });
  });

  describe('selection', () => {
    it('shows the selected alert with a safe link only', async () => {
      const snapshot = viewSnapshot();
      const view = await readyView(snapshot);
      const session = new IncidentSession();
      session.setSnapshot(snapshot);
      view.session = session;
      await view.updateComplete;

      session.select({ alertIds: ['view-1-alert-1'] });
      await view.updateComplete;
      let pane = view.shadowRoot!.querySelector('[part="alert-details"]')!;
      expect(pane.textContent).to.contain('Suspicious PowerShell command line');
      expect(pane.textContent).to.contain('T1059.001');
      expect(pane.querySelector('a')!.getAttribute('href')).to.equal('https://security.example.com/alerts/1');

      session.select({ alertIds: ['view-1-alert-2'] });
      await view.updateComplete;
      pane = view.shadowRoot!.querySelector('[part="alert-details"]')!;
      expect(pane.textContent).to.contain('Credential dumping');
      expect(pane.querySelector('a'), 'no link for a javascript: URL').to.equal(null);
    });

    it('selects an entity from the alert pane as a user action', async () => {
      const snapshot = viewSnapshot();
      const session = new IncidentSession();
      session.setSnapshot(snapshot);
      const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '600px' })} .session=${session}></il-incident-view>`);
      await view.loaded;
      session.select({ alertIds: ['view-1-alert-2'] });
      await view.updateComplete;

      const events: Array<{ entityIds: string[]; alertIds: string[] }> = [];
      view.addEventListener('il-selection-change', (event) => events.push(event.detail));
      const entityButton = [...view.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="alert-details"] .link-button')]
        .find((button) => button.textContent!.includes('Jane Doe'))!;
      entityButton.click();
      await view.updateComplete;

      expect(events).to.deep.equal([{ entityIds: ['user:jdoe'], alertIds: [] }]);
      expect(session.selection.entityIds).to.deep.equal(['user:jdoe']);
      expect(view.shadowRoot!.querySelector('il-entity-flyout')).to.not.equal(null);
    });

    it('fires no user event when the host sets properties', async () => {
      const fired: string[] = [];
      const view = document.createElement('il-incident-view');
      for (const type of ['il-selection-change', 'il-time-change', 'il-play-state-change', 'il-range-change']) {
        view.addEventListener(type, () => fired.push(type));
      }
      const session = new IncidentSession();
      session.setSnapshot(viewSnapshot());
      view.style.height = '600px';
      document.body.append(view);
      try {
        view.session = session;
        await view.loaded;
        session.select({ entityIds: ['device:ws-042'] });
        session.setTime(session.timeBounds!.start);
        await view.updateComplete;
        expect(fired).to.deep.equal([]);
      } finally {
        view.remove();
      }
    });
  });

  it('reports the load state change events as typed events', async () => {
    const view = document.createElement('il-incident-view');
    const event = oneEvent(view, 'il-load-state-change') as Promise<LoadStateChangeEvent>;
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    view.session = session;
    view.style.height = '600px';
    document.body.append(view);
    try {
      expect((await event).detail.loadState).to.equal('ready');
    } finally {
      view.remove();
    }
  });
});

/** Returns the offsets in the text of `element` at which a new line starts, from the layout of each character. */
function lineStarts(element: Element): number[] {
  const starts: number[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let lastTop: number | undefined;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    for (let index = 0; index < node.textContent!.length; index++) {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const top = range.getBoundingClientRect().top;
      if (lastTop !== undefined && top > lastTop + 1) starts.push(offset + index);
      lastTop = top;
    }
    offset += node.textContent!.length;
  }
  return starts;
}

/** Shows the first alert of a view snapshot assigned to `assignedTo`, and returns its "Assigned to" value. */
async function assignedToValue(assignedTo: string): Promise<HTMLElement> {
  const snapshot = viewSnapshot();
  snapshot.alerts[0]!.assignedTo = assignedTo;
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '800px', width: '1200px' })} .session=${session}></il-incident-view>`);
  await view.loaded;
  session.select({ alertIds: [snapshot.alerts[0]!.id] });
  await view.updateComplete;

  const terms = [...view.shadowRoot!.querySelectorAll('[part="alert-details"] dt')];
  const term = terms.find((candidate) => candidate.textContent === 'Assigned to');
  if (!term) throw new Error('The alert pane has no "Assigned to" property.');
  return term.nextElementSibling as HTMLElement;
}

/**
 * Returns a loaded view 676 px wide, the width of the demo's incident column in a 700 px window,
 * with a title and tags as long as the demo's first incident has, so the header wraps.
 */
async function narrowView(height: number): Promise<IncidentView> {
  const snapshot = viewSnapshot();
  snapshot.incident.title = 'Multi-stage incident involving Initial access & Credential access on one endpoint';
  snapshot.incident.tags = ['Finance', 'Phishing wave 2026-03', 'Defender Experts'];
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: `${height}px`, width: '676px' })} .session=${session}></il-incident-view>`);
  await view.loaded;
  return view;
}

describe('<il-incident-view> layout', () => {
  it('wraps an e-mail address after its @', async () => {
    const address = 'security.operations@finance.contoso.example';
    const value = await assignedToValue(address);
    const starts = lineStarts(value);

    expect(value.textContent).to.equal(address);
    expect(starts.length, 'the address is wider than its column').to.be.greaterThan(0);
    expect(address.slice(0, starts[0])).to.equal('security.operations@');
    for (const start of starts.slice(1)) expect(address[start], `line start ${start}`).to.equal('.');
    expect(value.scrollWidth).to.be.at.most(value.clientWidth);
  });

  it('keeps an overlong address in its column', async () => {
    const address = `${'mailbox'.repeat(12)}@contoso.com`;
    const value = await assignedToValue(address);

    expect(lineStarts(value).length).to.be.greaterThan(1);
    expect(value.scrollWidth).to.be.at.most(value.clientWidth);
    const pane = value.closest('[part="alert-details"]')!.getBoundingClientRect();
    expect(value.getBoundingClientRect().right).to.be.at.most(pane.right);
  });


  it('lets the graph fill the space above the timeline', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '900px', width: '1200px' })} .session=${session}></il-incident-view>`);
    await view.loaded;

    const graph = view.shadowRoot!.querySelector('il-incident-graph')!.getBoundingClientRect();
    const timeline = view.shadowRoot!.querySelector('il-alert-timeline')!.getBoundingClientRect();
    const header = view.shadowRoot!.querySelector('[part="header"]')!.getBoundingClientRect();
    const filters = view.shadowRoot!.querySelector('[part="filters"]')!.getBoundingClientRect();
    expect(filters.top).to.be.at.least(header.bottom);
    expect(graph.top).to.be.closeTo(filters.bottom, 1);
    expect(timeline.top).to.be.closeTo(graph.bottom, 1);
    expect(timeline.bottom).to.be.closeTo(view.getBoundingClientRect().bottom, 1);
  });

  it('puts the pane under the timeline when narrow', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '700px', width: '640px' })} .session=${session}></il-incident-view>`);
    await view.loaded;

    const graph = view.shadowRoot!.querySelector('il-incident-graph')!.getBoundingClientRect();
    const timeline = view.shadowRoot!.querySelector('il-alert-timeline')!.getBoundingClientRect();
    const pane = view.shadowRoot!.querySelector('[part="pane"]')!.getBoundingClientRect();
    expect(graph.width).to.be.closeTo(640, 2);
    expect(pane.top).to.be.closeTo(timeline.bottom, 1);
    expect(graph.height).to.be.greaterThan(239);
  });

  for (const height of [480, 800]) {
    it(`keeps the tab row clear when ${height} px tall and narrow`, async () => {
      const view = await narrowView(height);
      const root = view.shadowRoot!;
      const header = root.querySelector<HTMLElement>('[part="header"]')!;
      const tabs = root.querySelector('[part="tabs"]')!.getBoundingClientRect();
      const filters = root.querySelector('[part="filters"]')!.getBoundingClientRect();

      expect(header.scrollHeight, 'header content height').to.be.at.most(header.clientHeight);
      expect(tabs.bottom, 'bottom of the tab row').to.be.at.most(filters.top + 0.5);
      expect(tabs.bottom, 'bottom of the tab row').to.be.at.most(header.getBoundingClientRect().bottom + 0.5);
    });

    it(`scrolls the stack when ${height} px tall and narrow`, async () => {
      const view = await narrowView(height);
      const root = view.shadowRoot!;
      const frame = root.querySelector<HTMLElement>('.frame')!;
      const graph = root.querySelector('il-incident-graph')!;
      const timeline = root.querySelector('il-alert-timeline')!;

      expect(graph.getBoundingClientRect().height, 'graph height').to.be.at.least(280);
      expect(getComputedStyle(frame).overflowY).to.equal('auto');
      frame.scrollTop = frame.scrollHeight;
      await nextFrame();
      const bottom = view.getBoundingClientRect().bottom;
      expect(timeline.getBoundingClientRect().bottom, 'timeline bottom after scrolling').to.be.at.most(bottom + 0.5);
      expect(root.querySelector('[part="pane"]')!.getBoundingClientRect().bottom, 'pane bottom after scrolling').to.be.at.most(bottom + 0.5);
    });

    it(`opens the details as a sheet when ${height} px tall and narrow`, async () => {
      const view = await narrowView(height);
      const root = view.shadowRoot!;
      const frame = root.querySelector<HTMLElement>('.frame')!;
      const session = view.session!;
      session.select({ entityIds: [session.snapshot!.entities[0]!.id] });
      await view.updateComplete;

      const box = view.getBoundingClientRect();
      const pane = root.querySelector('[part="pane"]')!.getBoundingClientRect();
      const flyout = root.querySelector('il-entity-flyout')!.getBoundingClientRect();
      expect(pane.bottom, 'sheet bottom').to.be.closeTo(box.bottom, 1.5);
      expect(pane.height, 'sheet height').to.be.closeTo(box.height * 0.55, 2);
      expect(pane.width, 'sheet width').to.be.closeTo(box.width, 2);
      expect(flyout.top, 'flyout top').to.be.at.least(pane.top);
      expect(flyout.bottom, 'flyout bottom').to.be.at.most(box.bottom + 0.5);

      // The sheet stays put while the stack scrolls, and the timeline can scroll clear of it.
      frame.scrollTop = frame.scrollHeight;
      await nextFrame();
      expect(root.querySelector('[part="pane"]')!.getBoundingClientRect().top, 'sheet top after scrolling').to.be.closeTo(pane.top, 0.5);
      expect(root.querySelector('il-alert-timeline')!.getBoundingClientRect().bottom, 'timeline bottom').to.be.at.most(pane.top + 1.5);
    });
  }

  it('closes the narrow sheet with its close button', async () => {
    const view = await narrowView(480);
    const root = view.shadowRoot!;
    const session = view.session!;
    session.select({ alertIds: [session.snapshot!.alerts[0]!.id] });
    await view.updateComplete;
    expect(root.querySelector('[part="pane"]')!.classList.contains('open')).to.equal(true);

    root.querySelector<HTMLButtonElement>('[part="alert-details"] button[aria-label="Close alert details"]')!.click();
    await view.updateComplete;
    const pane = root.querySelector('[part="pane"]')!;
    const timeline = root.querySelector('il-alert-timeline')!.getBoundingClientRect();
    expect(pane.classList.contains('open')).to.equal(false);
    expect(pane.getBoundingClientRect().top, 'hint under the timeline').to.be.closeTo(timeline.bottom, 1);
  });

  it('keeps its layout when the page sets display: block', async () => {
    const session = new IncidentSession();
    session.setSnapshot(viewSnapshot());
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ display: 'block', height: '800px', width: '1200px' })} .session=${session}></il-incident-view>`);
    await view.loaded;

    const graph = view.shadowRoot!.querySelector('il-incident-graph')!.getBoundingClientRect();
    expect(graph.height).to.be.greaterThan(400);
  });
});
