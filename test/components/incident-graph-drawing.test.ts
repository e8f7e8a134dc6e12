import { expect, fixture, html } from '@open-wc/testing';
import Graph from 'graphology';
import { clipRange } from '../../src/components/incident-graph/dot-raster.js';
import { DOT_ZOOM, EDGE_LABEL_MIN_ZOOM, ICON_MIN_ZOOM, LABEL_MIN_ZOOM, lastDrawStats, type DrawStats } from '../../src/components/incident-graph/draw.js';
import { EDGE_STYLES, edgeStyleOf } from '../../src/components/incident-graph/edge-styles.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import {
  CORE_RATIO,
  fitLabel,
  graphemes,
  hubIds,
  intersects,
  LABEL_SPACING,
  LabelPlacer,
  middleEllipsis,
  shownText,
  NODE_LABEL_PLACEMENTS,
  sortByLabelPriority,
  textDirection,
} from '../../src/components/incident-graph/labels.js';
import type { NodeView } from '../../src/components/incident-graph/display-model.js';
import type {
  IncidentEdgeAttributes,
  IncidentGraph,
  IncidentGraphAttributes,
  IncidentNodeAttributes,
} from '../../src/model/graph-types.js';
import { IncidentSession } from '../../src/session/session.js';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import { ALERT_RADIUS, ENTITY_RADIUS } from '../../src/layout/graph-layout.js';
import { contosoPhishToMacro } from '../../demo/samples/index.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { mountGraph, nextFrames, pixelAt } from './incident-graph-helpers.js';

const VERDICTS = ['malicious', 'suspicious', 'clean', 'unknown', undefined] as const;

/**
 * Builds a graph of `count` entities on a square grid `spacing` world units apart, with long
 * labels and a relation from each node to its right neighbour, positions already set.
 */
function gridGraph(count: number, spacing: number, label = (index: number) => `host-${index}.finance.contoso.example`): IncidentGraph {
  const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({
    multi: true,
    type: 'directed',
    allowSelfLoops: true,
  });
  const columns = Math.ceil(Math.sqrt(count));
  for (let index = 0; index < count; index++) {
    const verdict = VERDICTS[index % VERDICTS.length];
    graph.addNode(`n${index}`, {
      kind: 'device',
      label: label(index),
      ...(verdict ? { verdict } : {}),
      x: (index % columns) * spacing,
      y: Math.floor(index / columns) * spacing,
    });
    if (index % columns > 0) graph.addEdge(`n${index - 1}`, `n${index}`, { type: 'communicatesWith', roles: [] });
  }
  return graph;
}

function contextOf(element: IncidentGraphElement): CanvasRenderingContext2D {
  return element.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
}

async function showAt(element: IncidentGraphElement, camera: { x: number; y: number; k: number }): Promise<DrawStats> {
  element.camera = camera;
  await nextFrames();
  return lastDrawStats(contextOf(element))!;
}

