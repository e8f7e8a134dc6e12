import { expect } from '@open-wc/testing';
import { placeGroupNodes, placeGroupNodesSteps, GROUP_RADIUS } from '../../src/components/incident-graph/group-placement.js';
import { edgeTableOf } from '../../src/components/incident-graph/edge-table.js';
import type { NodeView } from '../../src/components/incident-graph/display-model.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { RING_GAP } from '../../src/components/incident-graph/draw-nodes.js';
import { ALERT_RADIUS, ENTITY_RADIUS } from '../../src/layout/graph-layout.js';
import { IncidentSession } from '../../src/session/session.js';
import { ransomwareSnapshot, sessionOn } from '../../stories/graph-story-data.js';
import { at, GROUP_ID, groupedSession } from './incident-graph-grouping-fixture.js';
import { mountGraph, nextFrames } from './incident-graph-helpers.js';

type Point = { x: number; y: number };

/** Returns a node view with the fields placement reads. */
function nodeAt(id: string, x: number, y: number, alert = false): NodeView {
  return { id, x, y, alert, radius: alert ? ALERT_RADIUS : ENTITY_RADIUS } as NodeView;
}

/**
 * Returns the distance from a node's centre to the outside of its drawn shape: an alert's
 * corner, an entity's ring, or a group node's stack rim (3 units out from a centre 3 units down
 * and left, stroked 1.5 wide).
 */
function drawnReach(node: { alert: boolean; radius: number; group?: unknown }): number {
  if (node.alert) return (node.radius * 1.7) / Math.SQRT2;
  if (node.group) return node.radius + RING_GAP + 3 + 3 * Math.SQRT2 + 0.75;
  return node.radius + RING_GAP;
}

/** Returns "a overlaps b" for each pair of a group node and another drawn node that overlap. */
function overlaps(nodes: readonly NodeView[]): string[] {
  const found: string[] = [];
  for (const group of nodes.filter((node) => node.group)) {
    for (const other of nodes) {
      if (other === group) continue;
      if (Math.hypot(group.x - other.x, group.y - other.y) < drawnReach(group) + drawnReach(other)) found.push(`${group.id} overlaps ${other.id}`);
    }
  }
  return found;
}

/** Returns `count` points on a circle of `radius` around `centre`, the first at angle 0. */
function ring(centre: Point, radius: number, count: number): Point[] {
  return Array.from({ length: count }, (_, index) => {
    const angle = (index / count) * 2 * Math.PI;
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  });
}

/** Returns the distance from a point to the segment from `a` to `b`. */
function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(a.x + dx * t - point.x, a.y + dy * t - point.y);
}

/** Mounts a session and waits for the layout, with `threshold` as the group threshold when given. */
async function mountSession(session: IncidentSession, threshold?: number): Promise<IncidentGraphElement> {
  const element = await mountGraph({ session });
  if (threshold !== undefined) {
    element.groupThreshold = threshold;
    await element.updateComplete;
    await nextFrames();
  }
  return element;
}

