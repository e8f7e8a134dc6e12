/**
 * Grouping of `il-incident-graph`: same-kind entities that hang off one alert collapse into one
 * counted node ("14 files") until the user or the host expands them. A group is keyed by the
 * alert and the entity kind. Its members are the entities of that kind that only this alert
 * involves, that are not devices, users, mailboxes or processes, and that have at most one
 * relation to another entity. So the process tree, the device, anything that links two alerts
 * and any junction between entities stay visible, while files (a process's image file among
 * them), IP addresses, URLs and registry values collapse. A member's relation then ends at the
 * group node. Group state is display state that is never written into the graph. The layout
 * still places every member, so expanding a group moves nothing. DOM-free.
 */

import { ENTITY_KINDS, VERDICTS, type EntityKind, type Verdict } from '../../model/types.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import type { Selection } from '../../session/session.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings, verdictLabel } from '../shared/strings.js';
import { runToEnd, SLICE_ITEMS, type Steps } from './slices.js';
import { GROUP_RADIUS, placeGroupNodes } from './group-placement.js';
import { compareNodes, selectionRefOf, type BaseModel, type DisplayModel, type EdgeView, type NodeView } from './display-model.js';

/** Kinds that never group: the skeleton of the attack story. */
const UNGROUPED_KINDS: ReadonlySet<string> = new Set(['device', 'user', 'mailbox', 'process']);

/** A group forms when more than this many members hang off one alert. */
export const DEFAULT_GROUP_THRESHOLD = 6;

/** An incident with more nodes than this starts grouped with `LARGE_INCIDENT_GROUP_THRESHOLD`. */
export const LARGE_INCIDENT_NODE_COUNT = 2000;

/** Threshold used for a large incident when the element's threshold is higher. */
export const LARGE_INCIDENT_GROUP_THRESHOLD = 2;

export { GROUP_RADIUS } from './group-placement.js';

/** One group, as the element's `groups` property lists it. */
export interface GroupInfo {
  /** Id of the group node, as `expandGroup` and `toScreen` take it. */
  id: string;
  /** Id of the alert the members hang off, as the snapshot names it. */
  alertId: string;
  kind: EntityKind;
  memberIds: readonly string[];
  expanded: boolean;
}

export interface GroupDefinition {
  id: string;
  /** Graph key of the alert, which differs from `alertId` when the alert's id is also an entity id. */
  alertKey: string;
  alertId: string;
  kind: EntityKind;
  memberIds: string[];
}

const GROUP_NOUNS: Record<EntityKind, [one: string, other: string]> = {
  device: ['device', 'devices'],
  user: ['user', 'users'],
  mailbox: ['mailbox', 'mailboxes'],
  mailMessage: ['email message', 'email messages'],
  mailCluster: ['email cluster', 'email clusters'],
  file: ['file', 'files'],
  process: ['process', 'processes'],
  ip: ['IP address', 'IP addresses'],
  url: ['URL', 'URLs'],
  dnsName: ['DNS name', 'DNS names'],
  cloudApp: ['cloud app', 'cloud apps'],
  oauthApp: ['OAuth app', 'OAuth apps'],
  cloudResource: ['cloud resource', 'cloud resources'],
  registryKey: ['registry key', 'registry keys'],
  registryValue: ['registry value', 'registry values'],
  securityGroup: ['security group', 'security groups'],
  container: ['container', 'containers'],
  other: ['other entity', 'other entities'],
};

registerStrings({
  'graph.option.group': '{name}, group, collapsed. {verdict}.',
  ...Object.fromEntries(
    ENTITY_KINDS.flatMap((kind) => [
      [`graph.group.${kind}.one`, `{count} ${GROUP_NOUNS[kind][0]}`],
      [`graph.group.${kind}.other`, `{count} ${GROUP_NOUNS[kind][1]}`],
    ]),
  ),
});

/**
 * Returns the label of a group, such as "14 files", with the count and its plural category in
 * the locale of `format`. A category without a string (`few`, `many`) falls back to `other`, so
 * a host that translates adds only the forms its language has.
 */