describe('<il-incident-graph> drawing', () => {
  describe('labels', () => {
    it('never overlap on a dense graph', async () => {
      const element = await mountGraph({ graph: gridGraph(400, 60) });
      const stats = await showAt(element, { x: 20, y: 20, k: 1 });

      expect(stats.labels.length).to.be.greaterThan(10);
      expect(stats.labels.length).to.be.lessThan(stats.nodesDrawn);
      for (let i = 0; i < stats.labels.length; i++) {
        for (let j = i + 1; j < stats.labels.length; j++) {
          expect(intersects(stats.labels[i]!.box, stats.labels[j]!.box), `${stats.labels[i]!.text} / ${stats.labels[j]!.text}`).to.equal(false);
        }
      }
    });

    it('always draws the selected label', async () => {
      const graph = gridGraph(400, 60);
      const session = new IncidentSession();
      const element = await mountGraph({ graph, session });
      // A plain node in the middle of the grid, whose label would lose to its malicious neighbours.
      session.select({ entityIds: ['n109'] });
      const stats = await showAt(element, { x: 20 - 60 * 5, y: 20 - 60 * 3, k: 1 });

      expect(stats.labels[0]!.ownerId).to.equal('n109');
      expect(stats.labels[0]!.text).to.equal('host-109.fin…oso.example');
    });

    it('keeps selected labels apart when crowded', async () => {
      const graph = gridGraph(400, 60);
      const session = new IncidentSession();
      const element = await mountGraph({ graph, session });
      // Forty selected nodes 60 world units apart, shown at zoom 0.5: 30 CSS pixels apart, so
      // their labels cannot all fit.
      const selected = Array.from({ length: 40 }, (_, index) => `n${index}`);
      session.select({ entityIds: selected });
      const stats = await showAt(element, { x: 20, y: 20, k: 0.5 });
      const selectedLabels = stats.labels.filter((label) => selected.includes(label.ownerId!));

      expect(selectedLabels.length).to.be.greaterThan(3);
      expect(selectedLabels.length).to.be.lessThan(selected.length);
      for (let i = 0; i < stats.labels.length; i++) {
        for (let j = i + 1; j < stats.labels.length; j++) {
          expect(intersects(stats.labels[i]!.box, stats.labels[j]!.box), `${stats.labels[i]!.text} / ${stats.labels[j]!.text}`).to.equal(false);
        }
      }
    });

    /**
     * Draws the demo sample's first incident fitted in a graph of `size`, and returns the
     * element, its last frame's figures, the labels of its two hubs (the device and the user at
     * the centre of the story) and its session.
     */
    async function demoHubLabels(size: { width: string; height: string }) {
      const [snapshot] = fromMicrosoftGraph(contosoPhishToMacro);
      const device = snapshot!.entities.find((entity) => entity.kind === 'device')!;
      const user = snapshot!.entities.find((entity) => entity.kind === 'user' && entity.displayName === 'Alex Morgan')!;
      const session = new IncidentSession();
      await session.load(createStaticAdapter(snapshot!), snapshot!.incident.id);
      const element = await fixture<IncidentGraphElement>(html`
        <il-incident-graph style=${styleProperties(size)} .session=${session}></il-incident-graph>
      `);
      await element.layoutSettled;
      await element.fit();
      await nextFrames();
      const stats = lastDrawStats(contextOf(element))!;
      const hubLabels = stats.labels.filter((label) => label.ownerId === device.id || label.ownerId === user.id);
      return { element, stats, hubLabels, session };
    }

    function expectNoLabelOverlap(stats: DrawStats): void {
      for (let i = 0; i < stats.labels.length; i++) {
        for (let j = i + 1; j < stats.labels.length; j++) {
          expect(intersects(stats.labels[i]!.box, stats.labels[j]!.box), `${stats.labels[i]!.text} / ${stats.labels[j]!.text}`).to.equal(false);
        }
      }
    }

    it('keeps hub labels in a crowded centre below the icon zoom', async () => {
      // The demo's graph in a 1280 × 800 window, where the sample fits below the icon zoom and
      // the device and the user have no position clear of their neighbours' circles.
      const { element, stats, hubLabels } = await demoHubLabels({ width: '634px', height: '310px' });
      expect(element.camera.k, 'icons are left out at this zoom').to.be.below(ICON_MIN_ZOOM);
      expect(element.camera.k, 'labels show at this zoom').to.be.at.least(LABEL_MIN_ZOOM);

      expect(hubLabels.map((label) => label.text)).to.have.members(['ws-042.contoso.com', 'Alex Morgan']);
      expectNoLabelOverlap(stats);
    });

    it('keeps hub labels in a crowded centre', async () => {
      // The demo sample's device and user sit at the centre of the story, every side taken by
      // their neighbours' circles. The size is that of the demo's graph in a 1400 × 900 window.
      const { element, stats, hubLabels, session } = await demoHubLabels({ width: '754px', height: '484px' });
      expect(element.camera.k, 'icons show at this zoom').to.be.at.least(ICON_MIN_ZOOM);

      expect(hubLabels.map((label) => label.text)).to.have.members(['ws-042.contoso.com', 'Alex Morgan']);
      expectNoLabelOverlap(stats);
      // No hub label covers the icon of another node: half an entity's radius around its centre.
      const iconReach = (ENTITY_RADIUS / 2) * element.camera.k;
      for (const label of hubLabels) {
        for (const nodeId of session.graph!.nodes()) {
          if (nodeId === label.ownerId) continue;
          const centre = element.toScreen(nodeId)!;
          const dx = Math.max(label.box.x - centre.x, 0, centre.x - (label.box.x + label.box.width));
          const dy = Math.max(label.box.y - centre.y, 0, centre.y - (label.box.y + label.box.height));
          expect(Math.hypot(dx, dy), `${label.text} over ${nodeId}`).to.be.at.least(iconReach);
        }
      }
    });

    it('draws right-to-left text with direction rtl', async () => {
      const arabic = 'خادم الملفات الرئيسي';
      const graph = gridGraph(4, 120, (index) => (index === 0 ? arabic : `host-${index}`));
      const element = await mountGraph({ graph });
      const ctx = contextOf(element);
      const directions = new Map<string, CanvasDirection>();
      const fillText = ctx.fillText.bind(ctx);
      ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
        directions.set(text, ctx.direction);
        fillText(text, x, y, maxWidth);
      };

      const stats = await showAt(element, { x: 100, y: 100, k: 1 });
      expect(stats.labels.find((label) => label.ownerId === 'n0')!.direction).to.equal('rtl');
      expect(directions.get(arabic)).to.equal('rtl');
      expect(directions.get('host-1')).to.equal('ltr');
    });

    it('hides labels below the label zoom', async () => {
      const element = await mountGraph({ graph: gridGraph(16, 80) });
      const labelled = await showAt(element, { x: 20, y: 20, k: LABEL_MIN_ZOOM });
      const hidden = await showAt(element, { x: 20, y: 20, k: LABEL_MIN_ZOOM * 0.9 });

      expect(labelled.labels.length).to.be.greaterThan(0);
      expect(hidden.labels).to.have.length(0);
    });

    it('labels relations at high zoom', async () => {
      // Every node label fits below its node, clear of the relations' labels.
      const element = await mountGraph({ graph: gridGraph(4, 160) });
      const stats = await showAt(element, { x: 150, y: 100, k: EDGE_LABEL_MIN_ZOOM });
      expect(stats.edgeLabels.map((label) => label.text)).to.include('communicates with');
    });

    it('labels evidence edges with their roles', async () => {
      const graph = gridGraph(2, 200);
      graph.addNode('alert-1', { kind: 'alert', label: 'Alert', severity: 'high', x: 100, y: -200 });
      graph.addEdge('alert-1', 'n0', { type: 'evidence', roles: ['contextual', 'attacker'] });
      graph.addEdge('alert-1', 'n1', { type: 'evidence', roles: ['contextual'] });
      const element = await mountGraph({ graph });
      const stats = await showAt(element, { x: 100, y: 300, k: 1.6 });

      const texts = stats.edgeLabels.map((label) => label.text);
      expect(texts).to.include('attacker');
      expect(texts).to.not.include('contextual');
      expect(texts).to.not.include('');
    });
  });

  describe('dimming', () => {
    /**
     * Counts the pixels of the icon box of the alert at `centre` that differ from the alert's
     * fill by at least `threshold` in some channel. The fill is read inside the square's corner.
     */
    function iconPixels(element: IncidentGraphElement, centre: { x: number; y: number }, iconSide: number, threshold: number): number {
      const fill = pixelAt(element, { x: centre.x - iconSide / 2 - 1.5, y: centre.y - iconSide / 2 - 1.5 });
      const canvas = element.shadowRoot!.querySelector('canvas')!;
      const ratio = canvas.width / canvas.clientWidth;
      const side = Math.round(iconSide * ratio);
      const data = contextOf(element).getImageData(Math.round((centre.x - iconSide / 2) * ratio), Math.round((centre.y - iconSide / 2) * ratio), side, side).data;
      let count = 0;
      for (let index = 0; index < data.length; index += 4) {
        const difference = Math.max(...[0, 1, 2].map((channel) => Math.abs(data[index + channel]! - fill[channel]!)));
        if (difference >= threshold) count += 1;
      }
      return count;
    }

    for (const theme of ['light', 'dark'] as const) {
      it(`keeps dimmed alert icons, ${theme} theme`, async () => {
        const graph = gridGraph(2, 200);
        graph.addNode('alert-far', { kind: 'alert', label: 'Far alert', severity: 'high', x: 100, y: -200 });
        graph.addEdge('alert-far', 'n1', { type: 'evidence', roles: ['attacker'] });
        const session = new IncidentSession();
        const element = await mountGraph({ graph, session });
        element.setAttribute('theme', theme);
        // n0 is not next to the alert, so selecting it dims the alert.
        session.select({ entityIds: ['n0'] });
        await showAt(element, { x: 100, y: 300, k: 1 });
        expect(element.display.byId.get('alert-far')!.dimmed).to.equal(true);
        expect(pixelAt(element, { x: 2, y: 2 })[0]! < 128, 'the background follows the theme').to.equal(theme === 'dark');

        // The alert square is 1.7 radii wide and its icon 0.68 of that, in CSS pixels at zoom 1.
        const iconSide = ALERT_RADIUS * 1.7 * 0.68;
        const visible = iconPixels(element, element.toScreen('alert-far')!, iconSide, 24);
        expect(visible).to.be.greaterThan(30);
      });
    }
  });

  describe('level of detail', () => {
    it('draws dots below the dot zoom', async () => {
      const element = await mountGraph({ graph: gridGraph(100, 60) });
      const full = await showAt(element, { x: 20, y: 20, k: DOT_ZOOM });
      const dots = await showAt(element, { x: 20, y: 20, k: DOT_ZOOM * 0.95 });

      expect(DOT_ZOOM).to.equal(0.25);
      expect(full.dots).to.equal(false);
      expect(dots.dots).to.equal(true);
      expect(dots.labels).to.have.length(0);
    });

    /**
     * Returns the Path2D fills (icons and the arrowheads' one fill) of a frame at the icon zoom
     * and of one just below it.
     */
    async function pathFillsAroundIconZoom(graph: IncidentGraph): Promise<{ at: number; below: number }> {
      const element = await mountGraph({ graph });
      const ctx = contextOf(element);
      let fills = 0;
      const fill = ctx.fill.bind(ctx) as (...args: unknown[]) => void;
      ctx.fill = ((...args: unknown[]) => {
        if (args[0] instanceof Path2D) fills += 1;
        fill(...args);
      }) as typeof ctx.fill;

      await showAt(element, { x: 100, y: 100, k: ICON_MIN_ZOOM });
      const at = fills;
      fills = 0;
      await showAt(element, { x: 100, y: 100, k: ICON_MIN_ZOOM * 0.95 });
      return { at, below: fills };
    }

    it('drops icons below the icon zoom', async () => {
      expect(ICON_MIN_ZOOM).to.equal(0.5);
      const fills = await pathFillsAroundIconZoom(gridGraph(4, 200));

      // Four icons, plus the arrowhead fill, which is a Path2D too.
      expect(fills.at).to.equal(5);
      expect(fills.below).to.equal(1);
    });

    it('drops ghost node icons below the icon zoom', async () => {
      const graph = gridGraph(4, 200);
      graph.mergeNodeAttributes(graph.nodes()[1]!, { ghost: true });
      const fills = await pathFillsAroundIconZoom(graph);

      // Four icons, the ghost's among them, plus the arrowhead fill.
      expect(fills.at).to.equal(5);
      expect(fills.below).to.equal(1);
    });

    it('writes many dots as pixels', async () => {
      const graph = gridGraph(2500, 60);
      const element = await mountGraph({ graph });
      const stats = await showAt(element, { x: 20, y: 20, k: 0.1 });

      expect(stats.raster).to.equal(true);
      expect(stats.nodesDrawn).to.equal(2500);
      // n0 is malicious, drawn in the malicious verdict colour over the white background.
      const [red, green, blue] = pixelAt(element, element.toScreen('n0')!);
      expect(red).to.be.greaterThan(green! + 60);
      expect(red).to.be.greaterThan(blue! + 60);
    });

    it('clears the last frame under a see-through background', async () => {
      const element = await mountGraph({ graph: gridGraph(2500, 60) });
      element.style.setProperty('--il-incident-graph-background', 'transparent');
      const stats = await showAt(element, { x: 20, y: 20, k: 0.1 });

      expect(stats.raster).to.equal(true);
      const [, , , dotAlpha] = pixelAt(element, element.toScreen('n0')!);
      expect(dotAlpha).to.equal(255);
      const [, , , emptyAlpha] = pixelAt(element, { x: 630, y: 395 });
      expect(emptyAlpha).to.equal(0);
    });

    it('writes many thin edges as pixels', async () => {
      const element = await mountGraph({ graph: gridGraph(4900, 30) });
      const stats = await showAt(element, { x: 20, y: 20, k: 0.3 });

      expect(stats.dots).to.equal(false);
      expect(stats.edgesDrawn).to.be.at.least(2000);
      expect(stats.raster).to.equal(true);
      // Node n0 is still drawn as a shape: its white fill inside the malicious ring.
      const [red, green, blue] = pixelAt(element, element.toScreen('n0')!);
      expect(Math.min(red!, green!, blue!)).to.be.greaterThan(200);
    });

    it('fills few dots as arcs', async () => {
      const element = await mountGraph({ graph: gridGraph(100, 60) });
      const stats = await showAt(element, { x: 20, y: 20, k: 0.1 });

      expect(stats.dots).to.equal(true);
      expect(stats.raster).to.equal(false);
      const [red, green] = pixelAt(element, element.toScreen('n0')!);
      expect(red).to.be.greaterThan(green! + 60);
    });

    it('skips nodes outside the viewport', async () => {
      const element = await mountGraph({ graph: gridGraph(100, 200) });
      // Zoomed on node n0 at the top-left corner: the rest of the 10 × 10 grid lies off screen.
      const stats = await showAt(element, { x: 100, y: 100, k: 1 });

      expect(stats.nodesDrawn).to.be.greaterThan(0);
      expect(stats.nodesDrawn).to.be.lessThan(20);
      expect(stats.edgesDrawn).to.be.lessThan(20);
    });

    it('strokes edges once per style', async () => {
      const element = await mountGraph({ graph: gridGraph(900, 40) });
      const ctx = contextOf(element);
      let strokes = 0;
      const stroke = ctx.stroke.bind(ctx) as (path?: Path2D) => void;
      ctx.stroke = ((path?: Path2D) => {
        strokes += 1;
        if (path) stroke(path);
        else stroke();
      }) as typeof ctx.stroke;

      const stats = await showAt(element, { x: 20, y: 20, k: 0.4 });
      expect(stats.edgesDrawn).to.be.greaterThan(500);
      // Hairline edges and borders in one path each, wider rings in chunks of 32: far fewer
      // strokes than the 900 nodes and 870 edges.
      expect(strokes).to.be.lessThan(30);
    });
  });
});

