/**
 * STIX objects to alerts. STIX has no alert object: an `indicator` is a detection (its pattern
 * names what it matches), and a `sighting` records that something was seen, when and where.
 * Both become alerts, and so does the activity an incident's Incident Core Extension records.
 */

import { describeValue, parseTimeField } from '../../model/time.js';
import type { Alert, AlertStoryEvent, DataIssue, Severity, Verdict } from '../../model/types.js';
import { setString, setTime } from '../shared/incident-fields.js';
import { isAbsent, readNumber, readRecordArray, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';
import type { StixObject } from './bundle.js';
import { displayName, externalUrl, referenced } from './entities.js';
import { patternObservables } from './pattern.js';
import type { RefLocation, StixScope } from './scope.js';

/** Verdicts of the indicator types (`indicator-type-ov`) that state one, strongest first. */
const INDICATOR_VERDICTS: ReadonlyArray<[string, Verdict]> = [
  ['malicious-activity', 'malicious'],
  ['compromised', 'malicious'],
  ['attribution', 'malicious'],
  ['anomalous-activity', 'suspicious'],
  ['anonymization', 'suspicious'],
  ['benign', 'clean'],
  ['unknown', 'unknown'],
];

/**
 * Returns the verdict an indicator gives the objects its pattern names: the strongest its
 * `indicator_types` state, else `undefined`. STIX 2.0 wrote these types in `labels`, so labels
 * count too. The vocabulary is open, so other types are not reported.
 */
export function indicatorVerdict(raw: JsonRecord): Verdict | undefined {
  const types = new Set([...readStringArray(raw.indicator_types), ...readStringArray(raw.labels)].map((type) => type.toLowerCase()));
  return INDICATOR_VERDICTS.find(([type]) => types.has(type))?.[1];
}

/**
 * Maps `confidence` (0 to 100) to a severity by the STIX 2.1 "None / Low / Med / High" scale:
 * 0 is unknown, 1–29 low, 30–69 medium, 70–100 high. STIX has no severity, so this is the
 * closest measure. A value that is not an integer from 0 to 100 is reported.
 */
export function confidenceSeverity(raw: JsonRecord, id: string, issues: DataIssue[]): Severity {
  if (isAbsent(raw.confidence)) return 'unknown';
  const confidence = readNumber(raw.confidence);
  if (confidence === undefined || !Number.isInteger(confidence) || confidence < 0 || confidence > 100) {
    issues.push({ id, field: 'confidence', problem: `invalid confidence ${describeValue(raw.confidence)} (expected an integer from 0 to 100); severity shown as unknown` });
    return 'unknown';
  }
  if (confidence === 0) return 'unknown';
  if (confidence < 30) return 'low';
  if (confidence < 70) return 'medium';
  return 'high';
}

/** Returns the first kill chain phase name of an object, for example `initial-compromise`. */
function killChainPhase(raw: JsonRecord | undefined): string | undefined {
  return readRecordArray(raw?.kill_chain_phases)
    .map((phase) => readString(phase.phase_name))
    .find((name) => name !== undefined);
}

/** Builds the fields every STIX alert shares, from the object it comes from. */
function baseAlert(scope: StixScope, object: StixObject, id: string, title: string): Alert {
  const { raw } = object;
  const issues = scope.builder.issues;
  const alert: Alert = {
    id,
    title,
    severity: confidenceSeverity(raw, object.id, issues),
    status: raw.revoked === true ? 'revoked' : 'unknown',
    mitreTechniques: [],
    relatedAlertIds: [],
    evidence: [],
  };
  setString(alert, 'description', raw.description);
  setString(alert, 'serviceSource', referenced(scope.objects, raw.created_by_ref)?.raw.name);
  setTime(alert, 'createdTime', raw.created, issues, object.id, 'created');
  const webUrl = externalUrl(raw);
  if (webUrl !== undefined) alert.webUrl = webUrl;
  return alert;
}

/**
 * Maps an indicator: the objects its pattern names are its evidence (role `pattern`), with the
 * verdict of its `indicator_types`. Its activity starts at `valid_from`.
 */
export function addIndicator(scope: StixScope, object: StixObject): Alert {
  const { raw, id } = object;
  const issues = scope.builder.issues;
  const pattern = readString(raw.pattern);
  const alert = baseAlert(scope, object, id, readString(raw.name) ?? pattern ?? `Indicator ${id}`);
  setString(alert, 'category', killChainPhase(raw));
  setString(alert, 'detectionSource', raw.pattern_type);
  setTime(alert, 'firstActivityTime', raw.valid_from, issues, id, 'valid_from');
  scope.builder.alerts.push(alert);
  scope.alerts.set(id, alert);

  if (pattern === undefined) {
    issues.push({ id, field: 'pattern', problem: 'indicator without a pattern; it names no entity' });
    return alert;
  }
  const patternType = readString(raw.pattern_type)?.toLowerCase() ?? 'stix';
  if (patternType !== 'stix') return alert;

  const verdict = indicatorVerdict(raw);
  for (const observable of patternObservables(pattern)) {
    const entityId = scope.addObservable(observable, verdict);
    scope.builder.addEvidence(alert, verdict === undefined ? { entityId, roles: ['pattern'] } : { entityId, roles: ['pattern'], verdict });
  }
  return alert;
}

/**
 * Maps a sighting: what was sighted (`sighting_of_ref`, role `sightingOf`), the objects of its
 * `observed_data_refs` (role `observed`) and where it was sighted (`where_sighted_refs`, role
 * `whereSighted`). A sighting of an indicator involves what the indicator names, and lists the
 * indicator's alert as related. Observed objects get the verdict of what was sighted.
 */
export function addSighting(scope: StixScope, object: StixObject): Alert {
  const { raw, id } = object;
  const issues = scope.builder.issues;
  if (isAbsent(raw.sighting_of_ref)) issues.push({ id, field: 'sighting_of_ref', problem: 'sighting without sighting_of_ref' });
  const sighted = isAbsent(raw.sighting_of_ref) ? undefined : scope.object(raw.sighting_of_ref, { id, field: 'sighting_of_ref' });
  const sightedName = sighted === undefined ? undefined : displayName(sighted, scope.objects);

  const alert = baseAlert(scope, object, id, readString(raw.name) ?? `Sighting of ${sightedName ?? 'an unknown object'}`);
  setString(alert, 'category', killChainPhase(sighted?.raw));
  setString(alert, 'description', sighted?.raw.description);
  setTime(alert, 'firstActivityTime', raw.first_seen, issues, id, 'first_seen');
  setTime(alert, 'lastActivityTime', raw.last_seen, issues, id, 'last_seen');
  scope.builder.alerts.push(alert);
  scope.alerts.set(id, alert);

  let verdict: Verdict | undefined;
  const sightedAlert = sighted === undefined ? undefined : scope.alerts.get(sighted.id);
  if (sightedAlert !== undefined) {
    alert.relatedAlertIds.push(sightedAlert.id);
    verdict = indicatorVerdict(sighted!.raw);
    for (const item of sightedAlert.evidence) scope.builder.addEvidence(alert, { ...item, roles: ['sightingOf'] });
  } else if (sighted !== undefined) {
    verdict = sighted.type === 'malware' ? 'malicious' : undefined;
    for (const entityId of scope.entityIds(sighted.id, { id, field: 'sighting_of_ref' })) {
      scope.builder.addEvidence(alert, verdict === undefined ? { entityId, roles: ['sightingOf'] } : { entityId, roles: ['sightingOf'], verdict });
    }
  }

  addRefEvidence(scope, alert, { id, field: 'observed_data_refs' }, raw.observed_data_refs, 'observed', verdict);
  addRefEvidence(scope, alert, { id, field: 'where_sighted_refs' }, raw.where_sighted_refs, 'whereSighted', undefined);
  alert.story = { whatHappened: sightingSummary(raw, sightedName, alert) };

  const count = readNumber(raw.count);
  if (!isAbsent(raw.count) && (count === undefined || !Number.isInteger(count) || count < 0 || count > 999_999_999)) {
    issues.push({ id, field: 'count', problem: `invalid count ${describeValue(raw.count)} (expected an integer from 0 to 999999999)` });
  }
  return alert;
}

function sightingSummary(raw: JsonRecord, sightedName: string | undefined, alert: Alert): string {
  const count = readNumber(raw.count);
  let times = '';
  if (count === 1) times = ' once';
  else if (count !== undefined) times = ` ${count} times`;
  return `${sightedName ?? 'An unknown object'} was sighted${times}.${alert.evidence.length === 0 ? ' No observed object is listed.' : ''}`;
}

/**
 * Adds the entities of a reference or list of references as evidence with one role. `at` names
 * the object and field that hold the references. A reference to another alert's object lists
 * that alert as related instead.
 */
export function addRefEvidence(
  scope: StixScope,
  alert: Alert,
  at: RefLocation,
  value: unknown,
  role: string,
  verdict: Verdict | undefined,
): void {
  const list = Array.isArray(value);
  const refs: unknown[] = list ? value : isAbsent(value) ? [] : [value];
  refs.forEach((ref, index) => {
    const location = { id: at.id, field: list ? `${at.field}[${index}]` : at.field };
    const target = readString(ref) === undefined ? undefined : scope.alerts.get(readString(ref)!);
    if (target !== undefined && target !== alert) {
      if (!alert.relatedAlertIds.includes(target.id)) alert.relatedAlertIds.push(target.id);
      return;
    }
    for (const entityId of scope.entityIds(ref, location)) {
      scope.builder.addEvidence(alert, verdict === undefined ? { entityId, roles: [role] } : { entityId, roles: [role], verdict });
      if (verdict !== undefined) scope.addEntity(scope.objects.get(entityId)!, verdict);
    }
  });
}

/**
 * Adds the MITRE ATT&CK technique ids of the attack patterns among each alert's evidence
 * (`external_references[]` of source `mitre-attack`, ids shaped `T1234` or `T1234.001`).
 */
export function addTechniques(scope: StixScope): void {
  for (const alert of scope.builder.alerts) {
    const techniques = new Set(alert.mitreTechniques);
    for (const { entityId } of alert.evidence) {
      const object = scope.objects.get(entityId);
      if (object?.type !== 'attack-pattern') continue;
      for (const reference of readRecordArray(object.raw.external_references)) {
        const externalId = readString(reference.external_id);
        if (readString(reference.source_name)?.toLowerCase() === 'mitre-attack' && externalId !== undefined && /^T\d{4}(\.\d{3})?$/.test(externalId)) {
          techniques.add(externalId);
        }
      }
      if (alert.category === undefined) setString(alert, 'category', killChainPhase(object.raw));
    }
    alert.mitreTechniques = [...techniques];
  }
}

/** Returns a story event for an activity of the Incident Core Extension, with its time. */
export function activityEvent(
  scope: StixScope,
  activity: JsonRecord,
  label: string,
  at: { id: string; field: string },
  entityIds: string[],
): AlertStoryEvent {
  const [time, startTime, endTime] = ['time', 'start_time', 'end_time'].map((field) =>
    parseTimeField(activity[field], scope.builder.issues, at.id, `${at.field}.${field}`),
  );
  const type = readString(activity.type);
  const description = readString(activity.description) ?? readString(activity.name) ?? '';
  const event: AlertStoryEvent = { title: `${label}${type === undefined ? '' : ` (${type})`}: ${description}`.trim() };
  const eventTime = time ?? startTime ?? endTime;
  if (eventTime !== undefined) event.time = eventTime;
  if (entityIds.length > 0) event.entityIds = entityIds;
  return event;
}
