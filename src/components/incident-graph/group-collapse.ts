/**
 * Collapsing of `il-incident-graph`'s groups (see grouping.ts): the members of each collapsed
 * group leave the display model, a counted group node takes their place, and their edges end
 * at it. DOM-free.
 */

import { VERDICTS, type EntityKind, type Verdict } from '../../model/types.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { runToEnd, SLICE_ITEMS, sortSteps, type Steps } from './slices.js';
import { GROUP_RADIUS, placeGroupNodesSteps } from './group-placement.js';
import { compareNodes, type DisplayModel, type NodeView } from './display-model.js';
import { EdgeTable } from './edge-table.js';
import { ShownNodes, type ChangeableNodeMap } from './node-maps.js';
import { groupLabel, type GroupDefinition } from './grouping.js';

/**
 * Replaces the members of each collapsed group in a display model by one group node, and their
 * edges by edges to that node (one per other end and edge type). The group node sits at the
 * centroid of every member's position, visible or not, or at the nearest clear place when that
 * would overlap another node (see `placeGroupNodes`). `allNodes` are the nodes to keep
 * clear of, visible or not, so the group node stays put while the time cursor moves. Without
 * them, the model's nodes count. The group node counts the members that exist now and is left
 * out when none does. It is selected when a visible member is, and dimmed when every visible
 * member is. Counts stay those of the entities, since the listbox name counts entities, not
 * drawn circles.
 */
export function collapseGroups(
  model: DisplayModel,
  groups: readonly GroupDefinition[],
  expanded: ReadonlySet<string>,
  positionOf: (id: string) => { x: number; y: number } | undefined,
  format: LocaleFormat,
  allNodes?: readonly NodeView[],
): DisplayModel {
  return runToEnd(collapseGroupsSteps(model, groups, expanded, positionOf, format, allNodes));
}

export type Placements = ReadonlyMap<string, { x: number; y: number }>;

/** Members of collapsed groups handled between two yields of `collapseGroupsSteps`. */
const COLLAPSE_SLICE_MEMBERS = SLICE_ITEMS / 4;

/**
 * Collapses groups like `collapseGroups`, in slices. Changes the model's `byId` in place. Group
 * labels and counts are formatted in the locale of `format`. `placements` are the group nodes'
 * positions by group id, when `placeGroupNodes` has already found them.
 */
export function* collapseGroupsSteps(
  model: DisplayModel,
  groups: readonly GroupDefinition[],
  expanded: ReadonlySet<string>,
  positionOf: (id: string) => { x: number; y: number } | undefined,
  format: LocaleFormat,
  allNodes: readonly NodeView[] = model.nodes,
  placements?: Placements,
): Steps<DisplayModel> {
  const collapsed = groups.filter((group) => !expanded.has(group.id));
  if (collapsed.length === 0) return model;
  if (!placements) {
    // Edges are obstacles only when the nodes are the model's own, whose edges the model has.
    placements = yield* placeGroupNodesSteps(collapsed, allNodes, positionOf, allNodes === model.nodes ? { edges: model.edges } : {});
    yield;
  }

  // The model is a fresh view of the base (see `viewOfBase`), so its map is changed in place
  // rather than copied: at ten thousand nodes the copy would cost a scrub step a millisecond.
  const byId = model.byId as ChangeableNodeMap;
  // Members are stamped with this collapse's number and their group node, so an edge finds
  // the group node of its ends without a lookup.
  const collapse = ++collapseCount;
  const groupNodes: NodeView[] = [];
  const groupOf = new Int32Array(model.edges.data.nodes.length);
  const texts = groupTexts(format);
  let count = 0;
  for (const group of collapsed) {
    // Each member costs a sort, a lookup and a few passes, several times a node of other loops.
    count += group.memberIds.length;
    if (count >= COLLAPSE_SLICE_MEMBERS) {
      count = 0;
      yield;
    }
    const members = shownMembers(group, byId, model.edges.data.nodes);
    for (const member of members) {
      if (byId instanceof ShownNodes) byId.hide(member);
      else byId.delete(member.id);
    }
    const centre = placements.get(group.id);
    if (members.length === 0 || !centre) continue;

    const node = groupNode(group, members, centre, texts);
    byId.set(node.id, node);
    groupNodes.push(node);
    for (const member of members) {
      member.collapsedIn = collapse;
      const index = nodeIndexOf(model.edges, member);
      if (index >= 0) groupOf[index] = groupNodes.length;
    }
  }
  if (groupNodes.length === 0) return model;

  const edges = yield* mergeEdgesSteps(model.edges, groupNodes, groupOf);
  yield;
  yield* sortSteps(groupNodes, compareNodes);
  const nodes = yield* mergeSortedSteps(model.nodes, groupNodes, (node) => node.collapsedIn !== collapse);
  return { ...model, nodes, edges, byId };
}