describe('placeGroupNodes', () => {
  const alert = nodeAt('alert', 0, 0, true);

  it('keeps a clear centroid', () => {
    const members = ring({ x: 300, y: 0 }, 40, 8);
    const positions = new Map(members.map((point, index) => [`m${index}`, point]));
    const placed = placeGroupNodes([{ id: 'g', alertKey: 'alert', memberIds: [...positions.keys()] }], [alert], (id) => (id === 'alert' ? alert : positions.get(id)));

    expect(placed.get('g')!.x).to.be.closeTo(300, 1e-9);
    expect(placed.get('g')!.y).to.be.closeTo(0, 1e-9);
  });

  it('moves a centroid off its alert along the mean offset', () => {
    // Members all round the alert, a little further on the right: the centroid lies 10 units right of the alert.
    const members = ring({ x: 10, y: 0 }, 100, 20);
    const positions = new Map(members.map((point, index) => [`m${index}`, point]));
    const memberNodes = members.map((point, index) => nodeAt(`m${index}`, point.x, point.y));
    const placed = placeGroupNodes(
      [{ id: 'g', alertKey: 'alert', memberIds: [...positions.keys()] }],
      [alert, ...memberNodes],
      (id) => (id === 'alert' ? alert : positions.get(id)),
    )!.get('g')!;

    expect(placed.y, 'on the line from the alert through the centroid').to.be.closeTo(0, 1e-9);
    expect(placed.x, 'right of the alert').to.be.above(0);
    expect(placed.x, 'clear of the alert').to.be.at.least(drawnReach(alert) + GROUP_RADIUS + RING_GAP);
  });

  it('points down from a centroid exactly on its alert', () => {
    const members = [{ x: 0, y: 0 }, { x: 0, y: 0 }];
    const placed = placeGroupNodes([{ id: 'g', alertKey: 'alert', memberIds: ['m0', 'm1'] }], [alert], (id) =>
      id === 'alert' ? alert : members[Number(id.slice(1))],
    ).get('g')!;

    expect(placed.x).to.be.closeTo(0, 1e-9);
    expect(placed.y).to.be.above(drawnReach(alert) + GROUP_RADIUS);
  });

  it('keeps two groups of one alert apart', () => {
    const files = ring({ x: 1, y: 0 }, 100, 12);
    const addresses = ring({ x: 2, y: 0 }, 120, 12);
    const positions = new Map([
      ...files.map((point, index): [string, Point] => [`f${index}`, point]),
      ...addresses.map((point, index): [string, Point] => [`i${index}`, point]),
    ]);
    const groups = [
      { id: 'files', alertKey: 'alert', memberIds: files.map((_, index) => `f${index}`) },
      { id: 'addresses', alertKey: 'alert', memberIds: addresses.map((_, index) => `i${index}`) },
    ];
    const placed = placeGroupNodes(groups, [alert], (id) => (id === 'alert' ? alert : positions.get(id)));
    const first = placed.get('files')!;
    const second = placed.get('addresses')!;

    expect(Math.hypot(first.x - second.x, first.y - second.y)).to.be.at.least(2 * (GROUP_RADIUS + RING_GAP));
    expect(Math.hypot(first.x, first.y)).to.be.at.least(drawnReach(alert) + GROUP_RADIUS + RING_GAP);
    expect(Math.hypot(second.x, second.y)).to.be.at.least(drawnReach(alert) + GROUP_RADIUS + RING_GAP);
  });

  it('searches all round in a graph of 10,000 nodes', () => {
    // Members round the alert, a little further on the right, and a wall of nodes blocking the
    // ray to the right: only a place off the ray is clear. 10,000 nodes far away make the graph big.
    const members = ring({ x: 10, y: 0 }, 100, 20);
    const positions = new Map(members.map((point, index) => [`m${index}`, point]));
    const memberNodes = members.map((point, index) => nodeAt(`m${index}`, point.x, point.y));
    const wall = Array.from({ length: 9 }, (_, index) => nodeAt(`wall${index}`, 40 + index * 12, 0));
    const far = Array.from({ length: 10_000 }, (_, index) => nodeAt(`far${index}`, 100_000 + (index % 100) * 60, (index / 100) * 60));
    const nodes = [alert, ...memberNodes, ...wall, ...far];
    const placed = placeGroupNodes([{ id: 'g', alertKey: 'alert', memberIds: [...positions.keys()] }], nodes, (id) => (id === 'alert' ? alert : positions.get(id)))
      .get('g')!;

    const group = { ...nodeAt('g', placed.x, placed.y), radius: GROUP_RADIUS, group: {} } as NodeView;
    expect(overlaps([group, alert, ...wall])).to.deep.equal([]);
    expect(Math.hypot(placed.x - 10, placed.y), 'near the centroid').to.be.at.most(8 * (GROUP_RADIUS / 2) + 1e-9);
  });

  it('keeps clear of an unrelated edge', () => {
    // An edge between two other nodes runs straight through the members' centroid.
    const members = ring({ x: 300, y: 0 }, 40, 8);
    const positions = new Map(members.map((point, index) => [`m${index}`, point]));
    const top = nodeAt('top', 300, -200);
    const bottom = nodeAt('bottom', 300, 200);
    const edges = edgeTableOf([{ id: 'top->bottom', source: top, target: bottom, type: 'communicatesWith', evidence: false, roles: [], curve: 0, loopIndex: 0, dimmed: false }]);
    const groups = [{ id: 'g', alertKey: 'alert', memberIds: [...positions.keys()] }];
    const positionOf = (id: string): Point | undefined => (id === 'alert' ? alert : positions.get(id));

    const without = placeGroupNodes(groups, [alert, top, bottom], positionOf).get('g')!;
    const placed = placeGroupNodes(groups, [alert, top, bottom], positionOf, { edges }).get('g')!;

    expect(without.x, 'on the edge without edges as obstacles').to.be.closeTo(300, 1e-9);
    const group = { radius: GROUP_RADIUS, alert: false, group: {} };
    expect(Math.abs(placed.x - 300), 'distance to the edge').to.be.at.least(drawnReach(group) + 6 - 1e-6);
    expect(Math.hypot(placed.x - 300, placed.y), 'near the centroid').to.be.at.most(8 * (GROUP_RADIUS / 2) + 1e-9);
  });

  it('places many groups in slices', () => {
    // Twenty groups in a row, two by two near enough that the second of each pair must move
    // clear of the first, which may be in the slice before.
    const groups = Array.from({ length: 20 }, (_, group) => ({
      id: `g${group}`,
      alertKey: 'alert',
      memberIds: [`g${group}-a`, `g${group}-b`],
    }));
    const positionOf = (id: string): Point | undefined => {
      if (id === 'alert') return alert;
      const group = Number(id.slice(1, id.indexOf('-')));
      return { x: 400 + Math.floor(group / 2) * 300 + (group % 2) * 20 + (id.endsWith('-a') ? -20 : 20), y: 0 };
    };
    const nodes = [alert, ...Array.from({ length: 5_000 }, (_, index) => nodeAt(`far${index}`, -100_000 - index * 60, 0))];

    const steps = placeGroupNodesSteps(groups, nodes, positionOf);
    let slices = 1;
    let next = steps.next();
    while (!next.done) {
      slices++;
      next = steps.next();
    }
    const placed = next.value;

    // Three slices of the obstacles, one for the centroids, and one more per eight groups.
    expect(slices).to.be.at.least(6);
    expect([...placed.entries()]).to.deep.equal([...placeGroupNodes(groups, nodes, positionOf).entries()]);
    const groupNodes = groups.map((group) => ({ ...nodeAt(group.id, placed.get(group.id)!.x, placed.get(group.id)!.y), radius: GROUP_RADIUS, group: {} }) as NodeView);
    expect(overlaps(groupNodes)).to.deep.equal([]);
    expect(placed.get('g1'), 'the second of a pair moved off its centroid').to.not.deep.equal({ x: 420, y: 0 });
  });

  it('finds centroids through member places', () => {
    const graphOrder = [nodeAt('alert', 0, 0, true), nodeAt('m0', 100, 0), nodeAt('m1', 100, 60), nodeAt('m2', 40, 90)];
    const byId = new Map(graphOrder.map((node) => [node.id, node]));
    const lookups: string[] = [];
    const positionOf = (id: string): Point | undefined => {
      lookups.push(id);
      return byId.get(id);
    };
    const inOrder = { id: 'g', alertKey: 'alert', memberIds: ['m0', 'm1', 'm2'], memberIndexes: [1, 2, 3] };
    // An index that points at another node, as after the graph changed, falls back to the ids.
    const stale = { id: 'h', alertKey: 'alert', memberIds: ['m2', 'm0'], memberIndexes: [1, 3] };

    const placed = placeGroupNodes([inOrder, stale], graphOrder, positionOf, { centroids: true, graphOrder });

    expect(placed.get('g')).to.deep.equal({ x: 80, y: 50 });
    expect(placed.get('h')).to.deep.equal({ x: 70, y: 45 });
    expect(lookups, 'lookups by id').to.deep.equal(['m2', 'm0']);
  });

  it('skips a group without positions', () => {
    const placed = placeGroupNodes([{ id: 'g', alertKey: 'alert', memberIds: ['m0'] }], [alert], (id) => (id === 'alert' ? alert : undefined));
    expect(placed.has('g')).to.equal(false);
  });
});

