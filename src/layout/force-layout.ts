/**
 * The force layout engine: a seeded d3-force simulation over plain data (ids, edges,
 * positions), with no DOM, so it runs in the page, in Node and, later, in a Web Worker.
 *
 * The same input always gives the same positions: nodes are sorted by id, start at positions
 * hashed from their ids, and the simulation draws its randomness from a seeded generator.
 * Slicing the run with `start()` gives the same result as `runToCompletion()`, because the
 * number of ticks never depends on timing.
 */

import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { createLcg, DEFAULT_LAYOUT_SEED, hashedPosition } from './seed.js';

/** One node to lay out. */
export interface LayoutNodeInput {
  id: string;
  /** Alerts repel more strongly, so each alert's entities gather around it. */
  alert?: boolean;
  /** Radius of the node in world units, for collisions; 16 when omitted. */
  radius?: number;
  /** A start position; a node without one starts near its placed neighbours, or at a hashed point. */
  x?: number;
  y?: number;
  /** Holds the node at its start position, which must then be given. */
  fixed?: boolean;
}

/** One edge; evidence edges (alert to entity) are longer than relations between entities. */
export interface LayoutEdgeInput {
  source: string;
  target: string;
  evidence?: boolean;
}

export interface LayoutInput {
  nodes: readonly LayoutNodeInput[];
  edges: readonly LayoutEdgeInput[];
}

/**
 * Positions of every node, as transferable data: `ids` sorted, and `coordinates` holding
 * x0, y0, x1, y1, ... in world units in the same order.
 */
export interface LayoutPositions {
  ids: readonly string[];
  coordinates: Float64Array;
}

export interface ForceLayoutOptions {
  /** Seed of the random source; the same seed and input give the same positions. */
  seed?: number;
  /** Upper bound of ticks for one run; 600 by default (the default cooling takes about 300). */
  maxTicks?: number;
  /** Time budget of one slice of `start()`, in milliseconds; 8 by default. */
  sliceMs?: number;
  /** Schedules the next slice of `start()`; returns a function that cancels it. Defaults to `setTimeout(…, 0)`. */
  schedule?: (callback: () => void) => () => void;
}

export interface LayoutTickDetail {
  ticks: number;
  alpha: number;
}

export interface LayoutEndDetail {
  ticks: number;
  nodeCount: number;
}

interface LayoutEventMap {
  tick: LayoutTickDetail;
  end: LayoutEndDetail;
}

type Listener<T> = (detail: T) => void;

interface SimNode extends SimulationNodeDatum {
  id: string;
  alert: boolean;
  radius: number;
}

interface SimLink extends SimulationLinkDatum<SimNode> {
  evidence: boolean;
}

const DEFAULT_RADIUS = 16;
const ALPHA_MIN = 0.001;

export class ForceLayout {
  private readonly nodes: SimNode[];
  private readonly simulation: Simulation<SimNode, SimLink>;
  private readonly options: Required<Omit<ForceLayoutOptions, 'seed'>>;
  private readonly listeners: { [K in keyof LayoutEventMap]: Set<Listener<LayoutEventMap[K]>> } = {
    tick: new Set(),
    end: new Set(),
  };
  private readonly freeNodeCount: number;
  private tickCount = 0;
  private cancelSlice: (() => void) | undefined;
  private ended = false;

  constructor(input: LayoutInput, options: ForceLayoutOptions = {}) {
    this.options = {
      maxTicks: options.maxTicks ?? 600,
      sliceMs: options.sliceMs ?? 8,
      schedule: options.schedule ?? defaultSchedule,
    };

    this.nodes = createNodes(input.nodes);
    const links = createLinks(input.edges, this.nodes);
    placeUnpositioned(this.nodes, input.nodes, links);
    this.freeNodeCount = this.nodes.filter((node) => node.fx == null).length;

    // NOTE: the random source is set before nodes and forces, because forces draw from it
    // when they are initialised.
    this.simulation = forceSimulation<SimNode, SimLink>().stop();
    this.simulation.randomSource(createLcg(options.seed ?? DEFAULT_LAYOUT_SEED));
    this.simulation.nodes(this.nodes);
    this.simulation.alphaMin(ALPHA_MIN);
    addForces(this.simulation, links, this.freeNodeCount < this.nodes.length);
  }

  /** Number of nodes laid out. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** Ticks run so far. */
  get ticks(): number {
    return this.tickCount;
  }

  /** True once the simulation has cooled down, hit `maxTicks`, or has no free node to move. */
  get settled(): boolean {
    return (
      this.freeNodeCount === 0 ||
      this.simulation.alpha() < ALPHA_MIN ||
      this.tickCount >= this.options.maxTicks
    );
  }