/**
 * Returns the members of a group that a model shows, sorted by `compareNodes`. `nodes` are the
 * views of the model's base in the graph's order. A member known by its place there (see
 * `GroupDefinition.memberIndexes`) is found without a lookup by id, when the model's map reads
 * the same base.
 */
function shownMembers(group: GroupDefinition, byId: ReadonlyMap<string, NodeView>, nodes: readonly NodeView[]): NodeView[] {
  const { memberIds, memberIndexes } = group;
  const shownNodes = byId instanceof ShownNodes ? byId : undefined;
  const members: NodeView[] = [];
  for (let index = 0; index < memberIds.length; index++) {
    const id = memberIds[index]!;
    const candidate = shownNodes && memberIndexes ? nodes[memberIndexes[index]!] : undefined;
    if (candidate?.id === id) {
      if (shownNodes!.shows(candidate)) members.push(candidate);
      continue;
    }
    const member = byId.get(id);
    if (member) members.push(member);
  }
  return members.sort(compareNodes);
}

/**
 * Returns the index of a node in a table's data: its `graphIndex` for a node of the base model
 * that the table belongs to, else found by a scan, as for hand-made models. Returns -1 for a
 * node that is not in the data.
 */
function nodeIndexOf(edges: EdgeTable, node: NodeView): number {
  const { nodes } = edges.data;
  const index = node.graphIndex ?? -1;
  return index >= 0 && nodes[index] === node ? index : nodes.indexOf(node);
}

/** Returns true when `roles` has a role that `known` lacks. */
function hasNewRole(known: readonly string[], roles: readonly string[]): boolean {
  for (let i = 0; i < roles.length; i++) if (!known.includes(roles[i]!)) return true;
  return false;
}

/** The work of one binary search of `mergeSortedSteps`, counted in nodes copied. */
const SEARCH_COST = 128;

/** Collapses done so far, which numbers each one for `NodeView.collapsedIn`. */
let collapseCount = 0;

/**
 * Merges the nodes of `a` that `keep` accepts with `b`, both sorted by `compareNodes`, which is
 * cheaper than sorting every node again. The group nodes `b` are few, so each finds its place
 * in `a` by binary search and the nodes between are copied without comparing. On equal nodes
 * `a` comes first. Yields between slices.
 */
function* mergeSortedSteps(a: readonly NodeView[], b: readonly NodeView[], keep: (node: NodeView) => boolean): Steps<NodeView[]> {
  const merged: NodeView[] = [];
  let i = 0;
  let sinceYield = 0;
  for (let next = 0; next <= b.length; next++) {
    const node = b[next];
    let low = a.length;
    if (node) {
      low = i;
      let high = a.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareNodes(a[middle]!, node) <= 0) low = middle + 1;
        else high = middle;
      }
      // A search compares labels a dozen times or more, which costs as much as copying a few
      // hundred nodes, and a large incident has thousands of group nodes.
      sinceYield += SEARCH_COST;
    }
    while (i < low) {
      const to = Math.min(low, i + SLICE_ITEMS);
      copyKept(a, i, to, keep, merged);
      sinceYield += to - i;
      i = to;
      if (sinceYield < SLICE_ITEMS) continue;
      sinceYield = 0;
      yield;
    }
    if (!node) continue;
    merged.push(node);
    if (sinceYield < SLICE_ITEMS) continue;
    sinceYield = 0;
    yield;
  }
  return merged;
}

/** Appends the nodes `from` to `to` (not included) of `nodes` that `keep` accepts to `into`. */
function copyKept(nodes: readonly NodeView[], from: number, to: number, keep: (node: NodeView) => boolean, into: NodeView[]): void {
  for (let index = from; index < to; index++) if (keep(nodes[index]!)) into.push(nodes[index]!);
}

/** The label and count badge of a group node. */
interface GroupTexts {
  label: string;
  countLabel: string;
}

/**
 * Returns a function that gives the texts of a group of a kind and count, each formatted once
 * in the locale of `format`. The thousands of groups of a large incident share a few counts,
 * and in the graph bench each formatting in a locale cost one to two microseconds.
 */
function groupTexts(format: LocaleFormat): (kind: EntityKind, count: number) => GroupTexts {
  const formatted = new Map<string, GroupTexts>();
  return (kind, count) => {
    const key = `${kind} ${count}`;
    let texts = formatted.get(key);
    if (!texts) formatted.set(key, (texts = { label: groupLabel(kind, count, format), countLabel: format.number(count) }));
    return texts;
  };
}

