/**
 * The edges of a display model, stored by column in typed arrays, a row per edge. A row
 * contains the indexes of its end nodes and of its edge in the graph, its curve, loop index
 * and flags. A hundred thousand edges then cost a few arrays instead of an object each, which
 * the garbage collector copied while they were new: in the graph bench at 50,000 entities,
 * the heap after loading fell from 56.5 to 49.6 MB. Columns of node views instead of indexes
 * were slower than the objects, because V8 records each store of a new object into an older
 * array for its collector. The loops that draw, cull, merge and count edges read the columns.
 * Code that needs an edge object gets a copy of its row (`EdgeTable.view`). DOM-free.
 */

import type { NodeView } from './display-model.js';

/** One edge of a display model, as `EdgeTable.view` returns it: a copy of its row. */
export interface EdgeView {
  id: string;
  source: NodeView;
  target: NodeView;
  type: string;
  evidence: boolean;
  roles: readonly string[];
  /** Offset of the curve's control point from the straight line, in world units; 0 draws straight. */
  curve: number;
  /** Position among the self-loops of its node; 0 for other edges. */
  loopIndex: number;
  /** Side of its node a self-loop is drawn on (see `LoopSide`); above when left out. */
  loopSide?: number;
  dimmed: boolean;
  /** True for an edge first seen at the current playback step. */
  fresh?: boolean;
}

/**
 * The arrays that the rows of a base model's tables point into: its node views and the graph's
 * edge ids and attributes, each in the graph's order.
 */
export interface EdgeData {
  nodes: readonly NodeView[];
  ids: readonly string[];
  /** The edges' attributes, of which the table reads `type` and `roles`. */
  attributes: ReadonlyArray<{ readonly type: string; readonly roles?: readonly string[] }>;
}

/**
 * Nodes and edges that a table's rows point to outside its `EdgeData`: the group nodes and the
 * merged edges of a collapse. A row points to them with a negative index, `~index`.
 */
export interface EdgeExtras {
  nodes: NodeView[];
  edges: Array<{ id: string; type: string; roles: readonly string[] }>;
}

/** Bits of `EdgeTable.flags`. */
export const EDGE_EVIDENCE = 1;
export const EDGE_DIMMED = 2;
export const EDGE_FRESH = 4;

const NO_ROLES: readonly string[] = Object.freeze([]);

export class EdgeTable {
  /** Number of rows. The columns may be longer. */
  length = 0;
  /** Number of rows that are self-loops, so passes that look for loops can skip a table without any. */
  loopCount = 0;
  readonly data: EdgeData;
  readonly extras: EdgeExtras;
  /** Index of each row's source node in `data.nodes`, or `~index` in `extras.nodes`. */
  readonly sources: Int32Array;
  /** Index of each row's target node, as in `sources`. */
  readonly targets: Int32Array;
  /** Index of each row's edge in `data`, or `~index` in `extras.edges`. */
  readonly edges: Int32Array;
  /** See `EdgeView.curve`. */
  readonly curves: Float64Array;
  /** See `EdgeView.loopIndex`. */
  readonly loopIndexes: Uint32Array;
  /** See `EdgeView.loopSide`, written by `placeSelfLoops`. */
  readonly loopSides: Uint8Array;
  /** `EDGE_EVIDENCE`, `EDGE_DIMMED` and `EDGE_FRESH` bits. */
  readonly flags: Uint8Array;