export function groupLabel(kind: EntityKind, count: number, format: LocaleFormat): string {
  const key = `graph.group.${kind}.${format.plural(count)}`;
  const label = format.msg(key, { count });
  return label === key ? format.msg(`graph.group.${kind}.other`, { count }) : label;
}

/** Returns the accessible text of a collapsed group node. */
export function describeGroup(node: NodeView): string {
  return msg('graph.option.group', { name: node.label, verdict: verdictLabel(node.verdict) });
}

/** Returns the threshold in effect: the element's, lowered for a large incident. 0 turns grouping off. */
export function effectiveGroupThreshold(threshold: number, nodeCount: number): number {
  if (!Number.isFinite(threshold) || threshold <= 0) return 0;
  const whole = Math.floor(threshold);
  return nodeCount > LARGE_INCIDENT_NODE_COUNT ? Math.min(whole, LARGE_INCIDENT_GROUP_THRESHOLD) : whole;
}

/**
 * Finds the groups of a graph: per alert and entity kind, the groupable entities, kept when
 * there are more than `threshold` of them. An entity is groupable when its kind is not in
 * `UNGROUPED_KINDS`, its evidence edges all come from one alert, and it has at most one
 * relation to another entity. Threshold 0 finds none.
 */
export function findGroups(graph: IncidentGraph, threshold: number): GroupDefinition[] {
  return runToEnd(findGroupsSteps(graph, threshold));
}

/**
 * Finds the groups like `findGroups`, in slices. A base model that contains every node of
 * the graph gives the same groups from one pass over its edges, at a fraction of the cost of
 * visiting each candidate's edges in the graph.
 */
export function* findGroupsSteps(graph: IncidentGraph, threshold: number, base?: BaseModel): Steps<GroupDefinition[]> {
  if (threshold <= 0) return [];
  if (base?.graph === graph && base.byId.size === graph.order) return yield* findGroupsInBaseSteps(base, threshold);
  const groups = new GroupCollector(graph);

  // Candidates are gathered in one pass: graphology's entry iterator allocates per node.
  const candidates: string[] = [];
  const kinds: EntityKind[] = [];
  graph.forEachNode((id, attributes) => {
    if (attributes.kind === 'alert' || UNGROUPED_KINDS.has(attributes.kind)) return;
    candidates.push(id);
    kinds.push(attributes.kind);
  });
  yield;

  for (let index = 0; index < candidates.length; index++) {
    if ((index + 1) % SLICE_ITEMS === 0) yield;
    const id = candidates[index]!;
    const kind = kinds[index]!;
    const alertKey = groupingAlertOf(graph, id);
    if (alertKey !== undefined) groups.add(alertKey, kind, id);
  }
  return groups.over(threshold);
}

/**
 * Finds the groups of a base model that contains every node of the graph, and so every edge. Per
 * node, typed arrays count its relations and record the one alert whose evidence reaches it
 * (-1 for none, -2 for several), as `groupingAlertOf` does edge by edge.
 */
function* findGroupsInBaseSteps(base: BaseModel, threshold: number): Steps<GroupDefinition[]> {
  const nodes = [...base.byId.values()];
  const relations = new Int32Array(nodes.length);
  const alertOf = new Int32Array(nodes.length).fill(-1);
  const reach = (index: number, alert: number): void => {
    const current = alertOf[index]!;
    if (current === -1) alertOf[index] = alert;
    else if (current !== alert) alertOf[index] = -2;
  };

  const { edges } = base;
  for (let index = 0; index < edges.length; index++) {
    if ((index + 1) % (SLICE_ITEMS * 8) === 0) yield;
    const edge = edges[index]!;
    const source = edge.source.graphIndex!;
    const target = edge.target.graphIndex!;
    if (edge.type === 'evidence') {
      reach(source, source);
      if (target !== source) reach(target, source);
    } else {
      relations[source] += 1;
      if (target !== source) relations[target] += 1;
    }
  }
  yield;

  const groups = new GroupCollector(base.graph);
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.alert || UNGROUPED_KINDS.has(node.kind) || relations[index]! > 1) continue;
    const alert = alertOf[index]!;
    if (alert >= 0) groups.add(nodes[alert]!.id, node.kind as EntityKind, node.id);
  }
  return groups.over(threshold);
}

