/**
 * The selection of `il-incident-graph` as the user changes it: the session's when there is one,
 * else the element's own, with a member of a collapsed group standing for its whole group.
 * DOM-free.
 */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { IncidentSession, Selection } from '../../session/session.js';
import { selectionRefOf } from './display-model.js';
import { selectGroupMembers } from './grouping.js';
import type { GroupingState } from './grouping-state.js';

export const EMPTY_SELECTION: Selection = { entityIds: [], alertIds: [] };

/**
 * Returns the selection after the user picked `nodeId` (undefined for empty space): that node
 * alone, or, when `additive`, the current selection with the node added or removed.
 */
export function nextSelection(
  graph: IncidentGraph,
  current: Selection,
  nodeId: string | undefined,
  additive: boolean,
): Selection {
  if (nodeId === undefined) return EMPTY_SELECTION;
  const ref = selectionRefOf(graph, nodeId);
  if (!additive) {
    return ref.alert ? { entityIds: [], alertIds: [ref.id] } : { entityIds: [ref.id], alertIds: [] };
  }

  const next = { entityIds: [...current.entityIds], alertIds: [...current.alertIds] };
  const ids = ref.alert ? next.alertIds : next.entityIds;
  const index = ids.indexOf(ref.id);
  if (index >= 0) ids.splice(index, 1);
  else ids.push(ref.id);
  return next;
}

/** True when both selections list the same ids in the same order. */
export function sameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]): boolean =>
    x.length === y.length && x.every((id, index) => id === y[index]);
  return same(a.entityIds, b.entityIds) && same(a.alertIds, b.alertIds);
}

/** Inputs of a selection change, read when the user selects. */
export interface SelectionContext {
  graph: IncidentGraph | undefined;
  session: IncidentSession | undefined;
  grouping: GroupingState;
  groupThreshold: number;
}

export class UserSelection {
  private readonly context: () => SelectionContext;
  private readonly changed: (next: Selection) => void;
  private local: Selection = EMPTY_SELECTION;

  /** `changed` runs after each selection the user made that differs from the one before. */
  constructor(context: () => SelectionContext, changed: (next: Selection) => void) {
    this.context = context;
    this.changed = changed;
  }

  /** Returns the selection in effect: the session's, or the element's own without a session. */
  current(): Selection {
    return this.context().session?.selection ?? this.local;
  }

  /** Clears the element's own selection, for a new graph. */
  reset(): void {
    this.local = EMPTY_SELECTION;
  }

  /** Selects one node, or clears the selection for undefined. `additive` toggles the node in it. */
  select(nodeId: string | undefined, additive: boolean): void {
    const { graph, grouping, groupThreshold } = this.context();
    if (!graph) return;
    const group = nodeId === undefined ? undefined : grouping.find(graph, groupThreshold, nodeId);
    const current = this.current();
    this.commit(group ? selectGroupMembers(current, group.memberIds, additive) : nextSelection(graph, current, nodeId, additive));
  }

  /** Selects many nodes (box selection, Ctrl+A), added to the selection when `additive`. */
  selectNodes(nodeKeys: readonly string[], additive: boolean): void {
    const { graph, grouping, groupThreshold } = this.context();
    if (!graph) return;
    const keys = nodeKeys.flatMap((key) => grouping.find(graph, groupThreshold, key)?.memberIds ?? [key]);
    this.commit(selectionOfNodes(graph, this.current(), keys, additive));
  }

  private commit(next: Selection): void {
    if (sameSelection(next, this.current())) return;

    const session = this.context().session;
    if (session) session.select(next);
    else this.local = next;
    this.changed(next);
  }
}

/**
 * Returns the selection of the nodes `nodeKeys`, added to `current` when `additive` is set. The
 * order of `current` is kept, and new ids follow in the order given.
 */
export function selectionOfNodes(
  graph: IncidentGraph,
  current: Selection,
  nodeKeys: readonly string[],
  additive: boolean,
): Selection {
  const entityIds = additive ? [...current.entityIds] : [];
  const alertIds = additive ? [...current.alertIds] : [];
  for (const key of nodeKeys) {
    if (!graph.hasNode(key)) continue;
    const ref = selectionRefOf(graph, key);
    const ids = ref.alert ? alertIds : entityIds;
    if (!ids.includes(ref.id)) ids.push(ref.id);
  }
  return { entityIds, alertIds };
}
