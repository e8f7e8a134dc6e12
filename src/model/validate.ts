/**
 * Validation of a snapshot before it is drawn. Bad data never throws here: every problem is
 * repaired or left out, reported as a data issue, and everything valid is kept.
 */

import { earliestTime, mergeEntities, mostUrgentRemediation, strongestVerdict } from './merge.js';
import { describeValue } from './time.js';
import {
  ENTITY_KINDS,
  SEVERITIES,
  VERDICTS,
  type Alert,
  type AlertEvidence,
  type DataIssue,
  type Entity,
  type EntityKind,
  type Incident,
  type IncidentSnapshot,
  type Investigation,
  type PendingAction,
  type Relation,
  type Severity,
  type Verdict,
} from './types.js';

const ENTITY_KIND_SET: ReadonlySet<string> = new Set(ENTITY_KINDS);
const SEVERITY_SET: ReadonlySet<string> = new Set(SEVERITIES);
const VERDICT_SET: ReadonlySet<string> = new Set(VERDICTS);

/**
 * Returns a validated copy of `snapshot`; the input is not changed.
 *
 * - Records with the same id are merged: entities by the merge rule, alerts by keeping the
 *   first record's fields and the union of their evidence.
 * - Relations whose source or target is missing, and evidence or pending actions that point to
 *   a missing entity, are left out.
 * - Times that are not finite numbers are left out.
 * - An entity kind outside `ENTITY_KINDS` becomes `other` and keeps the value in
 *   `properties.rawType`; an unknown severity becomes `unknown`; an unknown verdict is dropped.
 * - An entity's first seen becomes the earliest of its own and the first activity of the alerts
 *   that involve it.
 * - An alert id that is also an entity id is reported, because the graph keys that alert
 *   `alert:<id>`.
 * - A `webUrl` that is not an absolute http or https URL (such as `javascript:` or `data:`) is
 *   left out of the incident, alert or entity, because only those schemes are safe to link.
 *
 * Each repair appends a data issue `{ id, field, problem }` after the snapshot's own issues.
 * Issues with the same id, field and problem are reported once, so a record that arrives
 * twice does not repeat its issues.
 */
export function validateSnapshot(snapshot: IncidentSnapshot): IncidentSnapshot {
  const issues: DataIssue[] = validateIssues(asArray<unknown>(snapshot.issues));

  const incident = validateIncident(snapshot.incident, issues);
  const entities = validateEntities(asArray<Entity>(snapshot.entities), issues);
  const entityIds = new Set(entities.map((entity) => entity.id));
  const alerts = validateAlerts(asArray<Alert>(snapshot.alerts), entityIds, issues);
  const relations = validateRelations(asArray<Relation>(snapshot.relations), entityIds, issues);

  applyAlertFirstSeen(entities, alerts);

  for (const alert of alerts) {
    if (!entityIds.has(alert.id)) continue;
    issues.push({
      id: alert.id,
      field: 'id',
      problem: `alert id is also an entity id; the alert node is keyed "alert:${alert.id}"`,
    });
  }

  const result: IncidentSnapshot = { incident, alerts, entities, relations, issues };

  if (snapshot.investigations !== undefined) {
    result.investigations = validateInvestigations(
      asArray<Investigation>(snapshot.investigations),
      new Set(alerts.map((alert) => alert.id)),
      entityIds,
      issues,
    );
  }
  if (snapshot.pendingActions !== undefined) {
    result.pendingActions = validatePendingActions(
      asArray<PendingAction>(snapshot.pendingActions),
      entityIds,
      issues,
    );
  }

  result.issues = distinctIssues(issues);
  return result;
}

/**
 * Returns the snapshot's own issues as `{ id, field, problem }` strings. An item that is not a
 * record with a string problem is replaced by an issue about it, so the notice can list every
 * issue without reading fields of null.
 */
