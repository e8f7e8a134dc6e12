/**
 * The grouping state of `il-incident-graph`: the groups of the bound graph, which of them the
 * user or the host expanded, and where their group nodes go. DOM-free.
 */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { runToEnd, type Steps } from './slices.js';
import { placeGroupNodesSteps } from './group-placement.js';
import type { BaseModel, DisplayModel, NodeView } from './display-model.js';
import type { EdgeTable } from './edge-table.js';
import { collapseGroupsSteps, type Placements } from './group-collapse.js';
import { effectiveGroupThreshold, findGroupsSteps, type GroupDefinition, type GroupInfo } from './grouping.js';

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
   * nodes' positions change in place, so `moveGroupNodesSteps`, which follows every such move,
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
      placements = yield* placeGroupNodesSteps(collapsed, base.nodes, positionOf, { edges: base.edges, graphOrder: base.graphOrder });
      this.placed = { nodes: base.nodes, groups, expandedVersion: this.expandedVersion, placements };
      yield;
    }
    return yield* collapseGroupsSteps(model, groups, this.expanded, positionOf, format, base?.nodes, placements);
  }

  /**
   * Moves the group nodes of a display model to their places for the current positions, as
   * `collapseGroups` places them, after a layout step or a drag moved nodes. `allNodes` are
   * every node view with a position, visible or not, and `edges` the edges among them, which
   * group nodes keep clear of. While `layoutRunning`, group nodes take their members'
   * centroid, which costs far less per frame, and find their place once the layout ends.
   * Returns a new model object over the same nodes, so caches keyed by the model see the change.
   * The search for their places yields between slices.
   */
  *moveGroupNodesSteps(
    model: DisplayModel,
    graph: IncidentGraph | undefined,
    threshold: number,
    allNodes: readonly NodeView[],
    positionOf: (id: string) => { x: number; y: number } | undefined,
    options: { layoutRunning?: boolean; edges?: EdgeTable; graphOrder?: readonly NodeView[] } = {},
  ): Steps<DisplayModel> {
    const layoutRunning = options.layoutRunning === true;
    this.placed = undefined;
    const groupNodes = groupNodesOf(model.nodes);
    if (groupNodes.length === 0) return { ...model };
    const groups = this.groupsOf(graph, threshold);
    const collapsed = groups.filter((group) => !this.expanded.has(group.id));
    const placements = yield* placeGroupNodesSteps(collapsed, allNodes, positionOf, {
      centroids: layoutRunning,
      edges: options.edges,
      graphOrder: options.graphOrder,
    });
    if (!layoutRunning) this.placed = { nodes: allNodes, groups, expandedVersion: this.expandedVersion, placements };
    for (const node of groupNodes) {
      const place = placements.get(node.id);
      if (!place) continue;
      node.x = place.x;
      node.y = place.y;
    }
    return { ...model };
  }
}

/** The group nodes of a display model's node list. Moves keep the list, so a layout's frames find them once. */
const groupNodesByList = new WeakMap<readonly NodeView[], NodeView[]>();

/** True when a display model shows a group node. */
export function hasGroupNodes(model: DisplayModel): boolean {
  return groupNodesOf(model.nodes).length > 0;
}

function groupNodesOf(nodes: readonly NodeView[]): NodeView[] {
  let groupNodes = groupNodesByList.get(nodes);
  if (!groupNodes) groupNodesByList.set(nodes, (groupNodes = nodes.filter((node) => node.group)));
  return groupNodes;
}