describe('label text', () => {
  it('cuts the middle at grapheme boundaries', () => {
    const family = '👩‍👩‍👧‍👦';
    const text = `${family}${'é'.normalize('NFD')}`.repeat(20);
    const clusters = new Set(graphemes(text));
    const short = middleEllipsis(text, 9);

    expect(graphemes(short)).to.have.length(9);
    for (const cluster of graphemes(short)) {
      expect(cluster === '…' || clusters.has(cluster), JSON.stringify(cluster)).to.equal(true);
    }
  });

  it('never splits a surrogate pair', () => {
    const text = '🔥'.repeat(30);
    const short = fitLabel(text, 24, 50, (candidate) => graphemes(candidate).length * 10);

    expect(short).to.match(/^(🔥)+…(🔥)+$/u);
    expect(graphemes(short).length).to.be.at.most(5);
  });

  it('shows control characters as spaces or replacement characters', () => {
    const cases: Array<[string, string]> = [
      ['cmd.exe /c\nwhoami', 'cmd.exe /c whoami'],
      ['a\tb\r\nc\rd', 'a b c d'],
      ['line\u2028paragraph\u2029end', 'line paragraph end'],
      ['c1 \u0085 and \u009F', 'c1 \uFFFD and \uFFFD'],
      ['invoice\u202Efdp.exe', 'invoice\uFFFDfdp.exe'],
      ['\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069', '\uFFFD'.repeat(8)],
      ['שרת\u200F 01', 'שרת\u200F 01'],
      ['bell\u0007 and null\u0000', 'bell\uFFFD and null\uFFFD'],
      ['del\u007F', 'del\uFFFD'],
      ['lone \uD800 high and \uDC00 low', 'lone \uFFFD high and \uFFFD low'],
      ['pair 🔥 kept', 'pair 🔥 kept'],
      ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
    ];
    for (const [text, shown] of cases) expect(shownText(text), JSON.stringify(text)).to.equal(shown);
    expect(fitLabel('a\u0001b', 24, 500, (candidate) => candidate.length)).to.equal('a\uFFFDb');
  });

  it('keeps short text whole', () => {
    expect(middleEllipsis('explorer.exe', 24)).to.equal('explorer.exe');
  });

  it('takes direction from the first strong character', () => {
    expect(textDirection('שרת קבצים')).to.equal('rtl');
    expect(textDirection('خادم')).to.equal('rtl');
    expect(textDirection('42 خادم')).to.equal('rtl');
    expect(textDirection('WS-042 خادم')).to.equal('ltr');
    expect(textDirection('203.0.113.45')).to.equal('ltr');
  });
});