/** Collects entities into groups by alert and kind, in the order the groups are first met. */
class GroupCollector {
  private readonly graph: IncidentGraph;
  // Nested maps need no key string built per entity.
  private readonly buckets = new Map<string, Map<EntityKind, GroupDefinition>>();
  private readonly groups: GroupDefinition[] = [];

  constructor(graph: IncidentGraph) {
    this.graph = graph;
  }

  add(alertKey: string, kind: EntityKind, id: string): void {
    let byKind = this.buckets.get(alertKey);
    if (!byKind) this.buckets.set(alertKey, (byKind = new Map()));
    let group = byKind.get(kind);
    if (!group) {
      group = {
        id: groupIdFor(this.graph, alertKey, kind),
        alertKey,
        alertId: selectionRefOf(this.graph, alertKey).id,
        kind,
        memberIds: [],
      };
      byKind.set(kind, group);
      this.groups.push(group);
    }
    group.memberIds.push(id);
  }

  /** Returns the groups of more than `threshold` members. */
  over(threshold: number): GroupDefinition[] {
    return this.groups.filter((group) => group.memberIds.length > threshold);
  }
}

/**
 * Returns the key of the only alert that involves an entity, or undefined when the entity is not
 * groupable: no alert or several involve it, or it has more than one relation (a self-loop
 * counts as one).
 */
function groupingAlertOf(graph: IncidentGraph, entityId: string): string | undefined {
  let alertKey: string | undefined;
  let relations = 0;
  let groupable = true;
  graph.forEachEdge(entityId, (_edge, attributes, source) => {
    if (attributes.type !== 'evidence') {
      relations += 1;
      if (relations > 1) groupable = false;
    } else if (alertKey !== undefined && alertKey !== source) {
      groupable = false;
    } else {
      alertKey = source;
    }
  });
  return groupable ? alertKey : undefined;
}

/** Returns `group:<alert key>:<kind>`, with `~` appended while a graph node has that key. */
function groupIdFor(graph: IncidentGraph, alertKey: string, kind: EntityKind): string {
  let id = `group:${alertKey}:${kind}`;
  while (graph.hasNode(id)) id += '~';
  return id;
}

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

type Placements = ReadonlyMap<string, { x: number; y: number }>;

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
  const merged = new Map<string, EdgeView>();
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
    // Length prefixes keep the key unambiguous for any id, at a fraction of JSON's cost.
    const key = `${from.id.length}:${from.id}${to.id.length}:${to.id}${edge.type}`;
    const existing = merged.get(key);
    if (existing) {
      // Most members' edges merge into one, so the roles are copied only when one is new.
      existing.dimmed &&= edge.dimmed;
      if (edge.roles.some((role) => !existing.roles.includes(role))) existing.roles = [...new Set([...existing.roles, ...edge.roles])];
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
      firstSeen: edge.firstSeen,
      curve: 0,
      loopIndex: 0,
      dimmed: edge.dimmed,
      fresh: edge.fresh,
    };
    merged.set(key, view);
    result.push(view);
  }
  return result;
}

/** Returns the visible node of an id, or the collapsed group node that a visible member is in. */
export function nodeOrGroupOf(display: DisplayModel, id: string): NodeView | undefined {
  return display.byId.get(id) ?? display.nodes.find((node) => node.group?.visibleIds.includes(id));
}

/** Returns a node's position as the graph stores it, or undefined for an unknown node. */
export function positionInGraph(graph: IncidentGraph | undefined, id: string): { x: number; y: number } | undefined {
  if (!graph?.hasNode(id)) return undefined;
  const { x, y } = graph.getNodeAttributes(id);
  return x === undefined || y === undefined ? undefined : { x, y };
}

