/**
 * Opens the plain HTML example (demo/frameworks/plain/index.html) in an iframe, as a browser
 * would: its one module script loads dist/incident-lens.bundle.js, which `npm test` builds
 * before the tests run. The test server sends the page the Content Security Policy of the
 * README. Checks that the page runs under it, that it sets rich data as properties, that a
 * user's click reaches its `il-selection-change` listener once, and that the view draws the
 * incident.
 */

import { expect, waitUntil } from '@open-wc/testing';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { documentedPolicies } from '../helpers/documented-policy.js';
import { clickNode, findRendered, settleView, type ViewUnderTest } from './helpers.js';

interface PageAdapter {
  loadIncident(id: string, options: { signal: AbortSignal }): Promise<IncidentSnapshot>;
}

/** Opens the example page in an iframe and waits for its view to be registered and rendered. */
async function openExample(): Promise<{ frame: HTMLIFrameElement; view: ViewUnderTest }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0; display: block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/frameworks/plain/index.html';
  document.body.append(frame);
  await loaded;

  const page = frame.contentWindow!;
  await waitUntil(() => page.customElements.get('il-incident-view') !== undefined, 'the bundle never registered il-incident-view', {
    timeout: 5000,
  });
  const view = await findRendered<ViewUnderTest>(frame.contentDocument!, 'il-incident-view');
  return { frame, view };
}

describe('plain HTML example', () => {
  let frame: HTMLIFrameElement;
  let view: ViewUnderTest;

  beforeEach(async () => {
    ({ frame, view } = await openExample());
  });

  afterEach(() => {
    frame.remove();
  });

  it('runs under the documented policy', async () => {
    const [policy] = await documentedPolicies();
    const response = await fetch('/demo/frameworks/plain/index.html');
    expect(response.headers.get('content-security-policy')).to.equal(policy);

    const page = frame.contentDocument!;
    const violations: string[] = [];
    page.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    expect(page.querySelectorAll('script:not([src])'), 'inline scripts').to.have.length(0);
    expect(page.querySelectorAll('style, [style]'), 'inline styles').to.have.length(0);

    // The policy blocks inline styles, so the height comes from the page's stylesheet.
    const graph = await settleView(view);
    expect(frame.contentWindow!.getComputedStyle(view).height).to.equal('640px');
    await clickNode(graph, 'device-1', frame);
    await waitUntil(() => view.shadowRoot!.querySelector('il-entity-flyout') !== null, 'the flyout never opened');
    expect(violations).to.deep.equal([]);
  });

  it('links an icon the server has', async () => {
    // Without a linked icon the browser requests /favicon.ico, which a static server of the
    // repository root does not have, and logs the 404 as a console error.
    const icon = frame.contentDocument!.querySelector<HTMLLinkElement>('link[rel="icon"]');
    expect(icon, 'link rel="icon"').to.not.equal(null);

    const response = await fetch(icon!.href);
    expect(response.status, `status of ${icon!.href}`).to.equal(200);
    expect(response.headers.get('content-type') ?? '').to.contain('image/svg+xml');
  });

  it('sets the adapter as a property', async () => {
    await view.loaded;

    expect((view.adapter as Partial<PageAdapter>).loadIncident).to.be.a('function');
    expect(view.hasAttribute('adapter')).to.equal(false);
    expect(view.getAttribute('incident-id')).to.equal(view.incidentId);
  });

  it('draws every alert and entity', async () => {
    await settleView(view);
    const snapshot = await (view.adapter as PageAdapter).loadIncident(view.incidentId!, { signal: new AbortController().signal });

    expect(view.loadState).to.equal('ready');
    expect(view.graph!.order).to.equal(snapshot.alerts.length + snapshot.entities.length);
    expect(view.graph!.size).to.be.greaterThan(0);
  });

  it('logs a selection click once', async () => {
    const graph = await settleView(view);
    const log = frame.contentDocument!.getElementById('selections')!;
    expect(log.children, 'no selection before the click').to.have.length(0);

    await clickNode(graph, 'process-powershell', frame);
    await waitUntil(() => log.children.length > 0, 'the page never logged the selection');

    expect(log.children).to.have.length(1);
    expect(log.children[0]!.textContent).to.equal('process-powershell');
  });
});
