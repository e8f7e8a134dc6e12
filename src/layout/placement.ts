/**
 * Start positions of the force layout. A start close to the settled picture needs far fewer
 * ticks than random points: alerts go first, on a sunflower spiral sized for the whole
 * incident, and each entity starts inside the cluster of its alerts. Everything derives from
 * node ids and the graph's structure, so insertion order never changes the result.
 */

import { hashedPosition, hashString } from './seed.js';

/** The part of a simulation node that placement reads and writes. */
export interface PlacedNode {
  id: string;
  alert: boolean;
  x?: number;
  y?: number;
}

/**
 * World area given to one node at the start, in square world units: a square of 100 units,
 * more than the collision diameter of 76 the forces keep, so few start overlaps remain.
 */
export const NODE_AREA = 100 * 100;

/** Golden angle in radians: successive spiral points never line up, so slots pack evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Gives every node of `nodes` without a position one, in place. `neighbours` lists each
 * node's neighbours by index, `nodes` must be sorted by id, and `placed` marks the nodes
 * that already have a position (held or restored ones). Order of the passes:
 * 1. Alerts with a placed neighbour start beside it. Other alerts take slots of a spiral.
 * 2. Entities start in the disc of their placed alerts, at the alerts' centroid.
 * 3. The rest start beside their placed neighbours, breadth first.
 * 4. What is still unplaced (no path to a placed node) takes a point hashed from its id.
 */
export function placeInitial(
  nodes: PlacedNode[],
  neighbours: readonly (readonly number[])[],
  placed: boolean[],
): void {
  const spread = Math.sqrt((nodes.length * NODE_AREA) / Math.PI);
  const hasHeld = placed.some(Boolean);

  placeAlerts(nodes, neighbours, placed, spread, hasHeld);
  placeAroundAlerts(nodes, neighbours, placed);
  placeBesideNeighbours(nodes, neighbours, placed);

  nodes.forEach((node, index) => {
    if (placed[index]) return;
    Object.assign(node, hashedPosition(node.id, spread));
    placed[index] = true;
  });
}

function placeAlerts(
  nodes: PlacedNode[],
  neighbours: readonly (readonly number[])[],
  placed: boolean[],
  spread: number,
  hasHeld: boolean,
): void {
  const alerts = nodes.map((_node, index) => index).filter((index) => nodes[index]!.alert && !placed[index]);
  if (alerts.length === 0) return;

  // Alerts added to a laid-out graph join their placed neighbours instead of the spiral.
  const spiral: number[] = [];
  for (const index of alerts) {
    const anchors = neighbours[index]!.filter((other) => placed[other]);
    if (hasHeld && anchors.length > 0) {
      placeNear(nodes[index]!, anchors.map((other) => nodes[other]!), 40);
      placed[index] = true;
    } else {
      spiral.push(index);
    }
  }

  // Sunflower spiral: slot i at radius c·√(i + ½) gives each slot an equal area π·c².
  const slotRadius = spread / Math.sqrt(Math.max(1, spiral.length));
  const offset = hasHeld ? extentOf(nodes, placed) : { x: 0, y: 0, radius: 0 };
  spiral.forEach((index, slot) => {
    const distance = slotRadius * Math.sqrt(slot + 0.5) + offset.radius;
    const angle = slot * GOLDEN_ANGLE;
    nodes[index]!.x = offset.x + distance * Math.cos(angle);
    nodes[index]!.y = offset.y + distance * Math.sin(angle);
    placed[index] = true;
  });
}

function placeAroundAlerts(
  nodes: PlacedNode[],
  neighbours: readonly (readonly number[])[],
  placed: boolean[],
): void {
  const snapshot = [...placed];
  nodes.forEach((node, index) => {
    if (snapshot[index] || node.alert) return;
    const alerts = neighbours[index]!.filter((other) => nodes[other]!.alert && snapshot[other]);
    if (alerts.length === 0) return;

    // An alert's entities fill a disc about as large as their settled cluster. An entity of
    // several alerts sits between them, in a smaller disc.
    const clusterSize = alerts.length === 1 ? neighbours[alerts[0]!]!.length : 1;
    const radius = Math.sqrt((clusterSize * NODE_AREA) / Math.PI) + 30;
    placeNear(node, alerts.map((other) => nodes[other]!), radius);
    placed[index] = true;
  });
}

function placeBesideNeighbours(
  nodes: PlacedNode[],
  neighbours: readonly (readonly number[])[],
  placed: boolean[],
): void {
  let frontier = nodes.map((_node, index) => index).filter((index) => placed[index]);
  while (frontier.length > 0) {
    const next = new Set<number>();
    for (const index of frontier) {
      for (const other of neighbours[index]!) if (!placed[other]) next.add(other);
    }
    // Each wave reads only nodes placed before it, so the order inside a wave does not matter.
    const wave = [...next].sort((a, b) => a - b);
    for (const index of wave) {
      const anchors = neighbours[index]!.filter((other) => placed[other] && !next.has(other));
      placeNear(nodes[index]!, anchors.map((other) => nodes[other]!), 40);
    }
    for (const index of wave) placed[index] = true;
    frontier = wave;
  }
}

/**
 * Puts `node` at the centroid of `anchors` plus an offset hashed from its id: a point of the
 * ring between 24 units (so a node never starts on its anchor) and `radius`, spread evenly
 * over the ring's area.
 */
function placeNear(node: PlacedNode, anchors: readonly PlacedNode[], radius: number): void {
  let x = 0;
  let y = 0;
  for (const anchor of anchors) {
    x += anchor.x!;
    y += anchor.y!;
  }
  const inner = Math.min(radius, 24);
  const angle = (hashString(node.id) / 4294967296) * 2 * Math.PI;
  const share = hashString(node.id, 0x9e3779b9) / 4294967296;
  const distance = Math.sqrt(inner * inner + share * (radius * radius - inner * inner));
  node.x = x / anchors.length + distance * Math.cos(angle);
  node.y = y / anchors.length + distance * Math.sin(angle);
}

/** Returns the centre and radius of the placed nodes, so new spiral slots start outside them. */
function extentOf(nodes: readonly PlacedNode[], placed: readonly boolean[]): { x: number; y: number; radius: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  nodes.forEach((node, index) => {
    if (!placed[index]) return;
    minX = Math.min(minX, node.x!);
    maxX = Math.max(maxX, node.x!);
    minY = Math.min(minY, node.y!);
    maxY = Math.max(maxY, node.y!);
  });
  if (minX === Infinity) return { x: 0, y: 0, radius: 0 };
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, radius: Math.hypot(maxX - minX, maxY - minY) / 2 + 80 };
}
