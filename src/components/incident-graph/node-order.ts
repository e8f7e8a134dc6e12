/**
 * The order of the graph's nodes in its accessible list and display model: alerts first, in the
 * timeline's order, then entities by first seen, label and id. Sorting is split in two passes,
 * so a large base model can be drawn after the first, which costs little, and finish the second
 * after its first frame (see `finishBaseSteps`).
 */

import { compareTimeOrder } from '../../model/time.js';
import type { NodeView } from './display-model.js';
import { SLICE_ITEMS, sortSteps, type Steps } from './slices.js';

/** Runs of at most this many entities are sorted by insertion. */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts nodes in place by everything `compareNodes` compares except the label and id of
 * entities: alerts first in the timeline's order, then entities by first seen. Entities first
 * seen at the same time keep the order they came in. Entities are bucketed by first seen, so
 * this needs no comparison of entities at all.
 */
export function* sortByTimeSteps(nodes: NodeView[]): Steps<NodeView[]> {
  const alerts: NodeView[] = [];
  const buckets = new Map<number, NodeView[]>();
  for (let index = 0; index < nodes.length; index++) {
    if ((index + 1) % SLICE_ITEMS === 0) yield;
    const node = nodes[index]!;
    if (node.alert) {
      alerts.push(node);
      continue;
    }
    const time = timeOf(node);
    const bucket = buckets.get(time);
    if (bucket) bucket.push(node);
    else buckets.set(time, [node]);
  }
  alerts.sort(compareAlerts);
  yield;

  const times = Float64Array.from(buckets.keys()).sort();
  let written = 0;
  for (; written < alerts.length; written++) nodes[written] = alerts[written]!;
  for (let index = 0; index < times.length; index++) {
    const bucket = buckets.get(times[index]!)!;
    for (let item = 0; item < bucket.length; item++) nodes[written++] = bucket[item]!;
    if ((index + 1) % SLICE_ITEMS === 0) yield;
  }
  return nodes;
}

/**
 * Sorts each run of entities first seen at the same time by label and id, in place, for nodes
 * that `sortByTimeSteps` sorted. Entities take the times of their alerts, so most runs are a
 * few nodes long. Entities without a time form one run, which can hold most of a large graph
 * and is sorted in slices.
 */
export function* orderTiesSteps(nodes: NodeView[]): Steps<NodeView[]> {
  let start = 0;
  while (start < nodes.length && nodes[start]!.alert) start++;

  let sinceYield = 0;
  while (start < nodes.length) {
    const time = timeOf(nodes[start]!);
    let end = start + 1;
    while (end < nodes.length && timeOf(nodes[end]!) === time) end++;

    if (end - start > INSERTION_SORT_MAX) {
      const run = nodes.slice(start, end);
      yield* sortSteps(run, compareLabels);
      for (let index = 0; index < run.length; index++) nodes[start + index] = run[index]!;
    } else if (end - start > 1) {
      insertionSort(nodes, start, end);
    }

    sinceYield += end - start;
    if (sinceYield >= SLICE_ITEMS) {
      sinceYield = 0;
      yield;
    }
    start = end;
  }
  return nodes;
}

/**
 * Orders nodes as the list shows them: alerts first, then by first seen, label and id. Alerts
 * first seen at the same time follow the timeline's order instead: severity (high first), then id.
 */
export function compareNodes(a: NodeView, b: NodeView): number {
  if (a.alert !== b.alert) return a.alert ? -1 : 1;
  if (a.alert) return compareAlerts(a, b);
  const timeA = timeOf(a);
  const timeB = timeOf(b);
  if (timeA !== timeB) return timeA - timeB;
  return compareLabels(a, b);
}

/** Compares alerts in the timeline's order, as `compareByTime` does: an alert without a time comes last. */
function compareAlerts(a: NodeView, b: NodeView): number {
  return compareTimeOrder(a.firstSeen, a.severity, a.id, b.firstSeen, b.severity, b.id);
}

function compareLabels(a: NodeView, b: NodeView): number {
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** Returns a node's first-seen time, or -Infinity without one, so such entities sort first. */
function timeOf(node: NodeView): number {
  return node.firstSeen ?? -Infinity;
}

/**
 * Sorts `nodes[start..end)` by label and id. Runs of a few nodes are the common case, and for
 * them this costs less than a call of `Array.prototype.sort` on a copy.
 */
function insertionSort(nodes: NodeView[], start: number, end: number): void {
  for (let index = start + 1; index < end; index++) {
    const node = nodes[index]!;
    let place = index;
    while (place > start && compareLabels(nodes[place - 1]!, node) > 0) {
      nodes[place] = nodes[place - 1]!;
      place--;
    }
    nodes[place] = node;
  }
}
