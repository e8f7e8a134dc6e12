/**
 * `fromStix`: STIX 2.1 bundles to incident snapshots. The field-by-field mapping is in
 * README.md beside this file.
 */

import { earliestTime } from '../../model/merge.js';
import { describeValue, parseTimeField } from '../../model/time.js';
import type { DataIssue, Incident, IncidentSnapshot } from '../../model/types.js';
import { isRecord, readString, readStringArray, type JsonRecord } from '../shared/json-readers.js';
import { SnapshotBuilder } from '../shared/snapshot-builder.js';
import { addIndicator, addSighting, addTechniques } from './alerts.js';
import {
  ENTITY_SDO_TYPES,
  isEntityType,
  NON_ENTITY_TYPES,
  readBundles,
  SCO_TYPES,
  type StixBundle,
  type StixObject,
} from './bundle.js';
import { ANALYSIS_VERDICTS } from './entities.js';
import { addIncidentAlert, bundleIncident, mapIncidentObject, mapReport } from './incident.js';
import { addEmbeddedRelations, addRelationship } from './references.js';
import { StixScope } from './scope.js';

/** Values of `opinion` (`opinion-enum`, a closed list). */
const OPINIONS = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'];

/** References that do not tie an object to an incident when a bundle contains several. */
const UNLINKING_REFS: ReadonlySet<string> = new Set(['created_by_ref', 'object_marking_refs']);

/**
 * Maps STIX 2.1 content to one snapshot per incident.
 *
 * Accepts a bundle, an array of bundles, a STIX object or an array of objects (read as one
 * bundle), or the JSON text of any of these. Each bundle gives one snapshot, or one per
 * `incident` object when it contains several. Indicators and sightings become alerts, and so does
 * the activity of an incident's Incident Core Extension. Cyber-observables (SCOs) and the
 * domain objects an analyst looks at (malware, tools, threat actors, attack patterns,
 * identities, infrastructure …) become entities keyed by their STIX ids. Relationships and
 * embedded references (`parent_ref`, `to_refs` …) become relations or alert evidence.
 *
 * STIX gives no remediation status, so none is set. Verdicts come only from what STIX states.
 * Malware is malicious. An indicator's `indicator_types` give the verdict of what its pattern
 * names. A sighting gives its observed objects the verdict of what it sights, and a malware
 * analysis gives its sample the verdict of its result. Every other entity has none.
 *
 * Throws a `TypeError` when the payload contains no STIX object.
 */
export function fromStix(payload: unknown): IncidentSnapshot[] {
  return readBundles(payload).flatMap(mapBundle);
}

function mapBundle(bundle: StixBundle): IncidentSnapshot[] {
  const objects = new Map(bundle.objects.map((object) => [object.id, object]));
  const incidents = bundle.objects.filter((object) => object.type === 'incident');
  if (incidents.length <= 1) return [mapGroup(bundle, objects, bundle.objects, incidents[0], bundle.issues)];

  const groups = partitionByIncident(bundle.objects, incidents);
  return incidents.map((incident, index) =>
    mapGroup(bundle, objects, groups.get(incident.id)!, incident, index === 0 ? bundle.issues : []),
  );
}

/**
 * Splits a bundle with several incidents: each incident gets the objects connected to it by
 * references and relationships, without passing through another incident. An object that
 * connects to no incident joins the first one, so nothing is left out.
 */
function partitionByIncident(objects: StixObject[], incidents: StixObject[]): Map<string, StixObject[]> {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    if (!neighbours.has(b)) neighbours.set(b, new Set());
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  };
  for (const object of objects) {
    for (const ref of referencesIn(object.raw)) link(object.id, ref);
  }

  const incidentIds = new Set(incidents.map((incident) => incident.id));
  const byId = new Map(objects.map((object) => [object.id, object]));
  const reached = new Set<string>();
  const groups = new Map<string, StixObject[]>();
  for (const incident of incidents) {
    const members = new Set([incident.id]);
    const queue = [incident.id];
    for (let head = 0; head < queue.length; head++) {
      for (const next of neighbours.get(queue[head]!) ?? []) {
        if (members.has(next) || incidentIds.has(next)) continue;
        members.add(next);
        queue.push(next);
      }
    }
    members.forEach((id) => reached.add(id));
    groups.set(incident.id, [...members].map((id) => byId.get(id)).filter((object): object is StixObject => object !== undefined));
  }

  const unreached = objects.filter((object) => !reached.has(object.id));
  groups.get(incidents[0]!.id)!.push(...unreached);
  return groups;
}

/** Returns every id that a `*_ref` or `*_refs` field names, at any depth of the object. */
function referencesIn(value: unknown, field = ''): string[] {
  if (UNLINKING_REFS.has(field)) return [];
  if (/_refs?$/.test(field)) return (Array.isArray(value) ? value : [value]).filter((ref): ref is string => typeof ref === 'string');
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => referencesIn(item, key));
  return [];
}

/**
 * Maps the objects of one incident. `objects` is the whole bundle, so references reach objects
 * of another incident's group. `members` are the objects this snapshot is made of.
 */