  /** `capacity` is the most rows the table will hold. Tables that share `extras` can copy rows between them. */
  constructor(capacity: number, data: EdgeData, extras: EdgeExtras = { nodes: [], edges: [] }) {
    this.data = data;
    this.extras = extras;
    this.sources = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
    this.edges = new Int32Array(capacity);
    this.curves = new Float64Array(capacity);
    this.loopIndexes = new Uint32Array(capacity);
    this.loopSides = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** Returns an empty table. */
  static empty(): EdgeTable {
    return new EdgeTable(0, { nodes: [], ids: [], attributes: [] });
  }

  /** Adds an edge, straight and with loop index 0 until changed, and returns its row. */
  add(source: number, target: number, edge: number, flags: number): number {
    const row = this.length++;
    this.sources[row] = source;
    this.targets[row] = target;
    this.edges[row] = edge;
    this.flags[row] = flags;
    if (source === target) this.loopCount += 1;
    return row;
  }

  /** Copies row `row` of `from`, a table of the same data and extras, with new flags. Returns its row here. */
  copy(from: EdgeTable, row: number, flags: number): number {
    const added = this.add(from.sources[row]!, from.targets[row]!, from.edges[row]!, flags);
    this.curves[added] = from.curves[row]!;
    this.loopIndexes[added] = from.loopIndexes[row]!;
    this.loopSides[added] = from.loopSides[row]!;
    return added;
  }

  /**
   * Copies every row of `from`, a table of the same data and extras, after the rows here, with
   * the flag bits `clear` cleared. Whole columns copy at once, which at a hundred thousand rows
   * is several times faster than a row at a time.
   */
  copyAll(from: EdgeTable, clear: number): void {
    const start = this.length;
    const count = from.length;
    this.sources.set(from.sources.subarray(0, count), start);
    this.targets.set(from.targets.subarray(0, count), start);
    this.edges.set(from.edges.subarray(0, count), start);
    this.curves.set(from.curves.subarray(0, count), start);
    this.loopIndexes.set(from.loopIndexes.subarray(0, count), start);
    this.loopSides.set(from.loopSides.subarray(0, count), start);
    this.flags.set(from.flags.subarray(0, count), start);
    const keep = ~clear;
    for (let row = start; row < start + count; row++) this.flags[row] &= keep;
    this.length = start + count;
    this.loopCount += from.loopCount;
  }

  /** Returns a table of the rows `rows`, in their order there. */
  subset(rows: readonly number[]): EdgeTable {
    const subset = new EdgeTable(rows.length, this.data, this.extras);
    for (const row of rows) subset.copy(this, row, this.flags[row]!);
    return subset;
  }

  /** Returns a table of the rows that `keep` accepts, in order. */
  filter(keep: (row: number) => boolean): EdgeTable {
    const subset = new EdgeTable(this.length, this.data, this.extras);
    for (let row = 0; row < this.length; row++) if (keep(row)) subset.copy(this, row, this.flags[row]!);
    return subset;
  }

  /** Returns the node at a node index of the table (see `sources`). */
  node(index: number): NodeView {
    return index >= 0 ? this.data.nodes[index]! : this.extras.nodes[~index]!;
  }

  sourceOf(row: number): NodeView {
    return this.node(this.sources[row]!);
  }

  targetOf(row: number): NodeView {
    return this.node(this.targets[row]!);
  }

  idOf(row: number): string {
    const edge = this.edges[row]!;
    return edge >= 0 ? this.data.ids[edge]! : this.extras.edges[~edge]!.id;
  }

  typeOf(row: number): string {
    const edge = this.edges[row]!;
    return edge >= 0 ? this.data.attributes[edge]!.type : this.extras.edges[~edge]!.type;
  }

  rolesOf(row: number): readonly string[] {
    const edge = this.edges[row]!;
    return edge >= 0 ? (this.data.attributes[edge]!.roles ?? NO_ROLES) : this.extras.edges[~edge]!.roles;
  }

  dimmed(row: number): boolean {
    return (this.flags[row]! & EDGE_DIMMED) !== 0;
  }

  setDimmed(row: number, dimmed: boolean): void {
    this.flags[row] = dimmed ? this.flags[row]! | EDGE_DIMMED : this.flags[row]! & ~EDGE_DIMMED;
  }

  /** True when some row is dimmed. */
  anyDimmed(): boolean {
    for (let row = 0; row < this.length; row++) if ((this.flags[row]! & EDGE_DIMMED) !== 0) return true;
    return false;
  }

  /** Returns row `row` as an object. Changing the object leaves the table as it was. */
  view(row: number): EdgeView {
    const flags = this.flags[row]!;
    return {
      id: this.idOf(row),
      source: this.sourceOf(row),
      target: this.targetOf(row),
      type: this.typeOf(row),
      evidence: (flags & EDGE_EVIDENCE) !== 0,
      roles: this.rolesOf(row),
      curve: this.curves[row]!,
      loopIndex: this.loopIndexes[row]!,
      loopSide: this.loopSides[row]!,
      dimmed: (flags & EDGE_DIMMED) !== 0,
      fresh: (flags & EDGE_FRESH) !== 0,
    };
  }

  /** Returns every row as an object, in order. */
  views(): EdgeView[] {
    const views: EdgeView[] = [];
    for (let row = 0; row < this.length; row++) views.push(this.view(row));
    return views;
  }
}

/**
 * Makes a table of edge objects, as tests and hand-made models have them. A function rather
 * than a static method, so that bundles without such models leave it out.
 */
export function edgeTableOf(edges: readonly EdgeView[]): EdgeTable {
  const nodes: NodeView[] = [];
  const indexes = new Map<NodeView, number>();
  const indexOf = (node: NodeView): number => {
    let index = indexes.get(node);
    if (index === undefined) indexes.set(node, (index = nodes.push(node) - 1));
    return index;
  };
  const data = { nodes, ids: edges.map((edge) => edge.id), attributes: edges.map(({ type, roles }) => ({ type, roles })) };
  const table = new EdgeTable(edges.length, data);
  edges.forEach((edge, index) => {
    const flags = (edge.evidence ? EDGE_EVIDENCE : 0) | (edge.dimmed ? EDGE_DIMMED : 0) | (edge.fresh ? EDGE_FRESH : 0);
    const row = table.add(indexOf(edge.source), indexOf(edge.target), index, flags);
    table.curves[row] = edge.curve;
    table.loopIndexes[row] = edge.loopIndex;
    table.loopSides[row] = edge.loopSide ?? 0;
  });
  return table;
}

/** Returns `EDGE_EVIDENCE` for an edge of this type, else 0. */
export function evidenceFlag(type: string): number {
  return type === 'evidence' ? EDGE_EVIDENCE : 0;
}