function strongestVerdict(verdicts: ReadonlyArray<Verdict | undefined>): Verdict | undefined {
  return VERDICTS.find((verdict) => verdicts.includes(verdict));
}

/**
 * Returns the selection after a user selects a group: its members alone, or with `additive`,
 * the members added to the selection, or removed from it when all of them were selected.
 */
export function selectGroupMembers(current: Selection, memberIds: readonly string[], additive: boolean): Selection {
  if (!additive) return { entityIds: [...memberIds], alertIds: [] };
  const selected = new Set(current.entityIds);
  const allSelected = memberIds.every((id) => selected.has(id));
  const members = new Set(memberIds);
  const entityIds = allSelected
    ? current.entityIds.filter((id) => !members.has(id))
    : [...current.entityIds, ...memberIds.filter((id) => !selected.has(id))];
  return { entityIds, alertIds: [...current.alertIds] };
}

/**
 * The element's grouping state: the threshold, which groups are expanded, and the groups of the
 * bound graph, found again only after `invalidate` or when the threshold in effect changes.
 */
export class GroupingState {
  private readonly expanded = new Set<string>();
  private cache: { graph: IncidentGraph; threshold: number; groups: GroupDefinition[] } | undefined;
  /** Counts changes of `expanded`, which change where group nodes go. */
  private expandedVersion = 0;
  /**
   * The group nodes' last positions, and the node list, groups and `expandedVersion` they were
   * found for. Moving the time cursor keeps all three, so it takes the positions from here. The
   * nodes' positions change in place, so `moveGroupNodes`, which follows every such move,
   * replaces or drops this.
   */
  private placed:
    | { nodes: readonly NodeView[]; groups: readonly GroupDefinition[]; expandedVersion: number; placements: Placements }
    | undefined;

  /** Forgets the groups found, after the graph's nodes or edges changed. */
  invalidate(): void {
    this.cache = undefined;
    this.placed = undefined;
  }

  /** Forgets everything, for a new graph: every group starts collapsed. */
  reset(): void {
    this.cache = undefined;
    this.placed = undefined;
    this.expanded.clear();
    this.expandedVersion += 1;
  }

  groupsOf(graph: IncidentGraph | undefined, threshold: number): readonly GroupDefinition[] {
    return runToEnd(this.groupsOfSteps(graph, threshold));
  }

  /** Returns the groups like `groupsOf`, finding them in slices when they are not known yet. */
  *groupsOfSteps(graph: IncidentGraph | undefined, threshold: number, base?: BaseModel): Steps<readonly GroupDefinition[]> {
    if (!graph) return [];
    const effective = effectiveGroupThreshold(threshold, graph.order);
    if (this.cache?.graph !== graph || this.cache.threshold !== effective) {
      const groups = yield* findGroupsSteps(graph, effective, base);
      this.cache = { graph, threshold: effective, groups };
    }
    return this.cache.groups;
  }

  find(graph: IncidentGraph | undefined, threshold: number, groupId: string): GroupDefinition | undefined {
    return this.groupsOf(graph, threshold).find((group) => group.id === groupId);
  }

  list(graph: IncidentGraph | undefined, threshold: number): GroupInfo[] {
    return this.groupsOf(graph, threshold).map((group) => ({
      id: group.id,
      alertId: group.alertId,
      kind: group.kind,
      memberIds: [...group.memberIds],
      expanded: this.expanded.has(group.id),
    }));
  }

  /** Expands or collapses one group and returns true when that changed anything. */
  setExpanded(groupId: string, expanded: boolean): boolean {
    if (this.expanded.has(groupId) === expanded) return false;
    if (expanded) this.expanded.add(groupId);
    else this.expanded.delete(groupId);
    this.expandedVersion += 1;
    return true;
  }

  /** Expands every group found now. A group that forms later starts collapsed. */
  expandAll(graph: IncidentGraph | undefined, threshold: number): void {
    for (const group of this.groupsOf(graph, threshold)) this.expanded.add(group.id);
    this.expandedVersion += 1;
  }