  /** True while `start()` is running slices. */
  get running(): boolean {
    return this.cancelSlice !== undefined;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof LayoutEventMap>(type: K, listener: Listener<LayoutEventMap[K]>): () => void {
    this.listeners[type].add(listener);
    return () => this.listeners[type].delete(listener);
  }

  /** Runs `count` ticks now, unless the layout has settled. Emits no event. */
  tick(count = 1): this {
    for (let index = 0; index < count && !this.settled; index++) {
      this.simulation.tick();
      this.tickCount++;
    }
    return this;
  }

  /** Runs slices of ticks until the layout settles, emitting `tick` after each slice and `end` once. */
  start(): void {
    if (this.running) return;
    const slice = (): void => {
      this.cancelSlice = undefined;
      const deadline = now() + this.options.sliceMs;
      while (!this.settled && now() < deadline) this.tick();
      this.emit('tick', { ticks: this.tickCount, alpha: this.simulation.alpha() });

      if (this.settled) this.finish();
      else this.cancelSlice = this.options.schedule(slice);
    };
    this.cancelSlice = this.options.schedule(slice);
  }

  /** Stops `start()` after the current slice; emits nothing. `start()` resumes. */
  stop(): void {
    this.cancelSlice?.();
    this.cancelSlice = undefined;
  }

  /** Ticks synchronously until the layout settles, emits `end`, and returns the positions. */
  runToCompletion(): LayoutPositions {
    this.stop();
    while (!this.settled) this.tick();
    this.finish();
    return this.positions();
  }

  /** Returns the current positions. */
  positions(): LayoutPositions {
    const coordinates = new Float64Array(this.nodes.length * 2);
    this.nodes.forEach((node, index) => {
      coordinates[index * 2] = node.x ?? 0;
      coordinates[index * 2 + 1] = node.y ?? 0;
    });
    return { ids: this.nodes.map((node) => node.id), coordinates };
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.emit('end', { ticks: this.tickCount, nodeCount: this.nodes.length });
  }

  private emit<K extends keyof LayoutEventMap>(type: K, detail: LayoutEventMap[K]): void {
    for (const listener of [...this.listeners[type]]) listener(detail);
  }
}

/** Returns the position of `id` in `positions`, or undefined when it is not there. */
export function positionOf(
  positions: LayoutPositions,
  id: string,
): { x: number; y: number } | undefined {
  const index = positions.ids.indexOf(id);
  if (index < 0) return undefined;
  return { x: positions.coordinates[index * 2]!, y: positions.coordinates[index * 2 + 1]! };
}

function createNodes(inputs: readonly LayoutNodeInput[]): SimNode[] {
  const byId = new Map<string, SimNode>();
  for (const input of inputs) {
    if (byId.has(input.id)) continue;
    const node: SimNode = {
      id: input.id,
      alert: input.alert === true,
      radius: input.radius ?? DEFAULT_RADIUS,
    };
    if (isFiniteNumber(input.x) && isFiniteNumber(input.y)) {
      node.x = input.x;
      node.y = input.y;
      if (input.fixed) {
        node.fx = input.x;
        node.fy = input.y;
      }
    }
    byId.set(input.id, node);
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Keeps one link per unordered pair of distinct known nodes, in a sorted order. */
function createLinks(edges: readonly LayoutEdgeInput[], nodes: readonly SimNode[]): SimLink[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const byPair = new Map<string, SimLink>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;

    const [first, second] = compareIds(source.id, target.id) <= 0 ? [source, target] : [target, source];
    const key = JSON.stringify([first.id, second.id]);
    const existing = byPair.get(key);
    if (existing) existing.evidence ||= edge.evidence === true;
    else byPair.set(key, { source: first, target: second, evidence: edge.evidence === true });
  }
  return [...byPair.entries()].sort(([a], [b]) => compareIds(a, b)).map(([, link]) => link);
}

/**
 * Gives every node without a start position one: near the mean of its positioned neighbours
 * (so a node added to a laid-out graph appears beside them), else a point hashed from its id.
 */
function placeUnpositioned(
  nodes: SimNode[],
  inputs: readonly LayoutNodeInput[],
  links: readonly SimLink[],
): void {
  const spread = 40 * Math.sqrt(nodes.length) + 40;
  const positioned = new Set(
    inputs.filter((input) => isFiniteNumber(input.x) && isFiniteNumber(input.y)).map((input) => input.id),
  );
  const neighbours = new Map<SimNode, SimNode[]>();
  for (const link of links) {
    const source = link.source as SimNode;
    const target = link.target as SimNode;
    neighbours.set(source, [...(neighbours.get(source) ?? []), target]);
    neighbours.set(target, [...(neighbours.get(target) ?? []), source]);
  }

  for (const node of nodes) {
    if (positioned.has(node.id)) continue;
    const placed = (neighbours.get(node) ?? []).filter((other) => positioned.has(other.id));
    if (placed.length === 0) {
      Object.assign(node, hashedPosition(node.id, spread));
      continue;
    }
    const offset = hashedPosition(node.id, 40);
    node.x = mean(placed.map((other) => other.x!)) + offset.x;
    node.y = mean(placed.map((other) => other.y!)) + offset.y;
  }
}

/**
 * Adds the forces. Tuned for incidents of a few to a few thousand nodes: alerts repel more
 * than entities so each alert's entities gather in a cluster around it, evidence edges are
 * longer than relations so a process tree stays compact inside that cluster, collisions leave
 * room for the label under each node, and weak x/y gravity keeps disconnected parts in view.
 */
function addForces(
  simulation: Simulation<SimNode, SimLink>,
  links: SimLink[],
  hasHeldNodes: boolean,
): void {
  simulation
    .force(
      'link',
      forceLink<SimNode, SimLink>(links).distance((link) => (link.evidence ? 130 : 75)),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength((node) => (node.alert ? -700 : -300))
        .distanceMax(1200),
    )
    .force(
      'collide',
      forceCollide<SimNode>((node) => node.radius + 22).iterations(2),
    )
    .force('x', forceX<SimNode>(0).strength(0.05))
    .force('y', forceY<SimNode>(0).strength(0.05));

  // Centring translates every node, which would fight nodes held at saved positions.
  if (!hasHeldNodes) simulation.force('center', forceCenter<SimNode>(0, 0));
}

function defaultSchedule(callback: () => void): () => void {
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Orders ids by UTF-16 code units, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
