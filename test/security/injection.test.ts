import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { ActionDescriptor, IncidentDataAdapter } from '../../src/adapter/adapter.js';
import '../../src/define-all.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { HuntResults } from '../../src/components/hunt-results/hunt-results.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import {
  HOSTILE_LIST,
  HOSTILE_STRINGS,
  LONG_STRING,
  MARKER_ATTRIBUTE,
  MARKER_TAG,
  hostile,
  hostileHuntQueries,
  hostileHuntResult,
  hostileSnapshot,
} from '../fixtures/hostile-strings.js';
import { AdditionRecorder, Canary, auditDom, deepElements, deepText } from './dom-audit.js';
import { parseMarkup } from '../helpers/parse-markup.js';

/** Returns an adapter that serves the hostile incident, and hostile actions, hunt queries and rows. */
function hostileAdapter(): IncidentDataAdapter {
  const snapshot = hostileSnapshot();
  return {
    async loadIncident() {
      return structuredClone(snapshot);
    },
    async listActions(): Promise<ActionDescriptor[]> {
      return HOSTILE_LIST.slice(0, 5).map((text, index) => ({ id: `action-${index}`, label: text, description: hostile(index + 20), destructive: index % 2 === 0 }));
    },
    async runAction() {
      return { status: 'failed', message: hostile(3) };
    },
    async listHuntQueries() {
      return hostileHuntQueries();
    },
    async runHunt() {
      return hostileHuntResult();
    },
    async linkToIncident() {
      throw new Error(hostile(1));
    },
  };
}

/** Lets image errors, event handlers and microtasks that a payload might start run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

function graphOf(view: IncidentView): IncidentGraphElement {
  return view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
}

/** Returns where a node is drawn in page coordinates, once two frames agree. */
async function stableNodePoint(graph: IncidentGraphElement, nodeId: string): Promise<[number, number]> {
  let point = graph.toScreen(nodeId);
  for (let frame = 0; frame < 60; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const next = graph.toScreen(nodeId);
    if (next && point && Math.abs(next.x - point.x) < 0.5 && Math.abs(next.y - point.y) < 0.5) break;
    point = next;
  }
  if (!point) throw new Error(`Node ${nodeId} is not drawn, so it cannot be hovered.`);
  const rect = graph.getBoundingClientRect();
  return [Math.round(rect.left + point.x), Math.round(rect.top + point.y)];
}

/**
 * Moves the pointer onto a node and returns the tooltip text. The first move may trigger a
 * pending fit that moves the node, so the pointer follows the node a few times.
 */
async function hoverNode(graph: IncidentGraphElement, nodeId: string): Promise<string> {
  const tooltip = graph.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
  for (let attempt = 0; attempt < 4 && tooltip.hidden; attempt++) {
    await sendMouse({ type: 'move', position: await stableNodePoint(graph, nodeId) });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await graph.updateComplete;
  }
  expect(tooltip.hidden, `tooltip of ${nodeId}`).to.equal(false);
  return tooltip.textContent ?? '';
}

