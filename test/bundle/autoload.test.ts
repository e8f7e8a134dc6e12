/**
 * How the script-tag bundle loads its elements. Nothing loads before an element appears, and a
 * tag's chunk loads once the tag is in the document. `discover` defines the elements of a
 * shadow root or detached tree. Properties set before the upgrade are kept, and a chunk that
 * fails to load is reported with its tag and URL. Each test uses tags that no earlier test loaded, because the page keeps
 * what the bundle defined. `npm test` builds the bundle before it runs the tests.
 */

import { expect, waitUntil } from '@open-wc/testing';
import type * as Bundle from '../../src/bundle.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import { documentedPolicies } from '../helpers/documented-policy.js';
import { frameReport } from '../security/policy-frame.js';
import type { MissingChunkReport } from './missing-chunk-main.js';

const bundleUrl = '/dist/incident-lens.bundle.js';

// The default buffer of 250 entries can fill with the test framework's modules.
performance.setResourceTimingBufferSize(2000);

async function loadBundle(): Promise<typeof Bundle> {
  return (await import(/* @vite-ignore */ bundleUrl)) as typeof Bundle;
}

/** Resolves with the class of `tag` once it is defined, or fails after `timeout` ms. */
async function definedWithin(tag: string, timeout = 5000): Promise<CustomElementConstructor> {
  await waitUntil(() => customElements.get(tag) !== undefined, `<${tag}> was not defined within ${timeout} ms`, { timeout });
  return customElements.get(tag)!;
}

/** Paths of the element chunks that the page requested so far. */
function requestedElementChunks(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/bundle/il-'));
}

describe('script-tag bundle autoloader', () => {
  const added: Element[] = [];

  afterEach(() => {
    for (const element of added.splice(0)) element.remove();
  });

  it('loads no element before one appears', async () => {
    const api = await loadBundle();

    expect(api.ELEMENT_TAGS).to.have.length(12);
    for (const tag of api.ELEMENT_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(requestedElementChunks()).to.deep.equal([]);
  });

  it('defines an element added later', async () => {
    await loadBundle();
    const queue = document.createElement('il-alert-queue');
    added.push(queue);
    document.body.append(queue);

    const AlertQueue = await definedWithin('il-alert-queue');

    expect(queue instanceof AlertQueue).to.equal(true);
    expect(requestedElementChunks()).to.deep.equal(['/dist/bundle/il-alert-queue.js']);
  });

  it('defines an element nested in added markup', async () => {
    await loadBundle();
    const section = document.createElement('section');
    const filters = section.appendChild(document.createElement('div')).appendChild(document.createElement('il-incident-filters'));
    added.push(section);
    document.body.append(section);

    const IncidentFilters = await definedWithin('il-incident-filters');

    expect(filters instanceof IncidentFilters).to.equal(true);
  });

  it('keeps properties set before the upgrade', async () => {
    await loadBundle();
    const badge = document.createElement('il-verdict-badge') as VerdictBadge;
    expect(customElements.get('il-verdict-badge'), 'il-verdict-badge defined before use').to.equal(undefined);
    badge.verdict = 'malicious';
    added.push(badge);
    document.body.append(badge);

    await definedWithin('il-verdict-badge');
    await badge.updateComplete;

    expect(badge.verdict).to.equal('malicious');
    expect(badge.shadowRoot!.querySelector('[part~="verdict"]')!.textContent).to.contain('Malicious');
  });

  it('defines elements of a shadow root after discover', async () => {
    const api = await loadBundle();
    const host = document.createElement('div');
    added.push(host);
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const summary = root.appendChild(document.createElement('il-incident-summary'));

    // The document's observer does not see into shadow roots.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customElements.get('il-incident-summary'), 'defined without discover').to.equal(undefined);

    await api.discover(root);

    expect(summary instanceof customElements.get('il-incident-summary')!).to.equal(true);
  });

  it('upgrades a detached tree after discover', async () => {
    const api = await loadBundle();
    const fragment = document.createDocumentFragment();
    const list = fragment.appendChild(document.createElement('il-evidence-list'));

    await api.discover(fragment);

    expect(list instanceof customElements.get('il-evidence-list')!).to.equal(true);
    expect(list.isConnected).to.equal(false);
  });

  it('rejects a root that is not a node', async () => {
    const api = await loadBundle();
    const invalid = [null, 'il-incident-view', {}] as unknown as ParentNode[];

    for (const root of invalid) {
      let error: unknown;
      await api.discover(root).catch((caught: unknown) => (error = caught));
      expect(error instanceof TypeError, String(root)).to.equal(true);
      expect((error as Error).message).to.match(/^discover: invalid root/);
    }
  });

  it('defines elements ahead of use', async () => {
    const api = await loadBundle();

    await api.defineElements(['il-hunt-results']);
    const HuntResults = await customElements.whenDefined('il-hunt-results');

    expect(customElements.get('il-hunt-results') === HuntResults).to.equal(true);
    expect(customElements.get('il-investigations'), 'a tag not requested').to.equal(undefined);
  });

  it('rejects an unknown tag', async () => {
    const api = await loadBundle();
    let error: unknown;
    try {
      await api.defineElements(['il-incident-graf' as Bundle.ElementTag]);
    } catch (caught) {
      error = caught;
    }

    expect(error).to.be.instanceOf(TypeError);
    expect((error as TypeError).message).to.contain('"il-incident-graf"');
  });

  it('shares its core under another URL', async () => {
    const api = await loadBundle();
    const copyUrl = `${bundleUrl}?copy`;
    const copy = (await import(/* @vite-ignore */ copyUrl)) as typeof Bundle;

    expect(copy === api, 'one module record for both URLs').to.equal(false);
    expect(copy.setStrings === api.setStrings, 'one string table').to.equal(true);
    expect(copy.discover === api.discover, 'one loader').to.equal(true);
  });

  it('names the tag and URL of a missing chunk', async function () {
    this.timeout(20_000);
    const [policy] = await documentedPolicies();
    const query = new URLSearchParams({ policy: policy! });
    query.append('script', '/test/bundle/missing-chunk-main.ts');
    const frame = document.createElement('iframe');
    frame.src = `/__il/policy-frame?${query}`;

    const report = await frameReport<MissingChunkReport>(frame, 'il-missing-chunk', 15_000, () => 'The missing-chunk page did not report within 15 s.');
    const chunkUrl = `${location.origin}/__il/bundle-without-element-chunks/bundle/il-alert-timeline.js`;

    expect(report.failure, 'failure in the frame').to.equal(undefined);
    expect(report.consoleErrors, 'console errors').to.have.length(1);
    expect(report.consoleErrors[0]).to.contain('<il-alert-timeline>');
    expect(report.consoleErrors[0]).to.contain(chunkUrl);
    expect(report.rejection, 'defineElements rejection').to.equal(report.consoleErrors[0]);
    expect(report.defined, 'il-alert-timeline defined').to.equal(false);
  });
});
