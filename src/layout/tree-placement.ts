/**
 * The layered variant of the layout: process trees (parent-process edges) drawn top down, one
 * layer per generation, under the device they run on. Trees are placed before the force
 * simulation and held there, so the forces arrange every other node around them.
 */

/** The part of a simulation node that tree placement reads and writes. */
export interface TreeNode {
  x?: number;
  y?: number;
  fx?: number | null;
  fy?: number | null;
}

/** Vertical distance between two generations and horizontal distance between two leaves, in world units. */
export const TREE_LAYER_GAP = 100;
export const TREE_SIBLING_GAP = 90;

/**
 * Lays out the process trees of `nodes` in layers and holds their nodes, in place. `parents`
 * lists (child, parent) pairs and `hosts` (process, device) pairs, by node index. Nodes are
 * sorted by id, so the order of pairs does not change the result. A tree with a held node is
 * left to the forces, so a restored picture keeps its positions.
 */
export function placeTrees(
  nodes: TreeNode[],
  parents: readonly (readonly [number, number])[],
  hosts: readonly (readonly [number, number])[],
): void {
  const parentOf = new Map<number, number>();
  for (const [child, parent] of parents) {
    if (child === parent) continue;
    // A process has one parent. Of conflicting ones the first in id order wins.
    const known = parentOf.get(child);
    if (known === undefined || parent < known) parentOf.set(child, parent);
  }
  if (parentOf.size === 0) return;

  const trees = collectTrees(parentOf);
  const hostOf = new Map<number, number[]>();
  for (const [process, device] of hosts) hostOf.set(process, [...(hostOf.get(process) ?? []), device]);

  // Trees under one device sit side by side. Trees with no known device sit where they start.
  const byDevice = new Map<number, Tree[]>();
  for (const tree of trees) {
    if (tree.order.some((index) => isHeld(nodes[index]!))) continue;
    const device = deviceOf(tree, hostOf);
    const key = device === undefined || tree.order.includes(device) ? -1 - tree.root : device;
    byDevice.set(key, [...(byDevice.get(key) ?? []), tree]);
  }

  for (const [key, group] of [...byDevice.entries()].sort(([a], [b]) => a - b)) {
    const device = key >= 0 ? nodes[key]! : undefined;
    const anchor = device ? { x: device.x ?? 0, y: (device.y ?? 0) + TREE_LAYER_GAP } : centroid(nodes, group[0]!.order);
    if (device) hold(device, device.x ?? 0, device.y ?? 0);
    layGroup(nodes, group, anchor);
  }
}

interface Tree {
  root: number;
  /** Nodes in depth-first order, root first. */
  order: number[];
  children: Map<number, number[]>;
}

/** Splits the parent relation into trees, breaking any cycle at its node of lowest index. */
function collectTrees(parentOf: ReadonlyMap<number, number>): Tree[] {
  const children = new Map<number, number[]>();
  const members = new Set<number>();
  for (const [child, parent] of parentOf) {
    members.add(child);
    members.add(parent);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  for (const list of children.values()) list.sort((a, b) => a - b);

  const visited = new Set<number>();
  const trees: Tree[] = [];
  const sorted = [...members].sort((a, b) => a - b);
  const roots = sorted.filter((index) => !parentOf.has(index));
  // Members left unvisited after the true roots lie on a cycle: each remaining one starts a tree.
  for (const candidate of [...roots, ...sorted]) {
    if (visited.has(candidate)) continue;
    const tree: Tree = { root: candidate, order: [], children: new Map() };
    const stack = [candidate];
    while (stack.length > 0) {
      const index = stack.pop()!;
      if (visited.has(index)) continue;
      visited.add(index);
      tree.order.push(index);
      const kids = (children.get(index) ?? []).filter((child) => !visited.has(child));
      tree.children.set(index, kids);
      for (let position = kids.length - 1; position >= 0; position--) stack.push(kids[position]!);
    }
    trees.push(tree);
  }
  return trees;
}

/** Returns the device most processes of `tree` run on. Ties go to the lowest index. */
function deviceOf(tree: Tree, hostOf: ReadonlyMap<number, number[]>): number | undefined {
  const counts = new Map<number, number>();
  for (const index of tree.order) {
    for (const device of hostOf.get(index) ?? []) counts.set(device, (counts.get(device) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [device, count] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && device < best!)) best = device;
  }
  return best;
}

/** Lays the trees of one group side by side, centred under `anchor`, each leaf in its own column. */
function layGroup(nodes: TreeNode[], trees: readonly Tree[], anchor: { x: number; y: number }): void {
  const columns = new Map<number, number>();
  let nextColumn = 0;
  const depthOf = new Map<number, number>();

  for (const tree of trees) {
    depthOf.set(tree.root, 0);
    for (const index of tree.order) {
      for (const child of tree.children.get(index)!) depthOf.set(child, depthOf.get(index)! + 1);
    }
    // Leaves take columns left to right in depth-first order. Then, children before parents,
    // each parent takes the middle of its first and last child's columns.
    for (const index of tree.order) {
      if (tree.children.get(index)!.length === 0) columns.set(index, nextColumn++);
    }
    for (let position = tree.order.length - 1; position >= 0; position--) {
      const kids = tree.children.get(tree.order[position]!)!;
      if (kids.length === 0) continue;
      columns.set(tree.order[position]!, (columns.get(kids[0]!)! + columns.get(kids[kids.length - 1]!)!) / 2);
    }
  }

  const width = (nextColumn - 1) * TREE_SIBLING_GAP;
  for (const [index, column] of columns) {
    const x = anchor.x - width / 2 + column * TREE_SIBLING_GAP;
    const y = anchor.y + depthOf.get(index)! * TREE_LAYER_GAP;
    hold(nodes[index]!, x, y);
  }
}

function centroid(nodes: readonly TreeNode[], indices: readonly number[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const index of indices) {
    x += nodes[index]!.x ?? 0;
    y += nodes[index]!.y ?? 0;
  }
  return { x: x / indices.length, y: y / indices.length };
}

function hold(node: TreeNode, x: number, y: number): void {
  node.x = x;
  node.y = y;
  node.fx = x;
  node.fy = y;
}

function isHeld(node: TreeNode): boolean {
  return node.fx != null && node.fy != null;
}
