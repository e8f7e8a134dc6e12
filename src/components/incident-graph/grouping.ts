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

import { ENTITY_KINDS, type EntityKind } from '../../model/types.js';
import type { IncidentGraph } from '../../model/graph-types.js';
import { forEachNodeSteps } from '../../model/graph-steps.js';
import type { Selection } from '../../session/session.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings, verdictLabel } from '../shared/strings.js';
import { runToEnd, SLICE_ITEMS, type Steps } from './slices.js';
import { EDGE_EVIDENCE } from './edge-table.js';
import { selectionRefOf, type BaseModel, type DisplayModel, type NodeView } from './display-model.js';

const KIND_INDEXES: ReadonlyMap<string, number> = new Map(ENTITY_KINDS.map((kind, index) => [kind, index]));

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
  /**
   * Each member's place in the graph's order when the groups were found from a base model
   * (its `graphIndex` there), beside `memberIds`. A collapse tries it before a lookup by id.
   */
  memberIndexes?: number[];
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

  // Candidates are gathered in a pass of their own, so the loop below reads arrays.
  const candidates: string[] = [];
  const kinds: EntityKind[] = [];
  yield* forEachNodeSteps(graph, (id, attributes) => {
    if (attributes.kind === 'alert' || UNGROUPED_KINDS.has(attributes.kind)) return;
    candidates.push(id);
    kinds.push(attributes.kind);
  });

  for (let index = 0; index < candidates.length; index++) {
    if ((index + 1) % SLICE_ITEMS === 0) yield;
    const id = candidates[index]!;
    const kind = kinds[index]!;
    const alertKey = groupingAlertOf(graph, id);
    if (alertKey !== undefined) groups.add(alertKey, kind, id);
  }
  return yield* groups.overSteps(threshold);
}

/**
 * Finds the groups of a base model that contains every node of the graph, and so every edge. Per
 * node, typed arrays count its relations and record the one alert whose evidence reaches it
 * (-1 for none, -2 for several), as `groupingAlertOf` does edge by edge.
 */
function* findGroupsInBaseSteps(base: BaseModel, threshold: number): Steps<GroupDefinition[]> {
  const nodes = base.graphOrder;
  const relations = new Int32Array(nodes.length);
  const alertOf = new Int32Array(nodes.length).fill(-1);
  const reach = (index: number, alert: number): void => {
    const current = alertOf[index]!;
    if (current === -1) alertOf[index] = alert;
    else if (current !== alert) alertOf[index] = -2;
  };

  const { edges } = base;
  for (let row = 0; row < edges.length; row++) {
    if ((row + 1) % (SLICE_ITEMS * 2) === 0) yield;
    // The base's node indexes are places in the graph's order, as `graphIndex`.
    const source = edges.sources[row]!;
    const target = edges.targets[row]!;
    if ((edges.flags[row]! & EDGE_EVIDENCE) !== 0) {
      reach(source, source);
      if (target !== source) reach(target, source);
    } else {
      relations[source] += 1;
      if (target !== source) relations[target] += 1;
    }
  }
  yield;

  const groups = new GroupCollector(base.graph);
  for (let from = 0; from < nodes.length; from += SLICE_ITEMS) {
    collectMembers(nodes, from, Math.min(nodes.length, from + SLICE_ITEMS), relations, alertOf, groups);
    yield;
  }
  return yield* groups.overSteps(threshold);
}

/**
 * Adds the groupable nodes `from` to `to` (not included) of a base's graph order to their
 * groups. A plain function rather than a loop in the generator, which V8 runs slower.
 */
function collectMembers(
  nodes: readonly NodeView[],
  from: number,
  to: number,
  relations: Int32Array,
  alertOf: Int32Array,
  groups: GroupCollector,
): void {
  for (let index = from; index < to; index++) {
    const node = nodes[index]!;
    if (node.alert || UNGROUPED_KINDS.has(node.kind) || relations[index]! > 1) continue;
    const alert = alertOf[index]!;
    if (alert >= 0) groups.addAt(alert, nodes[alert]!.id, node.kind as EntityKind, node.id, index);
  }
}

/** Collects entities into groups by alert and kind, in the order the groups are first met. */
class GroupCollector {
  private readonly graph: IncidentGraph;
  // Nested maps need no key string built per entity.
  private readonly buckets = new Map<string, Map<EntityKind, GatheredGroup>>();
  private readonly byIndex = new Map<number, GatheredGroup>();
  private readonly gathered: GatheredGroup[] = [];

  constructor(graph: IncidentGraph) {
    this.graph = graph;
  }

  add(alertKey: string, kind: EntityKind, id: string): void {
    let byKind = this.buckets.get(alertKey);
    if (!byKind) this.buckets.set(alertKey, (byKind = new Map()));
    let group = byKind.get(kind);
    if (!group) byKind.set(kind, (group = this.open(alertKey, kind)));
    group.memberIds.push(id);
  }

  /**
   * Adds a member like `add`, for an alert and a member known by their places in the graph's
   * order. A number keys the group, which spares the hash of two strings per member.
   */
  addAt(alertIndex: number, alertKey: string, kind: EntityKind, id: string, memberIndex: number): void {
    const key = alertIndex * ENTITY_KINDS.length + KIND_INDEXES.get(kind)!;
    let group = this.byIndex.get(key);
    if (!group) this.byIndex.set(key, (group = this.open(alertKey, kind)));
    group.memberIds.push(id);
    (group.memberIndexes ??= []).push(memberIndex);
  }

  private open(alertKey: string, kind: EntityKind): GatheredGroup {
    const group: GatheredGroup = { alertKey, kind, memberIds: [], memberIndexes: undefined };
    this.gathered.push(group);
    return group;
  }

  /**
   * Returns the groups of more than `threshold` members. Their ids are made here, for those
   * groups only, since most alerts have only a few members of a kind.
   */
  *overSteps(threshold: number): Steps<GroupDefinition[]> {
    const groups: GroupDefinition[] = [];
    // Indexed: `for...of` inside a generator allocates an iterator result per item.
    for (let index = 0; index < this.gathered.length; index++) {
      // Each group over the threshold costs two or three lookups in the graph.
      if ((index + 1) % SLICE_ITEMS === 0) yield;
      const { alertKey, kind, memberIds, memberIndexes } = this.gathered[index]!;
      if (memberIds.length <= threshold) continue;
      const group: GroupDefinition = {
        id: groupIdFor(this.graph, alertKey, kind),
        alertKey,
        alertId: selectionRefOf(this.graph, alertKey).id,
        kind,
        memberIds,
      };
      if (memberIndexes) group.memberIndexes = memberIndexes;
      groups.push(group);
    }
    return groups;
  }
}

/** Members of one alert and kind, gathered before the threshold applies. */
interface GatheredGroup {
  alertKey: string;
  kind: EntityKind;
  memberIds: string[];
  memberIndexes: number[] | undefined;
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