describe('label priority', () => {
  function view(id: string, overrides: Partial<NodeView> = {}): NodeView {
    return {
      id, kind: 'device', label: id, alert: false, verdict: undefined, remediationStatus: undefined, severity: undefined,
      ghost: false, firstSeen: undefined, x: 0, y: 0, radius: 16, selected: false, dimmed: false, ...overrides,
    };
  }

  it('orders selected, hovered, verdicts, severities, rest', () => {
    const nodes = [
      view('plain'),
      view('dimmed-malicious', { verdict: 'malicious', dimmed: true }),
      view('low', { alert: true, kind: 'alert', severity: 'low' }),
      view('suspicious', { verdict: 'suspicious' }),
      view('high', { alert: true, kind: 'alert', severity: 'high' }),
      view('malicious', { verdict: 'malicious' }),
      view('hovered'),
      view('selected', { selected: true }),
    ];
    const order = sortByLabelPriority(nodes, 'hovered', undefined).map((node) => node.id);
    expect(order).to.deep.equal(['selected', 'hovered', 'malicious', 'suspicious', 'high', 'low', 'plain', 'dimmed-malicious']);
  });

  it('puts a search match before dimmed hubs', () => {
    const nodes = [
      view('dimmed-hub', { dimmed: true }),
      view('dimmed-malicious', { verdict: 'malicious', dimmed: true }),
      view('match'),
      ...Array.from({ length: 8 }, (_, index) => view(`leaf-${index}`, { dimmed: true })),
    ];
    const degrees = new Map([['dimmed-hub', 9], ['match', 1]]);

    const order = sortByLabelPriority(nodes, undefined, undefined, degrees).map((node) => node.id);
    expect(order.slice(0, 3)).to.deep.equal(['match', 'dimmed-hub', 'dimmed-malicious']);
  });

  it('puts hubs, then busier nodes first', () => {
    const nodes = [
      view('malicious-leaf', { verdict: 'malicious' }),
      view('malicious-busy', { verdict: 'malicious' }),
      view('hub', { verdict: 'suspicious' }),
      view('selected', { selected: true }),
      ...Array.from({ length: 8 }, (_, index) => view(`leaf-${index}`)),
    ];
    const degrees = new Map([['malicious-leaf', 1], ['malicious-busy', 3], ['hub', 8], ['selected', 1]]);

    const order = sortByLabelPriority(nodes, undefined, undefined, degrees).map((node) => node.id);
    expect(order.slice(0, 4)).to.deep.equal(['selected', 'hub', 'malicious-busy', 'malicious-leaf']);
  });

  it('takes hubs at six edges and twice the mean', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => view(id));
    // 30 edge ends over 8 nodes: a mean degree of 3.75, so a hub needs 7.5 edges.
    const degrees = new Map([['a', 12], ['b', 7], ['c', 6], ['d', 1], ['e', 1], ['f', 1], ['g', 1], ['h', 1]]);
    expect([...hubIds(nodes, degrees)]).to.deep.equal(['a']);

    const sparse = new Map([['a', 5], ['b', 1]]);
    expect(hubIds(nodes, sparse).size, 'five edges make no hub').to.equal(0);
    expect(hubIds([], degrees).size).to.equal(0);
  });
});