function mapGroup(
  bundle: StixBundle,
  objects: ReadonlyMap<string, StixObject>,
  members: StixObject[],
  incidentObject: StixObject | undefined,
  bundleIssues: DataIssue[],
): IncidentSnapshot {
  const builder = new SnapshotBuilder([...bundleIssues]);
  const scope = new StixScope(builder, objects);
  const ofType = (type: string) => members.filter((object) => object.type === type);

  for (const object of members) {
    if (!isEntityType(object.type)) continue;
    reportUnknownType(object, builder.issues);
    scope.addEntity(object);
  }
  ofType('indicator').forEach((object) => addIndicator(scope, object));
  ofType('sighting').forEach((object) => addSighting(scope, object));
  if (incidentObject !== undefined) addIncidentAlert(scope, incidentObject);

  ofType('malware-analysis').forEach((object) => addAnalysisVerdict(scope, object));
  ofType('observed-data').forEach((object) => addObservedTimes(scope, object));
  ofType('relationship').forEach((object) => addRelationship(scope, object));
  addAllEmbeddedRelations(scope);
  ofType('note').forEach((object) => addAnnotation(scope, object, 'notes', { abstract: object.raw.abstract, content: object.raw.content }));
  ofType('opinion').forEach((object) => addOpinion(scope, object));
  addTechniques(scope);

  const incident = snapshotIncident(scope, bundle, members, incidentObject);
  const snapshot = builder.build(incident);
  for (const relation of snapshot.relations) {
    const time = scope.relationTimes.get(`${relation.source}\u0000${relation.type}\u0000${relation.target}`);
    if (time !== undefined) relation.firstSeen = time;
  }
  return snapshot;
}

function snapshotIncident(
  scope: StixScope,
  bundle: StixBundle,
  members: StixObject[],
  incidentObject: StixObject | undefined,
): Incident {
  if (incidentObject !== undefined) return mapIncidentObject(scope, incidentObject);
  const reports = members.filter((object) => object.type === 'report');
  if (reports.length === 1) return mapReport(scope, reports[0]!);
  const sightingIds = members.filter((object) => object.type === 'sighting').map((object) => object.id);
  return bundleIncident(bundle.id, scope.builder.alerts, sightingIds);
}

/** Reports a type that STIX 2.1 does not define and that is not a custom (`x-`) type. */
function reportUnknownType(object: StixObject, issues: DataIssue[]): void {
  const { type, id } = object;
  if (SCO_TYPES.has(type) || ENTITY_SDO_TYPES.has(type) || NON_ENTITY_TYPES.has(type) || type.startsWith('x-')) return;
  issues.push({ id, field: 'type', problem: `unknown STIX object type ${describeValue(type)}; shown as other` });
}

/**
 * Adds the embedded-reference relations of every entity, including entities that only a
 * reference added, until no new entity appears.
 */
function addAllEmbeddedRelations(scope: StixScope): void {
  const done = new Set<string>();
  let pending = [...scope.builder.entities.keys()];
  while (pending.length > 0) {
    for (const id of pending) {
      done.add(id);
      const object = scope.objects.get(id);
      if (object !== undefined) addEmbeddedRelations(scope, object);
    }
    pending = [...scope.builder.entities.keys()].filter((id) => !done.has(id));
  }
}

/** Gives the sample of a malware analysis (`sample_ref`) the verdict of its `result`. */
function addAnalysisVerdict(scope: StixScope, object: StixObject): void {
  const result = readString(object.raw.result)?.toLowerCase();
  const verdict = result === undefined ? undefined : ANALYSIS_VERDICTS[result];
  if (verdict === undefined || object.raw.sample_ref === undefined) return;
  for (const id of scope.entityIds(object.raw.sample_ref, { id: object.id, field: 'sample_ref' })) {
    scope.addEntity(scope.objects.get(id)!, verdict);
  }
}

/** Moves the first seen of an observed-data's objects back to its `first_observed`. */
function addObservedTimes(scope: StixScope, object: StixObject): void {
  const time = parseTimeField(object.raw.first_observed, scope.builder.issues, object.id, 'first_observed');
  const refs: unknown[] = Array.isArray(object.raw.object_refs) ? object.raw.object_refs : [];
  if (refs.length === 0) scope.builder.issues.push({ id: object.id, field: 'object_refs', problem: 'observed-data without object_refs; it names no entity' });
  for (const id of scope.entityIds(object.id, { id: object.id, field: 'object_refs' })) {
    const entity = scope.builder.entities.get(id)!;
    const firstSeen = earliestTime(entity.firstSeen, time);
    if (firstSeen !== undefined) entity.firstSeen = firstSeen;
  }
}

/** Appends an annotation (a note or an opinion) to the `property` list of each entity it is about. */
function addAnnotation(scope: StixScope, object: StixObject, property: string, content: JsonRecord): void {
  const annotation: JsonRecord = { id: object.id };
  for (const [key, value] of Object.entries({ ...content, authors: readStringArray(object.raw.authors) })) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) annotation[key] = value;
  }
  const refs: unknown[] = Array.isArray(object.raw.object_refs) ? object.raw.object_refs : [];
  refs.forEach((ref, index) => {
    const at = { id: object.id, field: `object_refs[${index}]` };
    const target = readString(ref) === undefined ? undefined : scope.objects.get(readString(ref)!);
    if (target !== undefined && !isEntityType(target.type)) return;
    for (const id of scope.entityIds(ref, at)) {
      const entity = scope.builder.entities.get(id)!;
      const list = Array.isArray(entity.properties[property]) ? (entity.properties[property] as unknown[]) : [];
      entity.properties[property] = [...list, annotation];
    }
  });
}

/** Adds an opinion to what it is about. A value outside `opinion-enum` is reported and kept. */
function addOpinion(scope: StixScope, object: StixObject): void {
  const opinion = readString(object.raw.opinion);
  if (opinion === undefined || !OPINIONS.includes(opinion)) {
    scope.builder.issues.push({
      id: object.id,
      field: 'opinion',
      problem: opinion === undefined ? 'opinion without a value' : `unknown opinion ${describeValue(opinion)}; kept as it came`,
    });
  }
  addAnnotation(scope, object, 'opinions', { opinion, explanation: object.raw.explanation });
}