describe('<il-incident-graph> group placement', () => {
  it('overlaps no node in the grouped fixture', async () => {
    const element = await mountSession(groupedSession());
    expect(element.display.byId.has(GROUP_ID)).to.equal(true);
    expect(overlaps(element.display.nodes)).to.deep.equal([]);
  });

  it('overlaps no node in the grouped story', async () => {
    const element = await mountSession(sessionOn(ransomwareSnapshot(20)), 10);
    expect(element.display.nodes.filter((node) => node.group)).to.have.length(1);
    expect(overlaps(element.display.nodes)).to.deep.equal([]);
  });

  it('keeps the edge from its alert in sight', async () => {
    const element = await mountSession(sessionOn(ransomwareSnapshot(20, 12)), 10);
    const groups = element.display.nodes.filter((node) => node.group);
    expect(groups).to.have.length(2);
    for (const group of groups) {
      const alert = element.display.byId.get(group.group!.alertKey)!;
      // The alert's corner and the group's rim, with 16 units of edge between them.
      const span = Math.hypot(group.x - alert.x, group.y - alert.y) - drawnReach(alert) - drawnReach(group);
      expect(span, group.id).to.be.at.least(16 - 0.5);
    }
  });

  it('keeps story groups off unrelated edges', async () => {
    const element = await mountSession(sessionOn(ransomwareSnapshot(20, 12)), 10);
    const { edges } = element.display;
    const groups = element.display.nodes.filter((node) => node.group);
    expect(groups).to.have.length(2);
    for (const group of groups) {
      for (let row = 0; row < edges.length; row++) {
        const source = edges.sourceOf(row);
        const target = edges.targetOf(row);
        if (source.group || target.group || source === target) continue;
        const distance = distanceToSegment(group, source, target);
        expect(distance, `${group.id} to ${source.id} -> ${target.id}`).to.be.at.least(drawnReach(group) + 6 - 1e-6);
      }
    }
  });

  it('keeps two story groups apart', async () => {
    const element = await mountSession(sessionOn(ransomwareSnapshot(20, 12)), 10);
    expect(element.display.nodes.filter((node) => node.group)).to.have.length(2);
    expect(overlaps(element.display.nodes)).to.deep.equal([]);
  });

  it('stays put while the time cursor moves', async () => {
    const session = groupedSession();
    const element = await mountSession(session);
    const { x, y } = element.display.byId.get(GROUP_ID)!;

    for (const minutes of [36, 38, 41, 44]) {
      session.setTime(at(minutes));
      await nextFrames();
      const node = element.display.byId.get(GROUP_ID)!;
      expect(node.x, `x at minute ${minutes}`).to.equal(x);
      expect(node.y, `y at minute ${minutes}`).to.equal(y);
      expect(overlaps(element.display.nodes), `overlaps at minute ${minutes}`).to.deep.equal([]);
    }
  });

  it('moves clear when a node moves onto it', async () => {
    const session = groupedSession();
    const element = await mountSession(session);
    const graph = session.graph!;
    const group = element.display.byId.get(GROUP_ID)!;
    const alertKey = group.group!.alertKey;
    const place = { x: group.x, y: group.y };
    // A host moves the alert onto the group node, as a drag writes `x` and `y`.
    graph.mergeNodeAttributes(alertKey, place);
    await nextFrames();

    const alert = element.display.byId.get(alertKey)!;
    expect(alert.x).to.equal(place.x);
    expect(alert.y).to.equal(place.y);
    expect(overlaps(element.display.nodes)).to.deep.equal([]);

    // Moving the time cursor then places the group for the new positions, not the old ones.
    session.setTime(at(44));
    await nextFrames();
    expect(overlaps(element.display.nodes), 'overlaps after the time cursor moved').to.deep.equal([]);
  });
});