describe('injection corpus', () => {
  const canary = new Canary();
  const recorder = new AdditionRecorder();

  beforeEach(async () => {
    await setViewport({ width: 1400, height: 900 });
    canary.install();
  });

  afterEach(async () => {
    recorder.disconnect();
    canary.uninstall();
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('corpus covers every payload family', () => {
    const families = Object.keys(HOSTILE_STRINGS);
    console.log(`[injection] ${HOSTILE_LIST.length} payloads in ${families.length} families: ${families.join(', ')}`);

    expect(families).to.include.members(['html', 'svg', 'eventHandlers', 'urls', 'css', 'text']);
    expect(LONG_STRING.length).to.equal(100_000);
    expect(HOSTILE_LIST.length).to.be.greaterThan(40);
  });

  it('audit flags planted payloads', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    // Outside the HTML namespace `onerror` is no event handler, so setting it is no Trusted Types
    // sink and no inline script on this page. The audit reads names only and flags it all the same.
    const image = document.createElementNS('urn:incident-lens:test', 'img');
    image.setAttribute(MARKER_ATTRIBUTE, '');
    image.setAttribute('onerror', 'void 0');
    const link = document.createElement('a');
    link.setAttribute('href', 'javascript:void 0');
    root.append(image, link);

    const problems = auditDom(host).findings.map((finding) => finding.problem);

    expect(problems).to.include('forbidden element <img>');
    expect(problems).to.include('marker attribute from data');
    expect(problems).to.include('event handler attribute onerror');
    expect(problems.some((problem) => problem.startsWith('href with scheme javascript:'))).to.equal(true);
  });

  it('view renders hostile data as text only', async function () {
    this.timeout(60_000);
    recorder.observe(document.body);
    const session = new IncidentSession();
    const adapter = hostileAdapter();
    await session.load(adapter, 'hostile-incident');
    const snapshot = session.snapshot!;

    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .session=${session}></il-incident-view>`);
    await view.loaded;
    const graph = graphOf(view);
    await graph.layoutSettled;
    recorder.refresh(document.body);

    // The header shows the hostile title exactly, as text.
    expect(view.shadowRoot!.querySelector('.title')!.textContent).to.equal(hostile(1));

    // Tooltips of two entities and one alert.
    const hovered: string[] = [];
    for (const id of ['entity-0', 'entity-1', 'alert-3']) hovered.push(await hoverNode(graph, id));
    expect(hovered[0]).to.include(snapshot.entities[0]!.displayName.slice(0, 10));

    // Every alert's details, then a run of entities in the flyout, with actions and hunts.
    let alertsShown = 0;
    for (const alert of snapshot.alerts) {
      session.select({ alertIds: [alert.id] });
      await view.updateComplete;
      alertsShown++;
    }

    let entitiesShown = 0;
    let huntRows = 0;
    for (const entity of snapshot.entities.slice(0, 12).reverse()) {
      session.select({ entityIds: [entity.id] });
      await view.updateComplete;
      const flyout = view.shadowRoot!.querySelector('il-entity-flyout')!;
      await (flyout as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      entitiesShown++;
      if (entitiesShown > 2) continue;

      const hunt = flyout.shadowRoot!.querySelector<HuntResults>('il-hunt-results')!;
      await waitUntil(() => hunt.shadowRoot!.querySelector('[part~="run-button"]') !== null, 'no hunt queries shown');
      for (const details of deepElements(flyout.shadowRoot!)) if (details instanceof HTMLDetailsElement) details.open = true;
      hunt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="run-button"]')!.click();
      await waitUntil(() => hunt.shadowRoot!.querySelector('[part~="table"]') !== null, 'no hunt results shown');
      huntRows += hunt.shadowRoot!.querySelectorAll('tbody tr').length;
    }
    // Every tab of the view, with an audit after each, then back to the attack story.
    const tabs = [...view.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const tabFindings: string[] = [];
    for (const tab of tabs) {
      tab.click();
      await view.updateComplete;
      await settle();
      recorder.refresh(document.body);
      for (const finding of auditDom(view).findings) tabFindings.push(`${tab.dataset.tab}: ${finding.where} ${finding.problem}`);
    }
    tabs[0]?.click();
    await view.updateComplete;
    await settle();
    recorder.refresh(document.body);

    const report = auditDom(view);
    const suspicious = recorder.suspicious().map((element) => element.localName);
    console.log(
      `[injection] ${alertsShown} alerts and ${entitiesShown} entities shown, 3 tooltips, ${huntRows} hunt rows, ${tabs.length} tabs; ` +
        `${report.elements} elements in ${report.shadowRoots} shadow roots, ${report.links} links, ` +
        `${recorder.added.length} elements added; canary calls ${canary.calls}, findings ${report.findings.length}`,
    );

    expect(canary.calls, 'canary calls').to.equal(0);
    expect(report.findings, 'elements or attributes made from data').to.deep.equal([]);
    expect(tabFindings, 'elements or attributes made from data in the tabs').to.deep.equal([]);
    expect(suspicious, 'forbidden elements added while rendering').to.deep.equal([]);
    expect(huntRows, 'hunt rows drawn').to.be.greaterThan(0);
    expect(report.links, 'links made from the one valid https URL').to.be.greaterThan(0);
    expect(document.querySelector(MARKER_TAG)).to.equal(null);

    // The payloads are on screen as text, so the check above did look at rendered data.
    const text = deepText(view.shadowRoot!);
    expect(text.includes(`<img ${MARKER_ATTRIBUTE} src=x onerror="__ilCanary()">`), 'markup payload shown as text').to.equal(true);
  });

  it('exports hostile data without active content', async function () {
    this.timeout(30_000);
    const session = new IncidentSession();
    await session.load(hostileAdapter(), 'hostile-incident');
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '640px', width: '1000px' })} .session=${session}></il-incident-view>`);
    await view.loaded;
    const graph = graphOf(view);
    await graph.layoutSettled;

    const svgText = await graph.toSVG();
    const svg = parseMarkup(svgText, 'image/svg+xml');
    const elements = [...svg.querySelectorAll('*')];
    const handlers = elements.flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.toLowerCase().startsWith('on')).map((attribute) => attribute.name));
    const hrefs = elements.flatMap((element) =>
      [...element.attributes].filter((attribute) => /(^|:)href$/i.test(attribute.name)).map((attribute) => attribute.value),
    );
    const labels = [...svg.querySelectorAll('text')].map((element) => element.textContent ?? '');

    console.log(`[injection] SVG export: ${svgText.length} characters, ${elements.length} elements, ${labels.length} text elements, ${handlers.length} handlers, ${hrefs.length} hrefs`);

    expect(svg.querySelector('parsererror'), 'SVG parse error').to.equal(null);
    expect(svg.querySelectorAll('script').length, 'script elements').to.equal(0);
    expect(svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'foreignObject').length, 'foreignObject elements').to.equal(0);
    expect(svg.querySelectorAll(`[${MARKER_ATTRIBUTE}]`).length, 'marker attributes').to.equal(0);
    expect(handlers, 'event handler attributes').to.deep.equal([]);
    expect(hrefs.filter((href) => href !== '#' && href !== ''), 'links').to.deep.equal([]);
    expect(labels.some((label) => label.includes('<')), 'markup kept as label text').to.equal(true);

    const viewSvg = await (await view.exportGraph('svg')).text();
    expect(viewSvg, 'the view exports the graph SVG').to.equal(svgText);
    const snapshotJson = JSON.parse(await view.exportSnapshot().text()) as { incident: { title: string } };
    expect(snapshotJson.incident.title === hostile(1), 'the JSON export keeps the title as data').to.equal(true);

    const png = await graph.toPNG();
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(1000);

    const exported = JSON.parse(JSON.stringify(view.graph!.export())) as { nodes: Array<{ key: string; attributes: { label: string } }> };
    const labelsById = new Map(exported.nodes.map((node) => [node.key, node.attributes.label]));
    expect(exported.nodes.length).to.equal(view.graph!.order);
    expect(labelsById.get('entity-0')).to.equal(session.snapshot!.entities[0]!.displayName);
    const longEntity = session.snapshot!.entities.find((entity) => entity.displayName === LONG_STRING)!;
    expect(labelsById.get(longEntity.id) === LONG_STRING, 'the 100,000-character label survives the JSON round trip').to.equal(true);
  });

  it('reads hostile URL fragments without effect', async () => {
    const session = new IncidentSession();
    await session.load(hostileAdapter(), 'hostile-incident');
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '640px', width: '1000px' })} .session=${session}></il-incident-view>`);
    await view.loaded;
    recorder.observe(document.body);

    // Lone surrogates cannot be percent-encoded, so the encoded forms use well-formed copies.
    const encode = (text: string): string => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
    const fragments = HOSTILE_LIST.flatMap((text) => [text, `#${text}`, `#tab=${encode(text)}&entity=${encode(text)}&time=${encode(text)}`]);
    fragments.push('#tab=%E0%A4%A', '#entity=%', '#time=%uD800', '#=&=&&&', `#${'a=b&'.repeat(10_000)}`);
    let thrown = 0;
    for (const fragment of fragments) {
      try {
        view.fromFragment(fragment);
      } catch {
        thrown++;
      }
    }
    await view.updateComplete;
    await settle();
    recorder.refresh(document.body);
    console.log(`[injection] ${fragments.length} hostile fragments read, ${thrown} threw`);

    expect(thrown, 'fragments that threw').to.equal(0);
    expect(view.loadState).to.equal('ready');
    expect(auditDom(view).findings).to.deep.equal([]);
    expect(recorder.suspicious()).to.deep.equal([]);
    expect(canary.calls).to.equal(0);
  });

  it('shows a hostile error message as text', async () => {
    recorder.observe(document.body);
    const adapter: IncidentDataAdapter = {
      async loadIncident() {
        throw new Error(hostile(1));
      },
    };
    const view = await fixture<IncidentView>(html`<il-incident-view style=${styleProperties({ height: '400px' })} .adapter=${adapter} incident-id=${hostile(0)}></il-incident-view>`);
    await view.loaded.catch(() => undefined);
    await view.updateComplete;
    await settle();

    const alert = view.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include(hostile(1));
    expect(auditDom(view).findings).to.deep.equal([]);
    expect(recorder.suspicious()).to.deep.equal([]);
    expect(canary.calls).to.equal(0);
  });
});