function validateIssues(input: unknown[]): DataIssue[] {
  return input.map((item, index) => {
    const record = typeof item === 'object' && item !== null ? (item as Partial<Record<keyof DataIssue, unknown>>) : undefined;
    if (typeof record?.problem !== 'string') {
      return { id: `issues[${index}]`, field: 'problem', problem: `data issue ${describeValue(item)} has no problem text; it is left out` };
    }
    return {
      id: typeof record.id === 'string' && record.id !== '' ? record.id : `issues[${index}]`,
      field: typeof record.field === 'string' && record.field !== '' ? record.field : '(unknown)',
      problem: record.problem,
    };
  });
}

/** Returns the issues without repeats of the same id, field and problem, in first-seen order. */
function distinctIssues(issues: DataIssue[]): DataIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue?.id, issue?.field, issue?.problem]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True for an absolute http or https URL, the only web URLs the elements make into links. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Deletes `record.webUrl` when it is present but not an http or https URL, and reports it. */
function checkWebUrl(record: { webUrl?: unknown }, id: string, issues: DataIssue[]): void {
  const value = record.webUrl;
  if (value === undefined || isHttpUrl(value)) return;
  delete record.webUrl;
  issues.push({ id, field: 'webUrl', problem: `web URL ${describeValue(value)} is not http or https; it is left out` });
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function isFiniteTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Deletes `record[field]` when it is present but not a finite number, and reports it. */
function checkTime<T extends object>(
  record: T,
  field: keyof T & string,
  id: string,
  issues: DataIssue[],
  path: string = field,
): void {
  const value = record[field];
  if (value === undefined || isFiniteTime(value)) return;
  delete record[field];
  issues.push({ id, field: path, problem: `invalid time ${String(value)}; it is left out` });
}

function checkSeverity(value: unknown, id: string, issues: DataIssue[]): Severity {
  if (typeof value === 'string' && SEVERITY_SET.has(value)) return value as Severity;
  issues.push({ id, field: 'severity', problem: `unknown severity ${JSON.stringify(value)}; shown as unknown` });
  return 'unknown';
}

function checkVerdict(value: unknown, id: string, field: string, issues: DataIssue[]): Verdict | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && VERDICT_SET.has(value)) return value as Verdict;
  issues.push({ id, field, problem: `unknown verdict ${JSON.stringify(value)}; it is left out` });
  return undefined;
}

function hasId(record: unknown): record is { id: string } {
  return typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string' && (record as { id: string }).id !== '';
}

function validateIncident(input: Incident, issues: DataIssue[]): Incident {
  const incident: Incident = { ...input, tags: asArray<string>(input?.tags) };
  if (typeof incident.id !== 'string' || incident.id === '') {
    issues.push({ id: '(incident)', field: 'id', problem: 'missing incident id' });
    incident.id = '';
  }
  if (typeof incident.title !== 'string') incident.title = incident.id;
  incident.severity = input?.severity === undefined ? 'unknown' : checkSeverity(input.severity, incident.id, issues);
  checkTime(incident, 'createdTime', incident.id, issues);
  checkTime(incident, 'updatedTime', incident.id, issues);
  checkWebUrl(incident, incident.id, issues);
  return incident;
}

function validateEntities(input: Entity[], issues: DataIssue[]): Entity[] {
  const byId = new Map<string, Entity>();

  input.forEach((raw, index) => {
    if (!hasId(raw)) {
      issues.push({ id: `entities[${index}]`, field: 'id', problem: 'entity without an id; it is left out' });
      return;
    }

    const entity: Entity = {
      ...raw,
      displayName: typeof raw.displayName === 'string' ? raw.displayName : raw.id,
      properties: { ...(raw.properties ?? {}) },
    };

    if (!ENTITY_KIND_SET.has(entity.kind)) {
      issues.push({ id: entity.id, field: 'kind', problem: `unknown entity kind ${JSON.stringify(raw.kind)}; shown as other` });
      if (entity.properties.rawType === undefined) entity.properties.rawType = String(raw.kind);
      entity.kind = 'other' satisfies EntityKind;
    }

    const verdict = checkVerdict(raw.verdict, entity.id, 'verdict', issues);
    if (verdict === undefined) delete entity.verdict;
    else entity.verdict = verdict;

    checkTime(entity, 'firstSeen', entity.id, issues);
    checkWebUrl(entity, entity.id, issues);

    const existing = byId.get(entity.id);
    if (existing === undefined) {
      byId.set(entity.id, entity);
    } else {
      issues.push({ id: entity.id, field: 'id', problem: 'duplicate entity id; the records were merged' });
      byId.set(entity.id, mergeEntities(existing, entity));
    }
  });

  return [...byId.values()];
}

