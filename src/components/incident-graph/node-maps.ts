/**
 * Maps of node views by id that read arrays the display model has anyway, instead of holding an
 * entry per node view. `NodeIndex` maps a base model's ids to places in its graph order, and
 * `ShownNodes` is the map of a view of that base. In CPU profiles of the graph bench at 50,000
 * entities, the map that each view built cost a first frame about 7 ms and 3 MB, and lookups
 * that read a node view per edge end about 4 ms more. DOM-free.
 */

import type { NodeView } from './display-model.js';

/** A map of node views by id that a group collapse can change in place: a `Map` or `ShownNodes`. */
export type ChangeableNodeMap = ReadonlyMap<string, NodeView> & {
  set(id: string, node: NodeView): unknown;
  delete(id: string): boolean;
};

/**
 * The node views of a base model by id: a map from each id to the view's place in the graph's
 * order, over the views in that order. Its values are small integers, so a lookup that needs
 * only the place (as each edge's ends do) reads no node view.
 */
export class NodeIndex implements ReadonlyMap<string, NodeView> {
  private readonly indexes = new Map<string, number>();
  private readonly nodes: readonly NodeView[];

  /** `nodes` are the views in the graph's order, each with its place there as `graphIndex`. */
  constructor(nodes: readonly NodeView[]) {
    this.nodes = nodes;
  }

  get size(): number {
    return this.indexes.size;
  }

  /** Adds the view at `index` of the nodes, under its id. */
  add(id: string, index: number): void {
    this.indexes.set(id, index);
  }

  /** Returns the place of a node in the graph's order, or undefined for an id without a view. */
  indexOf(id: string): number | undefined {
    return this.indexes.get(id);
  }

  get(id: string): NodeView | undefined {
    const index = this.indexes.get(id);
    return index === undefined ? undefined : this.nodes[index];
  }

  has(id: string): boolean {
    return this.indexes.has(id);
  }

  *values(): MapIterator<NodeView> {
    for (const index of this.indexes.values()) yield this.nodes[index]!;
  }

  *keys(): MapIterator<string> {
    yield* this.indexes.keys();
  }

  *entries(): MapIterator<[string, NodeView]> {
    for (const [id, index] of this.indexes) yield [id, this.nodes[index]!];
  }

  [Symbol.iterator](): MapIterator<[string, NodeView]> {
    return this.entries();
  }

  forEach(callback: (node: NodeView, id: string, map: ReadonlyMap<string, NodeView>) => void, thisArg?: unknown): void {
    for (const [id, index] of this.indexes) callback.call(thisArg, this.nodes[index]!, id, this);
  }
}

/**
 * The node views a view of a base model shows, by id: the base's `NodeIndex` filtered by a mark
 * per node, and the group nodes of a collapse beside them in a map of their own.
 */
export class ShownNodes implements ReadonlyMap<string, NodeView> {
  private readonly all: NodeIndex;
  private readonly order: readonly NodeView[];
  private readonly marks: Uint8Array;
  private readonly added = new Map<string, NodeView>();
  private shownCount: number;

  /**
   * `all` are the base's node views by id, `order` the same views in list order, and `marks`
   * contains 1 at the `graphIndex` of each view shown, `shownCount` of them. The mark array
   * becomes this object's own: `delete` clears marks in it.
   */
  constructor(all: NodeIndex, order: readonly NodeView[], marks: Uint8Array, shownCount: number) {
    this.all = all;
    this.order = order;
    this.marks = marks;
    this.shownCount = shownCount;
  }

  get size(): number {
    return this.shownCount + this.added.size;
  }

  get(id: string): NodeView | undefined {
    if (this.added.size > 0) {
      const added = this.added.get(id);
      if (added) return added;
    }
    const node = this.all.get(id);
    return node !== undefined && this.marks[node.graphIndex!] === 1 ? node : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds a node: a base view is marked shown again, any other node is kept beside them. */
  set(id: string, node: NodeView): this {
    if (this.all.get(id) === node) {
      if (this.marks[node.graphIndex!] === 0) this.shownCount += 1;
      this.marks[node.graphIndex!] = 1;
    } else {
      this.added.set(id, node);
    }
    return this;
  }

  /** Removes a node, such as the member of a group that collapses. Returns false when it was not there. */
  delete(id: string): boolean {
    if (this.added.delete(id)) return true;
    const node = this.all.get(id);
    if (node === undefined || this.marks[node.graphIndex!] === 0) return false;
    this.marks[node.graphIndex!] = 0;
    this.shownCount -= 1;
    return true;
  }

  /** True when `node`, a view of the same base, is shown. Reads its mark without a lookup by id. */
  shows(node: NodeView): boolean {
    return this.marks[node.graphIndex!] === 1;
  }

  /** Hides `node`, a view of the same base, like `delete` without a lookup by id. */
  hide(node: NodeView): void {
    if (this.marks[node.graphIndex!] === 0) return;
    this.marks[node.graphIndex!] = 0;
    this.shownCount -= 1;
  }

  /** The base's views shown, in list order, then the nodes added, in the order they were added. */
  *values(): MapIterator<NodeView> {
    for (let index = 0; index < this.order.length; index++) {
      const node = this.order[index]!;
      if (this.marks[node.graphIndex!] === 1) yield node;
    }
    yield* this.added.values();
  }

  *keys(): MapIterator<string> {
    for (const node of this.values()) yield node.id;
  }

  *entries(): MapIterator<[string, NodeView]> {
    for (const node of this.values()) yield [node.id, node];
  }

  [Symbol.iterator](): MapIterator<[string, NodeView]> {
    return this.entries();
  }

  forEach(callback: (node: NodeView, id: string, map: ReadonlyMap<string, NodeView>) => void, thisArg?: unknown): void {
    for (const node of this.values()) callback.call(thisArg, node, node.id, this);
  }
}
