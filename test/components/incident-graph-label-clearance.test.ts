import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import Graph from 'graphology';
import { DOT_ZOOM, EDGE_LABEL_MIN_ZOOM, LABEL_MIN_ZOOM, lastDrawStats, type DrawStats } from '../../src/components/incident-graph/draw.js';
import { arrowheadCorners } from '../../src/components/incident-graph/draw-edges.js';
import { LOOP_ABOVE, LOOP_BELOW, LOOP_LEFT, LOOP_RIGHT, selfLoopShape } from '../../src/components/incident-graph/self-loops.js';
import { BADGE_RADIUS, badgeCentre, FOCUS_RING_GAP, PIN_RADIUS, pinCentre, RING_GAP, SELECTION_RING_GAP } from '../../src/components/incident-graph/draw-nodes.js';
import { EDGE_STYLES } from '../../src/components/incident-graph/edge-styles.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { Box } from '../../src/components/incident-graph/labels.js';
import { ENTITY_RADIUS } from '../../src/layout/graph-layout.js';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { IncidentSession } from '../../src/session/session.js';
import { HEIGHT, mountGraph, mountWithKeyboardFocus, nextFrames, pagePosition, WIDTH } from './incident-graph-helpers.js';

/** Returns five devices in a row, 200 world units apart, from x = 0. */
function rowGraph(): IncidentGraph {
  const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
  for (let index = 0; index < 5; index++) {
    graph.addNode(`device-${index}`, { kind: 'device', label: `ws-${index}.contoso.com`, x: index * 200, y: 0 });
  }
  return graph;
}

function statsOf(element: IncidentGraphElement): DrawStats {
  return lastDrawStats(element.shadowRoot!.querySelector('canvas')!.getContext('2d')!)!;
}

