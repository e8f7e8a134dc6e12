/**
 * The spread of parallel edges in the display model: edges between the same two nodes are drawn
 * as separate curves, and a node's self-loops as loops of growing size. DOM-free.
 */

import type { EdgeView, NodeView } from './display-model.js';
import { SLICE_ITEMS, type Steps } from './slices.js';

/** Buckets of parallel edge candidates up to this size are sorted by insertion. */
const INSERTION_SORT_MAX = 16;

/** Gap between parallel edges, in world units. */
const PARALLEL_EDGE_GAP = 18;

/**
 * Bends parallel edges apart. Offsets are measured in the frame of the pair's lower id to its
 * higher id, so edges in opposite directions between the same nodes bend to opposite sides.
 */
export function* spreadParallelEdges(edges: EdgeView[]): Steps<void> {
  // Each node gets a number in order of appearance, kept on the node. Edges are bucketed by the
  // lower number of their pair (a counting sort), and a bucket of several edges is sorted by the
  // higher number, so edges of one pair end up next to each other. Typed arrays keep this free
  // of per-edge objects, which matters at a hundred thousand edges.
  let count = 0;
  const numberOf = (node: NodeView): number => {
    if (node.slot === undefined || node.slot < 0) node.slot = count++;
    return node.slot;
  };
  const total = edges.length;
  const lower = new Int32Array(total);
  const higher = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    const a = numberOf(edges[i]!.source);
    const b = numberOf(edges[i]!.target);
    lower[i] = a <= b ? a : b;
    higher[i] = a <= b ? b : a;
  }
  yield;

  const bucketStart = new Int32Array(count + 1);
  for (let i = 0; i < total; i++) bucketStart[lower[i]! + 1]! += 1;
  for (let b = 0; b < count; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const order = new Int32Array(total);
  const next = bucketStart.slice(0, count);
  for (let i = 0; i < total; i++) order[next[lower[i]!]!++] = i;
  yield;

  for (let b = 0; b < count; b++) {
    if (b % SLICE_ITEMS === SLICE_ITEMS - 1) yield;
    const from = bucketStart[b]!;
    const to = bucketStart[b + 1]!;
    if (to - from < 2) continue;
    // A bucket contains edges of one node, mostly a few, which an insertion sort orders in place
    // without allocating. A hub's bucket of thousands is sorted through a view of the array.
    // Either way, edges to the same node keep their index order.
    if (to - from > INSERTION_SORT_MAX) {
      order.subarray(from, to).sort((i, j) => higher[i]! - higher[j]! || i - j);
    } else {
      for (let i = from + 1; i < to; i++) {
        const edge = order[i]!;
        let place = i;
        while (place > from && higher[order[place - 1]!]! > higher[edge]!) {
          order[place] = order[place - 1]!;
          place--;
        }
        order[place] = edge;
      }
    }
    let run = from;
    while (run < to) {
      let end = run + 1;
      while (end < to && higher[order[end]!] === higher[order[run]!]) end++;
      if (end - run > 1) {
        const group: EdgeView[] = [];
        for (let i = run; i < end; i++) group.push(edges[order[i]!]!);
        spreadGroup(group);
      }
      run = end;
    }
  }
}

/** Gives the edges of one node pair their loop index or their curve offset. */
function spreadGroup(group: EdgeView[]): void {
  if (group[0]!.source === group[0]!.target) {
    group.forEach((edge, index) => (edge.loopIndex = index));
    return;
  }
  group.forEach((edge, index) => {
    const offset = (index - (group.length - 1) / 2) * PARALLEL_EDGE_GAP;
    edge.curve = offset === 0 || edge.source.id < edge.target.id ? offset : -offset;
  });
}
