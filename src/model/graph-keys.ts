/**
 * Node keys of the incident graph. Kept apart from `build-graph.ts`, so that code which reads a
 * graph, such as `il-incident-graph`, does not bring graphology into a page's bundle with it.
 */

/** Prefix of an alert's node key when the alert id is also an entity id. */
export const ALERT_KEY_PREFIX = 'alert:';

/** Returns the node key of an alert: its id, or `alert:<id>` when an entity has that id. */
export function alertNodeKey(alertId: string, entityIds: ReadonlySet<string>): string {
  return entityIds.has(alertId) ? `${ALERT_KEY_PREFIX}${alertId}` : alertId;
}
