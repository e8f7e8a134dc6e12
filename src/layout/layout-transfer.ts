/**
 * The messages between the page and the layout worker, and the compact form of a layout
 * input they carry: node ids once, and numbers in typed arrays whose buffers are transferred
 * rather than copied. Decoding gives an input the engine lays out exactly as the original.
 */

import type { ForceLayoutOptions, LayoutEdgeInput, LayoutInput, LayoutNodeInput } from './force-layout.js';

/**
 * A layout input as transferable data. Nodes are unique, in the order they came. The engine
 * sorts them by id itself, and the worker's messages use this order.
 */
export interface EncodedLayoutInput {
  ids: string[];
  /** Per node: bit 0 alert, bit 1 fixed. */
  nodeFlags: Uint8Array;
  /** Per node: radius, or NaN for the default. */
  radii: Float64Array;
  /** Per node: x0, y0, x1, y1 and so on, or NaN where a node has no start position. */
  coordinates: Float64Array;
  /** Per edge: source index, target index. */
  edgeEnds: Int32Array;
  /** Per edge: bit 0 evidence, bit 1 parent, bit 2 host. */
  edgeFlags: Uint8Array;
}

/** Engine options a worker run accepts: the ones that are plain data. */
export type WorkerLayoutOptions = Pick<ForceLayoutOptions, 'seed' | 'layout' | 'maxTicks' | 'theta'>;

/** Messages from the page to the worker. */
export type LayoutWorkerRequest =
  | { type: 'start'; input: EncodedLayoutInput; options: WorkerLayoutOptions }
  | { type: 'pause' }
  | { type: 'resume' };

/** Messages from the worker to the page. `coordinates` follow the order of the input's `ids`. */
export type LayoutWorkerResponse =
  | { type: 'progress'; ticks: number; maxTicks: number; alpha: number; coordinates: Float64Array }
  | { type: 'end'; ticks: number; nodeCount: number; alpha: number; coordinates: Float64Array };

/** Bits of `nodeFlags` and `edgeFlags`. */
export const ALERT = 1;
export const FIXED = 2;
export const EVIDENCE = 1;
export const PARENT = 2;
export const HOST = 4;

/** Encodes `input`, keeping the first of repeated ids and dropping edges to unknown nodes. */
export function encodeLayoutInput(input: LayoutInput): EncodedLayoutInput {
  const byId = new Map<string, LayoutNodeInput>();
  for (const node of input.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const ids = [...byId.keys()];
  const indexOf = new Map(ids.map((id, index) => [id, index]));

  const nodeFlags = new Uint8Array(ids.length);
  const radii = new Float64Array(ids.length);
  const coordinates = new Float64Array(ids.length * 2);
  ids.forEach((id, index) => {
    const node = byId.get(id)!;
    nodeFlags[index] = (node.alert ? ALERT : 0) | (node.fixed ? FIXED : 0);
    radii[index] = node.radius ?? Number.NaN;
    coordinates[index * 2] = node.x ?? Number.NaN;
    coordinates[index * 2 + 1] = node.y ?? Number.NaN;
  });

  const edges = input.edges.filter((edge) => indexOf.has(edge.source) && indexOf.has(edge.target));
  const edgeEnds = new Int32Array(edges.length * 2);
  const edgeFlags = new Uint8Array(edges.length);
  edges.forEach((edge, index) => {
    edgeEnds[index * 2] = indexOf.get(edge.source)!;
    edgeEnds[index * 2 + 1] = indexOf.get(edge.target)!;
    edgeFlags[index] = (edge.evidence ? EVIDENCE : 0) | (edge.parent ? PARENT : 0) | (edge.host ? HOST : 0);
  });

  return { ids, nodeFlags, radii, coordinates, edgeEnds, edgeFlags };
}

/** Decodes an encoded input back into the engine's input. */
export function decodeLayoutInput(encoded: EncodedLayoutInput): LayoutInput {
  const nodes = encoded.ids.map((id, index): LayoutNodeInput => {
    const node: LayoutNodeInput = { id, alert: (encoded.nodeFlags[index]! & ALERT) !== 0 };
    const radius = encoded.radii[index]!;
    if (!Number.isNaN(radius)) node.radius = radius;
    const x = encoded.coordinates[index * 2]!;
    const y = encoded.coordinates[index * 2 + 1]!;
    if (!Number.isNaN(x) && !Number.isNaN(y)) {
      node.x = x;
      node.y = y;
      if (encoded.nodeFlags[index]! & FIXED) node.fixed = true;
    }
    return node;
  });

  const edges: LayoutEdgeInput[] = [];
  for (let index = 0; index < encoded.edgeFlags.length; index++) {
    const flags = encoded.edgeFlags[index]!;
    edges.push({
      source: encoded.ids[encoded.edgeEnds[index * 2]!]!,
      target: encoded.ids[encoded.edgeEnds[index * 2 + 1]!]!,
      evidence: (flags & EVIDENCE) !== 0,
      parent: (flags & PARENT) !== 0,
      host: (flags & HOST) !== 0,
    });
  }
  return { nodes, edges };
}

/** Returns the buffers of `encoded` to list as transferables when posting it. */
export function transferablesOf(encoded: EncodedLayoutInput): ArrayBuffer[] {
  return [encoded.nodeFlags, encoded.radii, encoded.coordinates, encoded.edgeEnds, encoded.edgeFlags].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * Returns a function that puts coordinates in the engine's node order (`engineIds`) into the
 * order of the encoded input's `ids`, which the worker's messages use.
 */
export function toInputOrder(inputIds: readonly string[], engineIds: readonly string[]): (coordinates: Float64Array) => Float64Array {
  const engineIndex = new Map(engineIds.map((id, index) => [id, index]));
  const order = Int32Array.from(inputIds, (id) => engineIndex.get(id) ?? -1);
  return (coordinates) => {
    const ordered = new Float64Array(order.length * 2);
    for (let i = 0; i < order.length; i++) {
      const from = order[i]!;
      ordered[i * 2] = from < 0 ? Number.NaN : coordinates[from * 2]!;
      ordered[i * 2 + 1] = from < 0 ? Number.NaN : coordinates[from * 2 + 1]!;
    }
    return ordered;
  };
}