/** Returns the distance from a point to the nearest point of a box, 0 inside it. */
function distanceToBox(point: { x: number; y: number }, box: Box): number {
  const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
  const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

function labelOf(stats: DrawStats, nodeId: string): Box {
  const label = stats.labels.find((candidate) => candidate.ownerId === nodeId);
  if (!label) throw new Error(`No label drawn for ${nodeId}`);
  return label.box;
}

function labelText(stats: DrawStats, nodeId: string): string {
  const label = stats.labels.find((candidate) => candidate.ownerId === nodeId);
  if (!label) throw new Error(`No label drawn for ${nodeId}`);
  return label.text;
}

/** Returns the tooltip's box in CSS pixels of the element. */
function tooltipBox(element: IncidentGraphElement): Box {
  const tooltip = element.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
  expect(tooltip.hidden).to.equal(false);
  const rect = tooltip.getBoundingClientRect();
  const origin = element.getBoundingClientRect();
  return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('<il-incident-graph> label clearance', () => {
  before(async () => {
    // A page without focus fires no focus event when the list takes focus.
    if (!document.hasFocus()) await sendMouse({ type: 'click', position: [0, 0] });
  });

  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('labels the hovered node at dot zoom', async () => {
    const element = await mountGraph({ graph: rowGraph() });
    element.camera = { x: 100, y: 200, k: DOT_ZOOM * 0.8 };
    await nextFrames();
    expect(statsOf(element).labels).to.have.length(0);

    await sendMouse({ type: 'move', position: pagePosition(element, 'device-2') });
    await nextFrames();

    const stats = statsOf(element);
    expect(stats.dots).to.equal(true);
    expect(stats.labels.map((label) => label.ownerId)).to.deep.equal(['device-2']);
    expect(stats.labels[0]!.text).to.equal('ws-2.contoso.com');
  });

  it('labels the active node below the label zoom', async () => {
    const element = await mountWithKeyboardFocus(rowGraph());
    element.camera = { x: 100, y: 200, k: LABEL_MIN_ZOOM * 0.9 };
    await nextFrames();

    const stats = statsOf(element);
    expect(stats.activeRing).to.be.a('string');
    expect(stats.labels.map((label) => label.ownerId)).to.deep.equal([stats.activeRing]);
  });

  it('labels a few selected nodes at dot zoom', async () => {
    const session = new IncidentSession();
    const element = await mountGraph({ graph: rowGraph(), session });
    element.camera = { x: 100, y: 200, k: DOT_ZOOM * 0.8 };
    session.select({ entityIds: ['device-1', 'device-3'] });
    await nextFrames();

    expect(statsOf(element).labels.map((label) => label.ownerId).sort()).to.deep.equal(['device-1', 'device-3']);
  });

  it('labels no selection of more than 12 at dot zoom', async () => {
    const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
    for (let index = 0; index < 13; index++) graph.addNode(`device-${index}`, { kind: 'device', label: `ws-${index}`, x: index * 200, y: 0 });
    const session = new IncidentSession();
    const element = await mountGraph({ graph, session });
    element.camera = { x: 20, y: 200, k: DOT_ZOOM * 0.8 };
    session.select({ entityIds: graph.nodes() });
    await nextFrames();

    expect(statsOf(element).labels).to.have.length(0);
  });

  it('keeps a selected label off its ring', async () => {
    const session = new IncidentSession();
    const element = await mountGraph({ graph: rowGraph(), session });
    session.select({ entityIds: ['device-1'] });
    element.camera = { x: 100, y: 150, k: 1.5 };
    await nextFrames();

    const centre = element.toScreen('device-1')!;
    // The ring's outer edge: its gap from the circle, in world units, and half its 3 pixels.
    const ringEdge = (ENTITY_RADIUS + SELECTION_RING_GAP) * 1.5 + 1.5;
    expect(distanceToBox(centre, labelOf(statsOf(element), 'device-1'))).to.be.at.least(ringEdge);
  });

  it('keeps the active label off its ring', async () => {
    const element = await mountWithKeyboardFocus(rowGraph());
    element.camera = { x: 100, y: 150, k: 1.5 };
    await nextFrames();

    const stats = statsOf(element);
    const activeId = stats.activeRing!;
    const ringEdge = (ENTITY_RADIUS + FOCUS_RING_GAP) * 1.5 + 1;
    expect(distanceToBox(element.toScreen(activeId)!, labelOf(stats, activeId))).to.be.at.least(ringEdge);
  });

  it('labels a self-loop above its loop', async () => {
    const graph = rowGraph();
    // A relation type the model does not name reads as words.
    graph.addDirectedEdge('device-1', 'device-1', { type: 'injectsInto', roles: [] });
    const element = await mountGraph({ graph });
    element.camera = { x: 100, y: 200, k: EDGE_LABEL_MIN_ZOOM };
    await nextFrames();

    const label = statsOf(element).edgeLabels.find((candidate) => candidate.text === 'injects into');
    expect(label, 'self-loop label').to.not.equal(undefined);
    const node = element.display.byId.get('device-1')!;
    const loop = selfLoopShape(node, 0);
    // The loop's top in CSS pixels: the camera puts world y = 0 at 200.
    const loopTop = 200 + (loop.centre.y - loop.radius) * EDGE_LABEL_MIN_ZOOM;
    expect(label!.box.y + label!.box.height).to.be.at.most(loopTop + 1e-6);
  });

  it('keeps self-loops off the badge and pin', async () => {
    const graph = rowGraph();
    graph.mergeNodeAttributes('device-1', { remediationStatus: 'pendingApproval', fixed: true });
    for (let count = 0; count < 3; count++) graph.addDirectedEdge('device-1', 'device-1', { type: 'injects into', roles: [] });
    const element = await mountGraph({ graph });
    await nextFrames();

    const node = element.display.byId.get('device-1')!;
    // Each mark's radius with half its outline of 1.5, and half the width of a relation's line.
    const marks = [
      { name: 'badge', centre: badgeCentre(node), radius: BADGE_RADIUS + 0.75 },
      { name: 'pin', centre: pinCentre(node), radius: PIN_RADIUS + 0.75 },
    ];
    const halfLine = EDGE_STYLES.relation.width / 2;
    const tips: Array<{ x: number; y: number }> = [];
    for (const side of [LOOP_ABOVE, LOOP_RIGHT, LOOP_BELOW, LOOP_LEFT]) {
      for (let loopIndex = 0; loopIndex < 3; loopIndex++) {
        const loop = selfLoopShape(node, loopIndex, side);
        const name = `loop ${loopIndex} on side ${side}`;
        const arrowhead = [loop.tip, ...arrowheadCorners(loop.from, loop.tip)];
        for (const mark of marks) {
          const fromCentre = Math.hypot(mark.centre.x - loop.centre.x, mark.centre.y - loop.centre.y);
          expect(Math.abs(fromCentre - loop.radius), `${name} to the ${mark.name}`).to.be.at.least(mark.radius + halfLine);
          for (const corner of arrowhead) {
            const distance = Math.hypot(corner.x - mark.centre.x, corner.y - mark.centre.y);
            expect(distance, `arrowhead of ${name} to the ${mark.name}`).to.be.at.least(mark.radius);
          }
        }
        // The tip is outside the verdict ring, and on the loop's circle.
        const tipFromNode = Math.hypot(loop.tip.x - node.x, loop.tip.y - node.y);
        expect(tipFromNode, `tip of ${name} from the node`).to.be.greaterThan(node.radius + RING_GAP + 3);
        const tipFromCentre = Math.hypot(loop.tip.x - loop.centre.x, loop.tip.y - loop.centre.y);
        expect(tipFromCentre, `tip of ${name} on its circle`).to.be.closeTo(loop.radius, 1e-9);
        // The arrowhead points along the circle, clockwise on screen.
        const along = { x: loop.tip.x - loop.from.x, y: loop.tip.y - loop.from.y };
        const radial = { x: loop.tip.x - loop.centre.x, y: loop.tip.y - loop.centre.y };
        const across = (along.x * radial.x + along.y * radial.y) / Math.hypot(along.x, along.y);
        expect(across, `arrowhead of ${name} along its circle`).to.be.closeTo(0, 1e-9);
        expect(radial.x * along.y - radial.y * along.x, `arrowhead of ${name} clockwise`).to.be.greaterThan(0);
        if (side === LOOP_ABOVE) {
          expect(along.y, `arrowhead of ${name} pointing down`).to.be.greaterThan(0);
          tips.push(loop.tip);
        }
      }
    }
    // Each loop's arrowhead has a place of its own.
    for (let later = 1; later < tips.length; later++) {
      expect(Math.hypot(tips[later]!.x - tips[later - 1]!.x, tips[later]!.y - tips[later - 1]!.y), `tips ${later - 1} and ${later}`).to.be.greaterThan(5);
    }
  });

  it('keeps a label off curved edges', async () => {
    const straight: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
    straight.addNode('device-0', { kind: 'device', label: 'ws-0.contoso.com', x: 0, y: 0 });
    // Malicious, so its label is placed before its neighbour's.
    straight.addNode('device-1', { kind: 'device', label: 'ws-1.contoso.com', verdict: 'malicious', x: 100, y: 0 });
    straight.addDirectedEdge('device-0', 'device-1', { type: 'communicatesWith', roles: [] });
    const parallel = straight.copy();
    for (let count = 0; count < 3; count++) parallel.addDirectedEdge('device-0', 'device-1', { type: 'communicatesWith', roles: [] });

    const placements: string[] = [];
    for (const graph of [straight, parallel]) {
      const element = await mountGraph({ graph });
      element.camera = { x: 200, y: 200, k: 1 };
      await nextFrames();
      placements.push(statsOf(element).labels.find((label) => label.ownerId === 'device-1')!.placement);
    }

    // One straight edge leaves the label below. Of four parallel edges, the outer two bend 27
    // world units above and below the line and pass through the box below, so the label goes
    // to the right, away from all of them.
    expect(placements).to.deep.equal(['below', 'right']);
  });

  it('lengthens labels when zoomed in', async () => {
    // 44 characters: past the usual 24 and within twice that.
    const path = 'C:\\Users\\amorgan\\AppData\\Local\\Temp\\inv.docm';
    const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
    graph.addNode('file-1', { kind: 'file', label: path, x: 0, y: 0 });
    const element = await mountGraph({ graph });

    const texts: string[] = [];
    for (const k of [1, 1.5, 2.5]) {
      element.camera = { x: WIDTH / 2, y: HEIGHT / 2, k };
      await nextFrames();
      texts.push(labelText(statsOf(element), 'file-1'));
    }

    expect(texts[0]).to.contain('…');
    expect(texts[1]).to.contain('…');
    expect(texts[1]!.length).to.be.greaterThan(texts[0]!.length);
    expect(texts[2]).to.equal(path);
  });

  it('falls back to the usual label length', async () => {
    // At zoom 2 the circles above and below the centre node block those places, and the ones
    // left and right leave room for the usual label beside it, not for the longer one.
    const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
    const label = 'host-7.branch-office.finance.contoso.example.com';
    graph.addNode('centre', { kind: 'device', label, verdict: 'malicious', x: 0, y: 0 });
    for (const [id, x, y] of [['up', 0, -40], ['down', 0, 40], ['left', -130, 0], ['right', 130, 0]] as const) {
      graph.addNode(id, { kind: 'device', label: id, x, y });
    }
    const element = await mountGraph({ graph });
    element.camera = { x: WIDTH / 2, y: HEIGHT / 2, k: 2 };
    await nextFrames();

    const placed = statsOf(element).labels.find((candidate) => candidate.ownerId === 'centre');
    expect(placed, 'centre label').to.not.equal(undefined);
    expect(placed!.placement).to.equal('right');
    expect([...placed!.text]).to.have.length(24);
  });

  it('shows the tooltip above the hovered node', async () => {
    const element = await mountGraph({ graph: rowGraph() });
    element.camera = { x: 100, y: 200, k: 1 };
    await nextFrames();

    await sendMouse({ type: 'move', position: pagePosition(element, 'device-1') });
    await element.updateComplete;
    await nextFrames();

    const tooltip = tooltipBox(element);
    const centre = element.toScreen('device-1')!;
    expect(tooltip.y + tooltip.height).to.be.at.most(centre.y - ENTITY_RADIUS);
    expect(boxesOverlap(tooltip, labelOf(statsOf(element), 'device-1'))).to.equal(false);
  });

  it('shows the tooltip below a node at the top', async () => {
    const element = await mountGraph({ graph: rowGraph() });
    element.camera = { x: 100, y: 24, k: 1 };
    await nextFrames();

    await sendMouse({ type: 'move', position: pagePosition(element, 'device-1') });
    await element.updateComplete;
    await nextFrames();

    const tooltip = tooltipBox(element);
    expect(tooltip.y).to.be.at.least(element.toScreen('device-1')!.y + ENTITY_RADIUS);
    expect(boxesOverlap(tooltip, labelOf(statsOf(element), 'device-1'))).to.equal(false);
  });
});