function groupNode(
  group: GroupDefinition,
  members: readonly NodeView[],
  centre: { x: number; y: number },
  textsOf: (kind: EntityKind, count: number) => GroupTexts,
): NodeView {
  const firstSeen = members.map((member) => member.firstSeen ?? -Infinity).reduce((a, b) => Math.min(a, b));
  const texts = textsOf(group.kind, members.length);
  return {
    id: group.id,
    kind: group.kind,
    label: texts.label,
    alert: false,
    verdict: strongestVerdict(members.map((member) => member.verdict)),
    remediationStatus: undefined,
    severity: undefined,
    ghost: members.every((member) => member.ghost),
    pinned: false,
    firstSeen: Number.isFinite(firstSeen) ? firstSeen : undefined,
    x: centre.x,
    y: centre.y,
    radius: GROUP_RADIUS,
    selected: members.some((member) => member.selected),
    dimmed: members.every((member) => member.dimmed),
    group: {
      alertKey: group.alertKey,
      memberIds: group.memberIds,
      visibleIds: members.map((member) => member.id),
      countLabel: texts.countLabel,
    },
    // The fields below complete the fields of `NodeView`, so every group node has one shape.
    fresh: false,
    graphIndex: -1,
    collapsedIn: 0,
  };
}

/**
 * Redirects edges of collapsed members to their group node, merging edges that then coincide.
 * `edges` are those of a view of a base model, whose node indexes all point into its data.
 * `groupOf` contains k + 1 at the node index of each member of `groupNodes[k]`, and 0 elsewhere.
 */
function* mergeEdgesSteps(edges: EdgeTable, groupNodes: readonly NodeView[], groupOf: Int32Array): Steps<EdgeTable> {
  // Group node k is node index ~k of the result.
  const result = new EdgeTable(edges.length, edges.data, { nodes: groupNodes.slice(), edges: [] });
  const merge: EdgeMerge = { rows: new Map(), groupOf, result };
  for (let from = 0; from < edges.length; from += SLICE_ITEMS) {
    mergeEdges(edges, from, Math.min(edges.length, from + SLICE_ITEMS), merge);
    yield;
  }
  return result;
}

/** The state of `mergeEdgesSteps` between slices. */
interface EdgeMerge {
  /**
   * Rows of merged edges in `result` by their ends. Nested maps keyed by the node views need no
   * key string per edge, which at 50,000 entities came to megabytes per build.
   */
  rows: Map<NodeView, Map<NodeView, number[]>>;
  groupOf: Int32Array;
  result: EdgeTable;
}

/**
 * Copies the rows `from` to `to` (not included) of `edges` into the merge's result, with each
 * end that is a member of a group replaced by the group's node. An edge that then joins the
 * same two nodes as an earlier one of its type merges into that one. Only the edges of
 * members touch a node view: the loop over the others reads typed arrays.
 */
function mergeEdges(edges: EdgeTable, from: number, to: number, merge: EdgeMerge): void {
  const { result, groupOf } = merge;
  for (let row = from; row < to; row++) {
    const source = edges.sources[row]!;
    const target = edges.targets[row]!;
    const sourceGroup = groupOf[source]!;
    const targetGroup = groupOf[target]!;
    if (sourceGroup === 0 && targetGroup === 0) {
      result.copy(edges, row, edges.flags[row]!);
      continue;
    }

    const sourceIndex = sourceGroup > 0 ? ~(sourceGroup - 1) : source;
    const targetIndex = targetGroup > 0 ? ~(targetGroup - 1) : target;
    const start = result.node(sourceIndex);
    const end = result.node(targetIndex);
    const type = edges.typeOf(row);
    const roles = edges.rolesOf(row);
    let byTarget = merge.rows.get(start);
    if (!byTarget) merge.rows.set(start, (byTarget = new Map()));
    let rows = byTarget.get(end);
    if (!rows) byTarget.set(end, (rows = []));
    let existing = -1;
    for (let i = 0; i < rows.length && existing < 0; i++) if (result.typeOf(rows[i]!) === type) existing = rows[i]!;
    if (existing >= 0) {
      // Most members' edges merge into one, so the roles are copied only when one is new.
      if (!edges.dimmed(row)) result.setDimmed(existing, false);
      const merged = result.extras.edges[~result.edges[existing]!]!;
      if (hasNewRole(merged.roles, roles)) merged.roles = [...new Set([...merged.roles, ...roles])];
      continue;
    }
    const edge = ~(result.extras.edges.push({ id: `${start.id}->${end.id}:${type}`, type, roles }) - 1);
    rows.push(result.add(sourceIndex, targetIndex, edge, edges.flags[row]!));
  }
}

function strongestVerdict(verdicts: ReadonlyArray<Verdict | undefined>): Verdict | undefined {
  return VERDICTS.find((verdict) => verdicts.includes(verdict));
}
