/** An incident for the grouping tests: the graph fixture plus entities that group on one alert. */

import type { Entity, IncidentSnapshot, Verdict } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { createFixtureSnapshot, INCIDENT_START } from '../fixtures/graph-snapshot.js';

const MINUTE = 60_000;

/** Returns the time `minutes` after the fixture incident's start. */
export const at = (minutes: number): number => INCIDENT_START + minutes * MINUTE;

/**
 * The files the C2 alert (minute 45) gains, first seen one a minute from minute 36 on, since an
 * entity first exists no later than the first alert that involves it. The last one is the image
 * file of the payload process.
 */
export const EXTRA_FILE_IDS = Array.from({ length: 8 }, (_, index) => `file-extra-${index}`);

/** Id of the group the eight files form. */
export const GROUP_ID = 'group:alert-c2:file';

/**
 * Returns the fixture incident plus, on the C2 alert: the eight extra files (one malicious),
 * three leaf IP addresses (below the default threshold), a file that the payload alert involves
 * too, and a file with relations to two processes. Only the eight extra files group by default.
 */
export function groupedSnapshot(): IncidentSnapshot {
  const snapshot = createFixtureSnapshot();
  const verdicts: Verdict[] = ['clean', 'suspicious', 'malicious', 'clean', 'unknown', 'clean', 'clean', 'clean'];
  const extra: Entity[] = EXTRA_FILE_IDS.map((id, index) => ({
    id,
    kind: 'file',
    displayName: `dropped-${index}.dll`,
    verdict: verdicts[index]!,
    firstSeen: at(36 + index),
    properties: {},
  }));
  for (const index of [0, 1, 2]) {
    extra.push({ id: `ip-extra-${index}`, kind: 'ip', displayName: `198.51.100.${index + 1}`, firstSeen: at(45), properties: {} });
  }
  extra.push({ id: 'file-shared', kind: 'file', displayName: 'shared.dll', firstSeen: at(45), properties: {} });
  extra.push({ id: 'file-related', kind: 'file', displayName: 'related.dll', firstSeen: at(45), properties: {} });
  snapshot.entities.push(...extra);

  const c2 = snapshot.alerts.find((alert) => alert.id === 'alert-c2')!;
  for (const entity of extra) c2.evidence.push({ entityId: entity.id, roles: ['contextual'] });
  snapshot.alerts.find((alert) => alert.id === 'alert-payload')!.evidence.push({ entityId: 'file-shared', roles: ['contextual'] });
  snapshot.relations.push({ source: 'process-payload', target: 'file-related', type: 'communicatesWith' });
  snapshot.relations.push({ source: 'process-powershell', target: 'file-related', type: 'communicatesWith' });
  snapshot.relations.push({ source: 'process-payload', target: EXTRA_FILE_IDS[7]!, type: 'imageFile' });
  return snapshot;
}

export function groupedSession(): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(groupedSnapshot());
  return session;
}
