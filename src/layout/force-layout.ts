/**
 * The force layout engine: a seeded d3-force simulation over plain data (ids, edges,
 * positions), with no DOM, so it runs in the page, in Node and, later, in a Web Worker.
 *
 * The same input always gives the same positions: nodes are sorted by id, start at positions
 * derived from their ids and the graph's structure (see placement.ts), and the simulation draws
 * its randomness from a seeded generator.
 * Slicing the run with `start()` gives the same result as `runToCompletion()`, because the
 * number of ticks never depends on timing.
 */

import {
  forceCenter,
  forceLink,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { clearEdges, forceEdgeClearance } from './edge-clearance.js';
import { flatManyBody } from './flat-many-body.js';
import { gridCollide, separateOverlaps } from './grid-collide.js';
import { placeInitial } from './placement.js';
import { createLcg, DEFAULT_LAYOUT_SEED } from './seed.js';
import { placeTrees } from './tree-placement.js';

/** One node to lay out. */
export interface LayoutNodeInput {
  id: string;
  /** Alerts repel more strongly, so each alert's entities gather around it. */
  alert?: boolean;
  /** Radius of the node in world units, for collisions; 16 when omitted. */
  radius?: number;
  /** A start position. A node without one starts near its alerts or its placed neighbours. */
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
  /** The target is the parent process of the source. The `tree` layout draws these in layers. */
  parent?: boolean;
  /** The target is the device the source process runs on. The `tree` layout hangs trees under it. */
  host?: boolean;
}

/**
 * `force` places every node by the simulation. `tree` first draws process trees as top-down
 * layers under their device, holds them, and places every other node by the simulation.
 */
export type LayoutKind = 'force' | 'tree';

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
  /** Drawing of process trees: `force` (the default) or `tree`. */
  layout?: LayoutKind;
  /**
   * Upper bound of ticks for one run. 600 by default. The simulation cools down in fewer: 90
   * ticks up to 1,000 nodes, falling to 40 at 50,000 (see `coolingTicks`).
   */
  maxTicks?: number;
  /**
   * Barnes-Hut accuracy of the repulsion: larger is faster and coarser. 1.2 by default, above
   * d3's 0.9, because the collision force already keeps near nodes apart exactly.
   */
  theta?: number;
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
/** Start temperature: below d3's 1, because nodes start near their settled place. */
const START_ALPHA = 0.5;
const DEFAULT_THETA = 1.2;
/**
 * Once the simulation settles, nodes closer than their radii plus this padding are moved apart
 * directly, in up to `OVERLAP_PASSES` passes. A short run leaves a few such pairs in a dense
 * graph, and resolving them by more ticks would cost the whole graph's forces each time.
 */
const OVERLAP_PADDING = 6;
const OVERLAP_PASSES = 8;
/** Once settled, a node keeps this many world units beyond its radius from edges not its own. */
const EDGE_CLEARANCE = 8;
const EDGE_CLEARANCE_PASSES = 4;
/** The simulation pushes nodes off edges once it has cooled below this alpha. */
const EDGE_FORCE_ALPHA = 0.2;

export class ForceLayout {
  private readonly nodes: SimNode[];
  private readonly links: SimLink[];
  private readonly simulation: Simulation<SimNode, SimLink>;
  private readonly options: Required<Omit<ForceLayoutOptions, 'seed' | 'layout' | 'theta'>>;
  private readonly listeners: { [K in keyof LayoutEventMap]: Set<Listener<LayoutEventMap[K]>> } = {
    tick: new Set(),
    end: new Set(),
  };
  private readonly freeNodeCount: number;
  private readonly tickLimit: number;
  private readonly random: () => number;
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
    this.links = links;
    const hasHeldNodes = this.nodes.some((node) => node.fx != null);
    placeStart(this.nodes, links, input.edges, options.layout ?? 'force');
    this.freeNodeCount = this.nodes.filter((node) => node.fx == null).length;
    const cooling = coolingTicks(this.nodes.length);
    this.tickLimit = Math.min(this.options.maxTicks, cooling);

    // NOTE: the random source is set before nodes and forces, because forces draw from it
    // when they are initialised.
    this.simulation = forceSimulation<SimNode, SimLink>().stop();
    this.random = createLcg(options.seed ?? DEFAULT_LAYOUT_SEED);
    this.simulation.randomSource(this.random);
    this.simulation.nodes(this.nodes);
    this.simulation.alphaMin(ALPHA_MIN);
    this.simulation.alpha(START_ALPHA);
    this.simulation.alphaDecay(1 - Math.pow(ALPHA_MIN / START_ALPHA, 1 / cooling));
    addForces(this.simulation, links, {
      hasHeldNodes: hasHeldNodes || this.freeNodeCount < this.nodes.length,
      theta: options.theta ?? DEFAULT_THETA,
      nodeCount: this.nodes.length,
    });
  }

  /** Number of nodes laid out. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** Ticks run so far. */
  get ticks(): number {
    return this.tickCount;
  }

  /** Ticks a full run takes at most: the cooling ticks of the graph's size, capped by the `maxTicks` option. */
  get maxTicks(): number {
    return this.freeNodeCount === 0 ? 0 : this.tickLimit;
  }

  /** Current temperature of the simulation, from 0.5 at the start down to 0.001 when cooled. */
  get alpha(): number {
    return this.simulation.alpha();
  }

  /** True once the simulation has cooled down, run `maxTicks` ticks, or has no free node to move. */
  get settled(): boolean {
    return (
      this.freeNodeCount === 0 ||
      this.simulation.alpha() < ALPHA_MIN ||
      this.tickCount >= this.tickLimit
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
      if (this.settled) this.tidy();
    }
    return this;
  }

  /** Ticks until the layout settles or `ms` milliseconds have passed. Emits no event. Returns true when settled. */
  tickFor(ms: number): boolean {
    const deadline = now() + ms;
    while (!this.settled && now() < deadline) this.tick();
    return this.settled;
  }

  /** Moves nodes off edges not their own, then apart where they still overlap. */
  private tidy(): void {
    for (let pass = 0; pass < EDGE_CLEARANCE_PASSES; pass++) {
      if (clearEdges(this.nodes, this.links, EDGE_CLEARANCE, this.random) === 0) break;
      separateOverlaps(this.nodes, OVERLAP_PADDING, 2, this.random);
    }
    separateOverlaps(this.nodes, OVERLAP_PADDING, OVERLAP_PASSES, this.random);
  }

  /** Runs slices of ticks until the layout settles, emitting `tick` after each slice and `end` once. */
  start(): void {
    if (this.running) return;
    const slice = (): void => {
      this.cancelSlice = undefined;
      this.tickFor(this.options.sliceMs);
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
 * Gives every node its start position. Saved positions stay, and the other nodes are placed
 * around their alerts (see placement.ts). The `tree` layout then lays out process trees in
 * layers and holds them.
 */
function placeStart(
  nodes: SimNode[],
  links: readonly SimLink[],
  edges: readonly LayoutEdgeInput[],
  layout: LayoutKind,
): void {
  const indexOf = new Map(nodes.map((node, index) => [node.id, index]));
  const neighbours: number[][] = nodes.map(() => []);
  for (const link of links) {
    const source = indexOf.get((link.source as SimNode).id)!;
    const target = indexOf.get((link.target as SimNode).id)!;
    neighbours[source]!.push(target);
    neighbours[target]!.push(source);
  }
  const placed = nodes.map((node) => node.x !== undefined && node.y !== undefined);
  placeInitial(nodes, neighbours, placed);
  if (layout !== 'tree') return;

  const pairs = (flag: 'parent' | 'host'): [number, number][] =>
    edges
      .filter((edge) => edge[flag] === true)
      .map((edge): [number, number] => [indexOf.get(edge.source) ?? -1, indexOf.get(edge.target) ?? -1])
      .filter(([source, target]) => source >= 0 && target >= 0);
  placeTrees(nodes, pairs('parent'), pairs('host'));
}

/**
 * Returns how many ticks the simulation takes to cool from `START_ALPHA` to `ALPHA_MIN`. The
 * start placement is close to the settled picture, so graphs of up to 1,000 nodes need 90
 * ticks. Larger graphs get fewer, falling with the logarithm of their size, because each of
 * their ticks costs more: 60 ticks at 10,000 nodes and 40 from 50,000. On the bench's
 * synthetic incidents no node overlaps another after these runs.
 */
export function coolingTicks(nodeCount: number): number {
  if (nodeCount <= 1000) return 90;
  if (nodeCount <= 10_000) return Math.round(90 - 30 * Math.log10(nodeCount / 1000));
  return Math.max(40, Math.round(60 - (20 * Math.log10(nodeCount / 10_000)) / Math.log10(5)));
}

interface ForceSettings {
  /** Nodes are held, so centring, which translates every node, would fight them. */
  hasHeldNodes: boolean;
  theta: number;
  nodeCount: number;
}

/**
 * Adds the forces. Alerts repel more than entities, so each alert's entities gather in a
 * cluster around it. Evidence edges are longer than relations, so a process tree stays compact
 * inside that cluster. Collisions leave room for the label under each node, and weak x/y
 * gravity keeps disconnected parts in view.
 * Repulsion and collisions act as d3's `forceManyBody` and `forceCollide` do, on typed arrays
 * (see flat-many-body.ts and grid-collide.ts), which took about a quarter of d3's time here.
 */
function addForces(
  simulation: Simulation<SimNode, SimLink>,
  links: SimLink[],
  settings: ForceSettings,
): void {
  // Gravity grows with a node's distance from the centre, so in a large graph it would squeeze
  // the core into overlaps. Above 1,000 nodes it weakens in proportion to the node count.
  const gravity = 0.05 * Math.min(1, 1000 / Math.max(1, settings.nodeCount));

  // d3 divides a link's strength by the smaller degree of its ends. Dividing by the geometric
  // mean of both degrees also weakens the links of hubs, such as a device that every file of
  // an incident touches. Otherwise a hub pulls all clusters onto itself and into overlaps.
  const degree = new Map<SimNode, number>();
  for (const link of links) {
    for (const end of [link.source, link.target] as SimNode[]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }

  simulation
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .distance((link) => (link.evidence ? 130 : 75))
        .strength((link) => linkStrength(degree.get(link.source as SimNode)!, degree.get(link.target as SimNode)!)),
    )
    .force(
      'charge',
      flatManyBody<SimNode>({
        strength: (node) => (node.alert ? -700 : -300),
        theta: settings.theta,
        distanceMax: 1200,
      }),
    )
    .force('collide', gridCollide<SimNode>(22))
    .force('edges', forceEdgeClearance<SimNode>(links, EDGE_CLEARANCE, EDGE_FORCE_ALPHA))
    .force('x', forceX<SimNode>(0).strength(gravity))
    .force('y', forceY<SimNode>(0).strength(gravity));

  if (!settings.hasHeldNodes) simulation.force('center', forceCenter<SimNode>(0, 0));
}

function linkStrength(sourceDegree: number, targetDegree: number): number {
  return 1 / Math.sqrt(sourceDegree * targetDegree);
}

function defaultSchedule(callback: () => void): () => void {
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Orders ids by UTF-16 code units, independent of locale. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