  collapseAll(): void {
    this.expanded.clear();
    this.expandedVersion += 1;
  }

  /**
   * Returns what a user's toggle on a node does. A collapsed group node expands, and its first
   * member becomes the active node. A member of an expanded group collapses it, and the group
   * node becomes the active node. Returns undefined for any other node.
   */
  toggleTarget(
    graph: IncidentGraph | undefined,
    threshold: number,
    node: NodeView | undefined,
  ): { groupId: string; expand: boolean; activeId: string | undefined } | undefined {
    if (!node || node.alert) return undefined;
    if (node.group) return { groupId: node.id, expand: true, activeId: node.group.visibleIds[0] };

    const group = this.groupsOf(graph, threshold).find(
      (candidate) => this.expanded.has(candidate.id) && candidate.memberIds.includes(node.id),
    );
    return group ? { groupId: group.id, expand: false, activeId: group.id } : undefined;
  }

  /** Applies the collapsed groups to a display model built without them, labelled in the locale of `format`. */
  apply(
    model: DisplayModel,
    graph: IncidentGraph | undefined,
    threshold: number,
    positionOf: (id: string) => { x: number; y: number } | undefined,
    format: LocaleFormat,
  ): DisplayModel {
    return runToEnd(this.applySteps(model, graph, threshold, positionOf, format));
  }

  /** Applies the collapsed groups like `apply`, in slices. `base` is the base model `model` is a view of. */
  *applySteps(
    model: DisplayModel,
    graph: IncidentGraph | undefined,
    threshold: number,
    positionOf: (id: string) => { x: number; y: number } | undefined,
    format: LocaleFormat,
    base?: BaseModel,
  ): Steps<DisplayModel> {
    // Before the layout places anything, no node is visible and finding groups can wait.
    if (model.nodes.length === 0) return model;
    const groups = yield* this.groupsOfSteps(graph, threshold, base);
    const placed = this.placed;
    const current = base !== undefined && placed?.nodes === base.nodes && placed.groups === groups && placed.expandedVersion === this.expandedVersion;
    let placements = current ? placed.placements : undefined;
    if (!placements && base) {
      const collapsed = groups.filter((group) => !this.expanded.has(group.id));
      placements = placeGroupNodes(collapsed, base.nodes, positionOf);
      this.placed = { nodes: base.nodes, groups, expandedVersion: this.expandedVersion, placements };
      yield;
    }
    return yield* collapseGroupsSteps(model, groups, this.expanded, positionOf, format, base?.nodes, placements);
  }

  /**
   * Moves the group nodes of a display model to their places for the current positions, as
   * `collapseGroups` places them, after a layout step or a drag moved nodes. `allNodes` are
   * every node view with a position, visible or not. While `layoutRunning`, group nodes take
   * their members' centroid, which costs far less per frame, and find their place once the
   * layout ends. Returns a new model object over the same nodes, so caches keyed by the model
   * see the change.
   */
  moveGroupNodes(
    model: DisplayModel,
    graph: IncidentGraph | undefined,
    threshold: number,
    allNodes: readonly NodeView[],
    positionOf: (id: string) => { x: number; y: number } | undefined,
    layoutRunning = false,
  ): DisplayModel {
    this.placed = undefined;
    if (!model.nodes.some((node) => node.group)) return { ...model };
    const groups = this.groupsOf(graph, threshold);
    const collapsed = groups.filter((group) => !this.expanded.has(group.id));
    const placements = placeGroupNodes(collapsed, allNodes, positionOf, { centroids: layoutRunning });
    if (!layoutRunning) this.placed = { nodes: allNodes, groups, expandedVersion: this.expandedVersion, placements };
    for (const node of model.nodes) {
      const place = node.group ? placements.get(node.id) : undefined;
      if (!place) continue;
      node.x = place.x;
      node.y = place.y;
    }
    return { ...model };
  }
}