describe('LabelPlacer', () => {
  const size = { width: 60, height: 14 };
  const bounds = { x: 0, y: 0, width: 400, height: 400 };

  it('moves a label aside when below is taken', () => {
    const placer = new LabelPlacer(bounds);
    placer.addCircle({ x: 100, y: 100, radius: 10 }, 'a');
    placer.addCircle({ x: 100, y: 125, radius: 10 }, 'b');

    const label = placer.place({ text: 'a', anchor: { x: 100, y: 100, radius: 10 }, ownerId: 'a', placements: NODE_LABEL_PLACEMENTS }, size, 'ltr');
    expect(label!.placement).to.equal('right');
  });

  it('keeps a gap between labels', () => {
    const placer = new LabelPlacer(bounds);
    const first = placer.place({ text: 'a', anchor: { x: 100, y: 100, radius: 0 }, ownerId: 'a', placements: ['center'] }, size, 'ltr')!;
    const height = first.box.height;

    // Boxes that would touch the first label, or stand one pixel from it, are refused.
    for (const offset of [height, height + 1]) {
      const anchor = { x: 100, y: 100 + offset, radius: 0 };
      expect(placer.place({ text: 'b', anchor, ownerId: 'b', placements: ['center'] }, size, 'ltr'), `offset ${offset}`).to.equal(undefined);
    }
    const apart = placer.place({ text: 'c', anchor: { x: 100, y: 100 + height + LABEL_SPACING + 0.5, radius: 0 }, ownerId: 'c', placements: ['center'] }, size, 'ltr');
    expect(apart, 'label a gap away').to.not.equal(undefined);
    expect(apart!.box.y - (first.box.y + first.box.height)).to.be.at.least(LABEL_SPACING);
  });

  it('moves a label inward at the edge', () => {
    const placer = new LabelPlacer(bounds);
    const anchor = { x: 395, y: 200, radius: 10 };

    const label = placer.place({ text: 'edge', anchor, ownerId: 'a', placements: ['right', 'left'] }, size, 'ltr');
    expect(label!.placement).to.equal('left');
    expect(label!.box.x + label!.box.width).to.be.at.most(bounds.width);
  });

  it('slides a label below into view', () => {
    const placer = new LabelPlacer(bounds);
    const left = placer.place({ text: 'left', anchor: { x: 12, y: 200, radius: 10 }, ownerId: 'a', placements: ['below'] }, size, 'ltr');
    const right = placer.place({ text: 'right', anchor: { x: 395, y: 100, radius: 10 }, ownerId: 'b', placements: ['below'] }, size, 'ltr');

    expect(left!.box.x).to.equal(0);
    expect(right!.box.x + right!.box.width).to.equal(bounds.width);
    expect(right!.box.x, 'still under its node').to.be.at.most(395);
  });

  it('keeps a label below its node when sliding cannot help', () => {
    const placer = new LabelPlacer(bounds);
    // A label that slid into view would no longer be under a node this far out.
    const label = placer.place({ text: 'out', anchor: { x: -40, y: 200, radius: 10 }, ownerId: 'a', placements: ['below'] }, size, 'ltr');

    expect(label).to.equal(undefined);
  });

  it('skips a label that fits nowhere whole', () => {
    const placer = new LabelPlacer(bounds);
    const anchor = { x: 200, y: 200, radius: 10 };

    const label = placer.place({ text: 'wide', anchor, ownerId: 'a', placements: ['right', 'left'] }, { width: 300, height: 14 }, 'ltr');
    expect(label).to.equal(undefined);
  });

  it('cuts a forced label that fits nowhere whole', () => {
    const placer = new LabelPlacer(bounds);
    const anchor = { x: 200, y: 200, radius: 10 };

    const label = placer.place({ text: 'wide', anchor, ownerId: 'a', placements: ['right', 'left'], forced: true }, { width: 300, height: 14 }, 'ltr');
    expect(label!.placement).to.equal('right');
  });

  it('skips a label with no free position', () => {
    const placer = new LabelPlacer(bounds);
    const anchor = { x: 200, y: 200, radius: 10 };
    placer.place({ text: 'first', anchor, ownerId: 'a', placements: ['center'] }, { width: 200, height: 200 }, 'ltr');

    const label = placer.place({ text: 'second', anchor, ownerId: 'b', placements: NODE_LABEL_PLACEMENTS }, size, 'ltr');
    expect(label).to.equal(undefined);
    expect(placer.placed).to.have.length(1);
  });

  it('places a forced label over a node', () => {
    const placer = new LabelPlacer(bounds);
    for (const [x, y] of [[100, 125], [150, 100], [50, 100], [100, 75]] as const) placer.addCircle({ x, y, radius: 12 }, `${x},${y}`);

    const label = placer.place(
      { text: 'a', anchor: { x: 100, y: 100, radius: 10 }, ownerId: 'a', placements: NODE_LABEL_PLACEMENTS, forced: true },
      size,
      'ltr',
    );
    expect(label!.placement).to.equal('below');
  });

  it('lets a hub label cover rims, not cores', () => {
    // A neighbour on every side. The one below reaches into the label's box with its rim only.
    const neighbours = [[100, 138], [150, 100], [50, 100], [100, 62]] as const;
    const surrounded = (): LabelPlacer => {
      const placer = new LabelPlacer(bounds);
      for (const [x, y] of neighbours) placer.addCircle({ x, y, radius: 12 }, `${x},${y}`);
      return placer;
    };
    const candidate = { text: 'hub', anchor: { x: 100, y: 100, radius: 10 }, ownerId: 'hub', placements: NODE_LABEL_PLACEMENTS };

    expect(surrounded().place(candidate, size, 'ltr'), 'no position is clear of every circle').to.equal(undefined);
    const label = surrounded().place({ ...candidate, coversRims: true }, size, 'ltr');
    expect(label!.placement).to.equal('below');
    const core = { x: 100 - 12 * CORE_RATIO, y: 138 - 12 * CORE_RATIO, width: 24 * CORE_RATIO, height: 24 * CORE_RATIO };
    expect(intersects(label!.box, core)).to.equal(false);
  });

  it('keeps a hub label off every core', () => {
    const placer = new LabelPlacer(bounds);
    for (const [x, y] of [[100, 118], [128, 100], [72, 100], [100, 82]] as const) placer.addCircle({ x, y, radius: 12 }, `${x},${y}`);

    const label = placer.place(
      { text: 'hub', anchor: { x: 100, y: 100, radius: 10 }, ownerId: 'hub', placements: NODE_LABEL_PLACEMENTS, coversRims: true },
      size,
      'ltr',
    );
    expect(label).to.equal(undefined);
  });
});

