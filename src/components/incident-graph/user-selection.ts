/** Selection arithmetic of `il-incident-graph` for clicks and keys: replace, toggle, compare. DOM-free. */

import type { IncidentGraph } from '../../model/graph-types.js';
import type { Selection } from '../../session/session.js';
import { selectionRefOf } from './display-model.js';

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
