/**
 * Collapsing of `il-incident-graph`'s groups (see grouping.ts): the members of each collapsed
 * group leave the display model, a counted group node takes their place, and their edges end
 * at it. DOM-free.
 */

import { VERDICTS, type Verdict } from '../../model/types.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { runToEnd, SLICE_ITEMS, type Steps } from './slices.js';
import { GROUP_RADIUS, placeGroupNodes } from './group-placement.js';
import { compareNodes, type DisplayModel, type EdgeView, type NodeView } from './display-model.js';
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
    placements = placeGroupNodes(collapsed, allNodes, positionOf);
    yield;
  }

  // The model is a fresh view of the base (see `viewOfBase`), so its map is changed in place
  // rather than copied: at ten thousand nodes the copy would cost a scrub step a millisecond.
  const byId = model.byId as Map<string, NodeView>;
  // Members are stamped with this collapse's number and their group node, so an edge finds
  // the group node of its ends without a lookup.
  const collapse = ++collapseCount;
  const groupNodes: NodeView[] = [];
  let count = 0;
  for (const group of collapsed) {
    count += group.memberIds.length;
    if (count >= SLICE_ITEMS) {
      count = 0;
      yield;
    }
    const members = group.memberIds
      .map((id) => byId.get(id))
      .filter((node): node is NodeView => node !== undefined)
      .sort(compareNodes);
    for (const member of members) byId.delete(member.id);
    const centre = placements.get(group.id);
    if (members.length === 0 || !centre) continue;

    const node = groupNode(group, members, centre, format);
    byId.set(node.id, node);
    groupNodes.push(node);
    for (const member of members) {
      member.collapsedIn = collapse;
      member.groupNode = node;
    }
  }
  if (groupNodes.length === 0) return model;

  const edges = yield* mergeEdgesSteps(model.edges, collapse);
  yield;
  groupNodes.sort(compareNodes);
  const nodes = yield* mergeSortedSteps(model.nodes.filter((node) => node.collapsedIn !== collapse), groupNodes);
  return { ...model, nodes, edges, byId };
}

/** Returns true when `roles` has a role that `known` lacks. */
function hasNewRole(known: readonly string[], roles: readonly string[]): boolean {
  for (let i = 0; i < roles.length; i++) if (!known.includes(roles[i]!)) return true;
  return false;
}

/** Collapses done so far, which numbers each one for `NodeView.collapsedIn`. */
let collapseCount = 0;

/** Returns the group node that a node is collapsed into by collapse number `collapse`, if any. */
function groupNodeOf(node: NodeView, collapse: number): NodeView | undefined {
  return node.collapsedIn === collapse ? node.groupNode : undefined;
}

/**
 * Merges two lists sorted by `compareNodes`, which is cheaper than sorting every node again. The
 * group nodes `b` are few, so each finds its place in `a` by binary search and the nodes
 * between are copied without comparing. On equal nodes `a` comes first. Yields between slices.
 */
function* mergeSortedSteps(a: readonly NodeView[], b: readonly NodeView[]): Steps<NodeView[]> {
  const merged: NodeView[] = [];
  let i = 0;
  for (const node of b) {
    let low = i;
    let high = a.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNodes(a[middle]!, node) <= 0) low = middle + 1;
      else high = middle;
    }
    for (; i < low; i++) {
      merged.push(a[i]!);
      if (merged.length % SLICE_ITEMS === 0) yield;
    }
    merged.push(node);
  }
  for (; i < a.length; i++) merged.push(a[i]!);
  return merged;
}

function groupNode(
  group: GroupDefinition,
  members: readonly NodeView[],
  centre: { x: number; y: number },
  format: LocaleFormat,
): NodeView {
  const firstSeen = members.map((member) => member.firstSeen ?? -Infinity).reduce((a, b) => Math.min(a, b));
  return {
    id: group.id,
    kind: group.kind,
    label: groupLabel(group.kind, members.length, format),
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
      countLabel: format.number(members.length),
    },
    // The fields below keep the shape of the base model's node views.
    fresh: false,
    slot: -1,
    graphIndex: -1,
    shownIn: 0,
    collapsedIn: 0,
    groupNode: undefined,
  };
}

/** Redirects edges of collapsed members to their group node, merging edges that then coincide. */
function* mergeEdgesSteps(edges: readonly EdgeView[], collapse: number): Steps<EdgeView[]> {
  // Merged edges by their ends and then by type. Nested maps keyed by the node views need no
  // key string per edge, which at 50,000 entities came to megabytes per build.
  const merged = new Map<NodeView, Map<NodeView, EdgeView[]>>();
  const result: EdgeView[] = [];

  // An indexed loop: `for...of` inside a generator allocates an iterator result per edge.
  for (let index = 0; index < edges.length; index++) {
    if ((index + 1) % SLICE_ITEMS === 0) yield;
    const edge = edges[index]!;
    const source = groupNodeOf(edge.source, collapse);
    const target = groupNodeOf(edge.target, collapse);
    if (!source && !target) {
      result.push(edge);
      continue;
    }

    const from = source ?? edge.source;
    const to = target ?? edge.target;
    let byTarget = merged.get(from);
    if (!byTarget) merged.set(from, (byTarget = new Map()));
    let views = byTarget.get(to);
    if (!views) byTarget.set(to, (views = []));
    // Plain loops rather than `find` and `some`: a closure per edge adds up to megabytes.
    let existing: EdgeView | undefined;
    for (let i = 0; i < views.length && !existing; i++) if (views[i]!.type === edge.type) existing = views[i];
    if (existing) {
      // Most members' edges merge into one, so the roles are copied only when one is new.
      existing.dimmed &&= edge.dimmed;
      if (hasNewRole(existing.roles, edge.roles)) existing.roles = [...new Set([...existing.roles, ...edge.roles])];
      continue;
    }
    // The fields and their order are those of the base model's edge views.
    const view: EdgeView = {
      id: `${from.id}->${to.id}:${edge.type}`,
      source: from,
      target: to,
      type: edge.type,
      evidence: edge.evidence,
      roles: edge.roles,
      curve: 0,
      loopIndex: 0,
      dimmed: edge.dimmed,
      fresh: edge.fresh,
    };
    views.push(view);
    result.push(view);
  }
  return result;
}

function strongestVerdict(verdicts: ReadonlyArray<Verdict | undefined>): Verdict | undefined {
  return VERDICTS.find((verdict) => verdicts.includes(verdict));
}
