/**
 * The spread of parallel edges in the display model: edges between the same two nodes are drawn
 * as separate curves, and a node's self-loops as loops of growing size. DOM-free.
 */

import type { EdgeTable } from './edge-table.js';
import { SLICE_ITEMS, type Steps } from './slices.js';

/** Buckets of parallel edge candidates up to this size are sorted by insertion. */
const INSERTION_SORT_MAX = 16;

/** Gap between parallel edges, in world units. */
const PARALLEL_EDGE_GAP = 18;

/**
 * Bends parallel edges apart. Offsets are measured in the frame of the pair's lower id to its
 * higher id, so edges in opposite directions between the same nodes bend to opposite sides.
 */
export function* spreadParallelEdges(edges: EdgeTable): Steps<void> {
  // Edges are bucketed by the lower node index of their pair (a counting sort), and a bucket of
  // several edges is sorted by the higher index, so edges of one pair end up next to each
  // other. Typed arrays keep this free of per-edge objects, which matters at a hundred
  // thousand edges. A base model's table has no group nodes, so every index is 0 or more.
  const total = edges.length;
  const { sources, targets } = edges;
  const lower = new Int32Array(total);
  const higher = new Int32Array(total);
  let count = 0;
  for (let i = 0; i < total; i++) {
    const a = sources[i]!;
    const b = targets[i]!;
    lower[i] = a <= b ? a : b;
    higher[i] = a <= b ? b : a;
    if (higher[i]! >= count) count = higher[i]! + 1;
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
      if (end - run > 1) spreadGroup(edges, order.subarray(run, end));
      run = end;
    }
  }
}

/** Gives the edges of one node pair, the rows `group` of `edges`, their loop index or their curve offset. */
function spreadGroup(edges: EdgeTable, group: Int32Array): void {
  const first = group[0]!;
  if (edges.sources[first] === edges.targets[first]) {
    group.forEach((row, index) => (edges.loopIndexes[row] = index));
    return;
  }
  group.forEach((row, index) => {
    const offset = (index - (group.length - 1) / 2) * PARALLEL_EDGE_GAP;
    edges.curves[row] = offset === 0 || edges.sourceOf(row).id < edges.targetOf(row).id ? offset : -offset;
  });
}
