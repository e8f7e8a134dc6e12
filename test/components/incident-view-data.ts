/**
 * Incidents for the tests of the incident page elements: the project's sample incidents, every
 * published Microsoft Graph payload of the shared data folder that `fromMicrosoftGraph` reads,
 * and generated incidents of any size.
 */

import { fromMicrosoftGraph } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { sampleIncidents } from '../../demo/samples/index.js';
import { readSharedJson } from '../helpers/shared-data.js';

/** The Microsoft Graph payloads of the shared data folder, relative to it. */
export const SHARED_GRAPH_PAYLOADS = [
  'msgraph/graph-v1.0_security-alert-get.response.json',
  'msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json',
  'msgraph/graph-v1.0_security-incident-get.response.json',
  'msgraph/graph-alerts_v2-list.xsoar-mock.json',
] as const;

/** Every snapshot of the project's sample incidents. */
export function sampleSnapshots(): IncidentSnapshot[] {
  return sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload));
}

/** Every snapshot mapped from one shared payload; skips or fails the test when it is missing. */
export async function sharedSnapshots(context: Mocha.Context, path: string): Promise<IncidentSnapshot[]> {
  return fromMicrosoftGraph(await readSharedJson(context, path));
}

/** A ready session on a snapshot. */
export function readySession(snapshot: IncidentSnapshot): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  return session;
}
