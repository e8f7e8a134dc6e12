/**
 * Incidents for the tests of the incident page elements: the project's sample incidents and the
 * published payloads of the shared data folder, each with the mapper that reads it.
 */

import {
  fromAdvancedHunting,
  fromDefender,
  fromMicrosoftGraph,
  fromOcsf,
  fromSentinel,
  fromStix,
} from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { sampleIncidents } from '../../demo/samples/index.js';
import { readSharedJson, readSharedText } from '../helpers/shared-data.js';

/** The Microsoft Graph payloads of the shared data folder, relative to it. */
export const SHARED_GRAPH_PAYLOADS = [
  'msgraph/graph-v1.0_security-alert-get.response.json',
  'msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json',
  'msgraph/graph-v1.0_security-incident-get.response.json',
  'msgraph/graph-alerts_v2-list.xsoar-mock.json',
] as const;

/** Maps the project's sample incidents to snapshots. */
export function sampleSnapshots(): IncidentSnapshot[] {
  return sampleIncidents.flatMap((payload) => fromMicrosoftGraph(payload));
}

/**
 * Maps one Microsoft Graph payload of the shared data folder to snapshots. A missing file skips
 * the test locally and fails it on CI.
 */
export async function sharedSnapshots(context: Mocha.Context, path: string): Promise<IncidentSnapshot[]> {
  return fromMicrosoftGraph(await readSharedJson(context, path));
}

/** A mapper from a parsed payload, or NDJSON text, to incident snapshots. */
export type PayloadMapper = (payload: unknown) => IncidentSnapshot[];

/** Every payload of the shared data folder that a mapper reads, with that mapper. NDJSON goes in as text. */
export const MAPPED_PAYLOADS: ReadonlyArray<[path: string, map: PayloadMapper]> = [
  ['msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json', fromMicrosoftGraph],
  ['msgraph/graph-v1.0_security-incident-get.response.json', fromMicrosoftGraph],
  ['msgraph/graph-v1.0_security-alert-get.response.json', fromMicrosoftGraph],
  ['msgraph/graph-alerts_v2-list.xsoar-mock.json', fromMicrosoftGraph],
  ['defender/defender-xdr-api_list-incidents.response.json', fromDefender],
  ['defender/mde-api_list-alerts-expand-evidence.response.json', fromDefender],
  ['defender/m365d-streaming_alertinfo-alertevidence-deviceprocessevents.ndjson', (payload) => fromAdvancedHunting(payload)],
  ['sentinel/sentinel-rest-2024-03-01_GetIncidentById.example.json', fromSentinel],
  ['sentinel/sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json', fromSentinel],
  ['sentinel/sentinel-rest-2024-01-01-preview_GetEntities.example.json', fromSentinel],
  ['sentinel/sentinel-securityalert-row.eventhub.ndjson', fromSentinel],
  ['sentinel/sentinel-rest-2024-01-01-preview_PostTimelineEntity.example.json', fromSentinel],
  ['ocsf/ocsf-1.1.0_detection-finding_aws-securityhub-guardduty.ocsf.json', fromOcsf],
  ['ocsf/ocsf-1.3.0_detection-finding_okta.ocsf.json', fromOcsf],
  ['ocsf/ocsf_security-finding-2001_securityscorecard.json', fromOcsf],
  ['ocsf/ocsf-1.0.0-rc2_process-activity-1007_windows-4688.json', fromOcsf],
  ['stix/cti-documentation_apt1.json', fromStix],
  ['stix/cti-documentation_malware-indicator-for-file-hash.json', fromStix],
  ['stix/cti-documentation_sighting-of-an-indicator.json', fromStix],
  ['stix/cti-documentation_sighting-of-observed-data.json', fromStix],
  ['stix/cti-documentation_threat-actor-leveraging-attack-patterns-and-malware.json', fromStix],
  ['stix/cti-stix-common-objects_incident-core_incident-with-cyber-observables.json', fromStix],
  ['stix/cti-stix-common-objects_incident-core_incident_sample_activity.json', fromStix],
  ['stix/cti-stix2-json-schemas_indicators-for-C2-with-COA.json', fromStix],
  ['stix/cti-stix2-json-schemas_infrastructure.json', fromStix],
  ['stix/cti-stix2-json-schemas_malicious-email-indicator-with-attachment.json', fromStix],
];

/** Maps one payload of `MAPPED_PAYLOADS`. A missing file skips the test locally and fails it on CI. */
export async function mappedSnapshots(context: Mocha.Context, path: string, map: PayloadMapper): Promise<IncidentSnapshot[]> {
  const payload = path.endsWith('.ndjson') ? await readSharedText(context, path) : await readSharedJson(context, path);
  return map(payload);
}

/** Creates a ready session on `snapshot`. */
export function readySession(snapshot: IncidentSnapshot): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  return session;
}
