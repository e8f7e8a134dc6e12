/**
 * Remediation actions of the sample incidents that wait for an analyst's approval. A Microsoft
 * Graph incident does not carry them (Defender lists them in its Action center), so the demo
 * adds them to the snapshots that `fromMicrosoftGraph` makes of the samples. Each one names the
 * entity whose evidence has the remediation status `pendingApproval`, by the id that the Graph
 * mapper gives it.
 */

import type { IncidentSnapshot, PendingAction } from '../../src/model/types.js';

/** Pending actions by incident id. */
export const samplePendingActions: Readonly<Record<string, readonly PendingAction[]>> = {
  // The rundll32.exe that dumped the memory of lsass.exe.
  '48213': [
    {
      id: 'pending-48213-1',
      action: 'Stop process and quarantine its file',
      entityId: 'process:4f1c2a7e9b0d3c8e6a5f1b2c3d4e5f6a7b8c9d01:9032:1773140535500',
      requestedBy: 'Automated investigation',
      requestedTime: Date.parse('2026-03-10T11:20:04Z'),
      status: 'pending',
    },
  ],
  // The mailbox that received the forwarding rule.
  '48377': [
    {
      id: 'pending-48377-1',
      action: 'Remove inbox forwarding rule',
      entityId: 'mailbox:jordan.reyes@contoso.com',
      requestedBy: 'Automated investigation',
      requestedTime: Date.parse('2026-04-21T15:02:40Z'),
      status: 'pending',
    },
  ],
  // The phishing campaign's messages that zero-hour auto purge did not remove.
  '48561': [
    {
      id: 'pending-48561-1',
      action: 'Soft delete e-mail messages',
      entityId: 'mailCluster:subject:shared file: q2 price list revision',
      requestedBy: 'Automated investigation',
      requestedTime: Date.parse('2026-05-12T09:05:10Z'),
      status: 'pending',
    },
  ],
};

/** Returns the snapshot with the sample pending actions of its incident, or the snapshot itself when there are none. */
export function withSamplePendingActions(snapshot: IncidentSnapshot): IncidentSnapshot {
  const pendingActions = samplePendingActions[snapshot.incident.id];
  if (pendingActions === undefined) return snapshot;
  return { ...snapshot, pendingActions: [...(snapshot.pendingActions ?? []), ...pendingActions] };
}
