/**
 * Simulated live updates for the demo: made-up patches that an adapter's `subscribe` could
 * deliver while an analyst has the incident open. Each patch adds an alert about an outbound
 * connection from an entity already in the incident to a new IP address, and every second
 * patch raises the verdict of an entity that had none or `unknown`. The new addresses come from
 * 198.18.0.0/15, the benchmarking range, so they do not collide with the samples' addresses.
 */

import type { Alert, Entity, IncidentPatch, IncidentSnapshot } from '../src/model/types.js';

const MINUTE = 60_000;

/** Builds patch number `sequence` (from 1) for `snapshot`, or undefined for an incident without entities. */
export function simulatedPatch(snapshot: IncidentSnapshot, sequence: number): IncidentPatch | undefined {
  const anchor = anchorEntity(snapshot, sequence);
  if (anchor === undefined) return undefined;

  const address = `198.18.0.${(sequence % 254) + 1}`;
  const ip: Entity = {
    id: `ip:${address}`,
    kind: 'ip',
    displayName: address,
    properties: { ipAddress: address },
    verdict: 'suspicious',
  };

  const time = latestTime(snapshot) + sequence * MINUTE;
  const alert: Alert = {
    id: `live-${snapshot.incident.id}-${sequence}`,
    title: `Live update ${sequence}: outbound connection to ${address}`,
    severity: sequence % 3 === 0 ? 'high' : 'medium',
    status: 'new',
    category: 'CommandAndControl',
    mitreTechniques: ['T1071'],
    firstActivityTime: time,
    lastActivityTime: time,
    detectionSource: 'demo live simulation',
    relatedAlertIds: [],
    evidence: [
      { entityId: anchor.id, roles: ['source'] },
      { entityId: ip.id, roles: ['destination'], verdict: 'suspicious' },
    ],
  };

  const patch: IncidentPatch = {
    alerts: [alert],
    entities: [ip],
    relations: [{ source: anchor.id, target: ip.id, type: 'communicatesWith', firstSeen: time }],
  };

  if (sequence % 2 === 0) {
    const raised = snapshot.entities.find((entity) => entity.verdict === undefined || entity.verdict === 'unknown');
    if (raised !== undefined) patch.entities!.push({ ...raised, verdict: 'suspicious' });
  }
  return patch;
}

/** Picks a device when the incident has one, else any entity that is not a ghost, in turn. */
function anchorEntity(snapshot: IncidentSnapshot, sequence: number): Entity | undefined {
  const real = snapshot.entities.filter((entity) => entity.ghost !== true && !entity.id.startsWith('ip:198.18.0.'));
  const devices = real.filter((entity) => entity.kind === 'device');
  const pool = devices.length > 0 ? devices : real;
  return pool.length === 0 ? undefined : pool[sequence % pool.length];
}

function latestTime(snapshot: IncidentSnapshot): number {
  const times = snapshot.alerts
    .flatMap((alert) => [alert.firstActivityTime, alert.lastActivityTime])
    .filter((time): time is number => time !== undefined);
  return times.length === 0 ? Date.now() : Math.max(...times);
}