describe('clipRange', () => {
  it('clips a segment crossing a rectangle', () => {
    expect(clipRange(20, 0, -5, 5, 0, 0, 10, 10)).to.deep.equal([0.25, 0.75]);
  });

  it('rejects a segment outside', () => {
    expect(clipRange(5, 0, 20, 5, 0, 0, 10, 10)).to.equal(undefined);
    expect(clipRange(0, 5, 20, 0, 0, 0, 10, 10)).to.equal(undefined);
  });

  it('keeps a segment inside whole', () => {
    expect(clipRange(4, 4, 2, 2, 0, 0, 10, 10)).to.deep.equal([0, 1]);
  });
});

describe('edge styles', () => {
  it('tells every style apart without colour', () => {
    const styles = Object.values(EDGE_STYLES);
    const signatures = new Set(styles.map((style) => `${style.width}/${style.dash.join(',')}`));
    expect(signatures.size).to.equal(styles.length);
  });

  it('picks the strongest role', () => {
    expect(edgeStyleOf({ evidence: false, roles: [] }).name).to.equal('relation');
    expect(edgeStyleOf({ evidence: true, roles: ['contextual', 'compromised'] }).name).to.equal('compromised');
    expect(edgeStyleOf({ evidence: true, roles: ['commandAndControl'] }).name).to.equal('attacker');
    expect(edgeStyleOf({ evidence: true, roles: ['destination', 'source'] }).name).to.equal('source');
    expect(edgeStyleOf({ evidence: true, roles: ['contextual'] }).name).to.equal('contextual');
    expect(edgeStyleOf({ evidence: true, roles: ['scanned'] }).name).to.equal('evidence');
    expect(edgeStyleOf({ evidence: true, roles: [] }).name).to.equal('evidence');
  });
});