function validateAlerts(input: Alert[], entityIds: ReadonlySet<string>, issues: DataIssue[]): Alert[] {
  const byId = new Map<string, Alert>();

  input.forEach((raw, index) => {
    if (!hasId(raw)) {
      issues.push({ id: `alerts[${index}]`, field: 'id', problem: 'alert without an id; it is left out' });
      return;
    }

    const alert: Alert = {
      ...raw,
      title: typeof raw.title === 'string' ? raw.title : raw.id,
      mitreTechniques: [...asArray<string>(raw.mitreTechniques)],
      relatedAlertIds: [...asArray<string>(raw.relatedAlertIds)],
      evidence: [],
    };
    alert.severity = checkSeverity(raw.severity, alert.id, issues);
    checkTime(alert, 'firstActivityTime', alert.id, issues);
    checkTime(alert, 'lastActivityTime', alert.id, issues);
    checkTime(alert, 'createdTime', alert.id, issues);
    checkWebUrl(alert, alert.id, issues);

    asArray<AlertEvidence>(raw.evidence).forEach((item, evidenceIndex) => {
      const path = `evidence[${evidenceIndex}]`;
      if (typeof item?.entityId !== 'string' || !entityIds.has(item.entityId)) {
        issues.push({
          id: alert.id,
          field: `${path}.entityId`,
          problem: `evidence points to missing entity ${JSON.stringify(item?.entityId)}; it is left out`,
        });
        return;
      }
      const evidence: AlertEvidence = { ...item, roles: [...asArray<string>(item.roles)] };
      const verdict = checkVerdict(item.verdict, alert.id, `${path}.verdict`, issues);
      if (verdict === undefined) delete evidence.verdict;
      else evidence.verdict = verdict;
      checkTime(evidence, 'createdTime', alert.id, issues, `${path}.createdTime`);
      addEvidence(alert.evidence, evidence);
    });

    const existing = byId.get(alert.id);
    if (existing === undefined) {
      byId.set(alert.id, alert);
    } else {
      issues.push({ id: alert.id, field: 'id', problem: 'duplicate alert id; the records were merged' });
      byId.set(alert.id, mergeAlerts(existing, alert));
    }
  });

  return [...byId.values()];
}

/** Adds one evidence item to a list, merging it into an item for the same entity. */
function addEvidence(list: AlertEvidence[], item: AlertEvidence): void {
  const index = list.findIndex((existing) => existing.entityId === item.entityId);
  if (index === -1) {
    list.push(item);
    return;
  }

  const existing = list[index]!;
  const merged: AlertEvidence = {
    ...item,
    ...existing,
    roles: [...new Set([...existing.roles, ...item.roles])],
  };
  const detailedRoles = [...new Set([...(existing.detailedRoles ?? []), ...(item.detailedRoles ?? [])])];
  if (detailedRoles.length > 0) merged.detailedRoles = detailedRoles;

  const verdict = strongestVerdict(existing.verdict, item.verdict);
  if (verdict !== undefined) merged.verdict = verdict;
  const remediationStatus = mostUrgentRemediation(existing.remediationStatus, item.remediationStatus);
  if (remediationStatus !== undefined) merged.remediationStatus = remediationStatus;
  const createdTime = earliestTime(existing.createdTime, item.createdTime);
  if (createdTime !== undefined) merged.createdTime = createdTime;

  list[index] = merged;
}

/** Keeps the first alert's fields, fills absent ones from the second, and unions the lists. */
function mergeAlerts(a: Alert, b: Alert): Alert {
  const merged: Alert = { ...b, ...stripUndefined(a) } as Alert;
  merged.mitreTechniques = [...new Set([...a.mitreTechniques, ...b.mitreTechniques])];
  merged.relatedAlertIds = [...new Set([...a.relatedAlertIds, ...b.relatedAlertIds])];
  merged.evidence = [...a.evidence];
  for (const item of b.evidence) addEvidence(merged.evidence, item);

  const first = earliestTime(a.firstActivityTime, b.firstActivityTime);
  if (first !== undefined) merged.firstActivityTime = first;
  const last = [a.lastActivityTime, b.lastActivityTime].filter(isFiniteTime);
  if (last.length > 0) merged.lastActivityTime = Math.max(...last);
  return merged;
}

function stripUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function validateRelations(input: Relation[], entityIds: ReadonlySet<string>, issues: DataIssue[]): Relation[] {
  const relations: Relation[] = [];

  input.forEach((raw, index) => {
    const id = relationId(raw, index);
    const missing = (['source', 'target'] as const).filter((end) => !entityIds.has(raw?.[end]));
    if (missing.length > 0) {
      for (const end of missing) {
        issues.push({ id, field: end, problem: `relation points to missing entity ${JSON.stringify(raw?.[end])}; it is left out` });
      }
      return;
    }

    const relation: Relation = { ...raw };
    if (typeof relation.type !== 'string' || relation.type === '') {
      issues.push({ id, field: 'type', problem: 'relation without a type; shown as related' });
      relation.type = 'related';
    }
    checkTime(relation, 'firstSeen', id, issues);
    relations.push(relation);
  });

  return relations;
}

/** Returns a readable id for a relation, which has none of its own: `source -type-> target`. */
export function relationId(relation: Partial<Relation> | undefined, index: number): string {
  if (relation === undefined || relation === null) return `relations[${index}]`;
  return `${String(relation.source)} -${String(relation.type)}-> ${String(relation.target)}`;
}

/** Moves each entity's first seen back to the first activity of the earliest alert that involves it. */
function applyAlertFirstSeen(entities: Entity[], alerts: Alert[]): void {
  const earliestByEntity = new Map<string, number>();
  for (const alert of alerts) {
    if (alert.firstActivityTime === undefined) continue;
    for (const item of alert.evidence) {
      const current = earliestByEntity.get(item.entityId);
      earliestByEntity.set(item.entityId, earliestTime(current, alert.firstActivityTime)!);
    }
  }

  for (const entity of entities) {
    const firstSeen = earliestTime(entity.firstSeen, earliestByEntity.get(entity.id));
    if (firstSeen !== undefined) entity.firstSeen = firstSeen;
  }
}

function validateInvestigations(
  input: Investigation[],
  alertIds: ReadonlySet<string>,
  entityIds: ReadonlySet<string>,
  issues: DataIssue[],
): Investigation[] {
  return input.filter(hasId).map((raw) => {
    const investigation: Investigation = {
      ...raw,
      alertIds: keepKnown(raw.alertIds, alertIds, raw.id, 'alertIds', issues),
      entityIds: keepKnown(raw.entityIds, entityIds, raw.id, 'entityIds', issues),
      pendingActionIds: [...asArray<string>(raw.pendingActionIds)],
    };
    checkTime(investigation, 'startTime', raw.id, issues);
    checkTime(investigation, 'endTime', raw.id, issues);
    return investigation;
  });
}

function keepKnown(ids: unknown, known: ReadonlySet<string>, id: string, field: string, issues: DataIssue[]): string[] {
  return asArray<string>(ids).filter((value, index) => {
    if (known.has(value)) return true;
    issues.push({ id, field: `${field}[${index}]`, problem: `points to missing record ${JSON.stringify(value)}; it is left out` });
    return false;
  });
}

function validatePendingActions(input: PendingAction[], entityIds: ReadonlySet<string>, issues: DataIssue[]): PendingAction[] {
  const actions: PendingAction[] = [];
  for (const raw of input) {
    if (!hasId(raw)) continue;
    if (!entityIds.has(raw.entityId)) {
      issues.push({ id: raw.id, field: 'entityId', problem: `pending action points to missing entity ${JSON.stringify(raw.entityId)}; it is left out` });
      continue;
    }
    const action: PendingAction = { ...raw };
    checkTime(action, 'requestedTime', raw.id, issues);
    actions.push(action);
  }
  return actions;
}
