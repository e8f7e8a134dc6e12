/**
 * End to end: the demo page's markup and its console code, loading published payloads the
 * ways an analyst does (paste, drop, file), reporting data issues, and simulating live updates.
 */

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define-all.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { DemoConsole } from '../../demo/console.js';
import { readSharedText } from '../helpers/shared-data.js';

const SENTINEL_ROWS = 'sentinel/sentinel-securityalert-row.eventhub.ndjson';
const DEFENDER_INCIDENTS = 'defender/defender-xdr-api_list-incidents.response.json';
const HUNTING_ROWS = 'defender/m365d-streaming_alertinfo-alertevidence-deviceprocessevents.ndjson';

let demo: DemoConsole | undefined;

/**
 * Fetches demo/index.html as an inert document. XMLHttpRequest parses it without a Trusted
 * Types sink, which `DOMParser` would be on these pages.
 */
function fetchDemoPage(): Promise<Document> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', '/demo/index.html');
    request.responseType = 'document';
    request.addEventListener('load', () => {
      if (request.status === 200 && request.responseXML) resolve(request.responseXML);
      else reject(new Error(`GET /demo/index.html failed with HTTP ${request.status}.`));
    });
    request.addEventListener('error', () => reject(new Error('GET /demo/index.html failed.')));
    request.send();
  });
}

/** Mounts the body of demo/index.html, without its script, and starts a console on it. */
async function mountDemo(): Promise<{ root: HTMLElement; demo: DemoConsole }> {
  const body = (await fetchDemoPage()).body;
  for (const script of body.querySelectorAll('script')) script.remove();

  const root = await fixture<HTMLElement>(html`<div style=${styleProperties({ height: '800px', width: '1280px', display: 'flex', flexDirection: 'column' })}></div>`);
  root.append(...[...body.childNodes].map((node) => document.importNode(node, true)));
  demo = new DemoConsole(root);
  return { root, demo };
}

function queueIds(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLButtonElement>('#incident-list button')].map((button) => button.dataset.incidentId!);
}

async function openedView(root: HTMLElement) {
  const view = root.querySelector('il-incident-view')!;
  await view.updateComplete;
  await view.loaded;
  return view;
}

describe('demo payload loading end to end', () => {
  afterEach(() => {
    demo?.disconnect();
    demo = undefined;
  });

  it('loads a pasted payload through the dialog', async function () {
    const text = await readSharedText(this, DEFENDER_INCIDENTS);
    const { root } = await mountDemo();
    const dialog = root.querySelector('dialog')!;

    root.querySelector<HTMLButtonElement>('#paste-open')!.click();
    expect(dialog.open, 'dialog opens').to.equal(true);
    root.querySelector<HTMLTextAreaElement>('#payload-text')!.value = text;
    root.querySelector<HTMLButtonElement>('#paste-load')!.click();

    expect(dialog.open, 'dialog closes').to.equal(false);
    expect(queueIds(root)).to.include('924565');
    const view = await openedView(root);
    expect(view.incidentId).to.equal('924565');
    expect(view.graph!.order, 'graph nodes').to.be.greaterThan(0);
    expect(root.querySelector('#load-status')!.textContent).to.contain('read as Defender XDR');
  });

  it('keeps the dialog open with the reason', async () => {
    const { root } = await mountDemo();
    const markup = '<img src="x" onerror="window.__demoPwned = true">';

    root.querySelector<HTMLButtonElement>('#paste-open')!.click();
    root.querySelector<HTMLTextAreaElement>('#payload-text')!.value = markup;
    root.querySelector<HTMLButtonElement>('#paste-load')!.click();

    expect(root.querySelector('dialog')!.open).to.equal(true);
    expect(root.querySelector('#payload-error')!.textContent).to.contain('no recognised format');
    expect(root.querySelector('#load-status')!.textContent).to.contain('Could not load pasted payload');
    expect(root.querySelector('img'), 'markup stays text').to.equal(null);
    expect((window as { __demoPwned?: boolean }).__demoPwned).to.equal(undefined);
    root.querySelector('dialog')!.close();
  });

  it('loads a dropped file', async function () {
    const text = await readSharedText(this, SENTINEL_ROWS);
    const { root, demo } = await mountDemo();
    const before = queueIds(root).length;

    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'alerts.ndjson', { type: 'application/x-ndjson' }));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    expect(root.querySelector<HTMLElement>('#drop-zone')!.hidden, 'drop overlay shown').to.equal(false);
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(root.querySelector<HTMLElement>('#drop-zone')!.hidden, 'drop overlay hidden').to.equal(true);
    expect(queueIds(root)).to.have.length(before + 1);
    const view = await openedView(root);
    expect(view.incidentId).to.equal(demo.openIncidentId);
    expect(root.querySelector('#load-status')!.textContent).to.contain('alerts.ndjson, read as Microsoft Sentinel');
  });

  it('lists the data issues of a payload', async function () {
    const text = await readSharedText(this, HUNTING_ROWS);
    const { root, demo } = await mountDemo();
    const broken = `${text.trimEnd()}\n{ this line is cut off`;

    const result = demo.loadPayload(broken, 'export.ndjson');

    expect(result.ok).to.equal(true);
    const items = [...root.querySelectorAll('#issues-list li')].map((item) => item.textContent ?? '');
    expect(items.length, 'issues listed').to.be.greaterThan(0);
    expect(root.querySelector('#issues-summary')!.textContent).to.contain(`${items.length} problem`);
    expect(items.some((item) => item.startsWith('payload · line ') && item.includes('invalid JSON'))).to.equal(true);
  });

  it('reports a file of no known format', async () => {
    const { root, demo } = await mountDemo();
    const before = queueIds(root);

    const result = await demo.loadFile(new File(['{"colour": "red"}'], 'colour.json'));

    expect(result.ok).to.equal(false);
    expect(queueIds(root)).to.deep.equal(before);
    expect(root.querySelector('#load-status')!.textContent).to.contain('found records with the fields "colour"');
  });

  it('adds live updates without moving nodes', async function () {
    const text = await readSharedText(this, DEFENDER_INCIDENTS);
    const { root, demo } = await mountDemo();
    demo.loadPayload(text, 'incidents.json');
    const view = await openedView(root);
    const graphElement = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    await graphElement.layoutSettled;
    const graph = view.graph!;
    const before = new Map(graph.mapNodes((node, attributes) => [node, { x: attributes.x, y: attributes.y }] as const));

    expect(demo.sendLiveUpdate()).to.equal(true);
    await graphElement.layoutSettled;

    expect(graph.order, 'nodes added').to.be.greaterThan(before.size);
    for (const [node, position] of before) {
      expect({ x: graph.getNodeAttribute(node, 'x'), y: graph.getNodeAttribute(node, 'y') }, node).to.deep.equal(position);
    }
  });
});
