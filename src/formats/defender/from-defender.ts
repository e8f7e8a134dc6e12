/**
 * `fromDefender`: the Defender XDR incidents API (`api.security.microsoft.com/api/incidents`)
 * and the Defender for Endpoint alerts API (`api.securitycenter.microsoft.com/api/alerts`,
 * with `$expand=evidence`) to incident snapshots. The field-by-field mapping is in README.md
 * beside this module.
 */

import type { Alert, DataIssue, IncidentSnapshot } from '../../model/types.js';
import { EntityIndex } from '../shared/entity-index.js';
import { userKey } from '../shared/entity-keys.js';
import { entityFromRecord } from '../shared/entity-record.js';
import { asRecord, isRecord, readRecordArray, readString, type JsonRecord } from '../shared/json-readers.js';
import {
  addLooseAlert,
  groupFor,
  reportIncidentMismatch,
  type IncidentGroup,
} from '../shared/incident-groups.js';
import { applyAlertFirstSeen, incidentOfAlerts, SnapshotBuilder } from '../shared/snapshot-builder.js';
import { mapDefenderEntity } from './entity.js';
import { mapDefenderIncident, mapMdeAlert, mapMdeDevice, mapXdrAlert, mapXdrDevice } from './incident.js';
import { deriveDefenderRelations, type DefenderEntityItem } from './relations.js';

/** The two alert shapes: an alert of an XDR incident, or a Defender for Endpoint alert. */
type AlertShape = 'xdr' | 'mde';

interface GroupedAlert {
  raw: JsonRecord;
  shape: AlertShape;
}

/**
 * Maps a Defender payload to one snapshot per incident.
 *
 * Accepts an incident of the XDR incidents API (with its `alerts`, their `entities` and
 * `devices`), an alert of either API (a Defender for Endpoint alert with its `evidence`), or a
 * `{ value: [...] }` list (or a bare array) of them. Alerts are grouped by the incident that
 * contains them, else by their `incidentId`, else each gets an incident of its own with the id
 * `alert-<alertId>`. Entities of the same kind and key merge across alerts, devices named by an
 * alert become device entities, relations are derived from the records, and the result is
 * validated, so every problem found is in the snapshot's `issues`.
 *
 * Neither API gives a verdict, so no entity has one. Only Defender for Endpoint evidence gives a
 * remediation status, through `detectionStatus`.
 *
 * Throws a `TypeError` when the payload has none of these shapes, or is a list in which no
 * record has one. Other records of a list with at least one incident or alert are reported.
 */
export function fromDefender(payload: unknown): IncidentSnapshot[] {
  const items = payloadItems(payload);
  const groups = new Map<string, IncidentGroup<GroupedAlert>>();
  const looseAlerts: GroupedAlert[] = [];
  const skipped: DataIssue[] = [];

  items.forEach((item, index) => {
    if (isIncidentRecord(item)) {
      const id = readString(item.incidentId) ?? `incident-${index + 1}`;
      const group = groupFor(groups, id, false);
      group.incident = item;
      for (const alert of readRecordArray(item.alerts)) {
        group.alerts.push({ raw: alert, shape: alertShape(alert) ?? 'xdr' });
        reportIncidentMismatch(alert, readString(alert.alertId) ?? readString(alert.id), id, group.issues);
      }
      return;
    }

    const shape = alertShape(item);
    if (shape !== undefined) {
      looseAlerts.push({ raw: item, shape });
      return;
    }
    const problem = 'neither a Defender incident nor an alert; it is left out';
    skipped.push({ id: `value[${index}]`, field: '(record)', problem });
  });

  // Loose alerts join an incident of the payload when they name it, so an incident listed
  // before or after its alerts gets them either way.
  for (const alert of looseAlerts) addLooseAlert(groups, alert, readString(alert.raw.incidentId), alertIdOf(alert));

  const [first] = groups.values();
  if (first === undefined && skipped.length > 0) throw shapeError(`a list of ${skipped.length} other records`);
  first?.issues.push(...skipped);
  return [...groups.values()].map(mapGroup);
}

function payloadItems(payload: unknown): JsonRecord[] {
  if (Array.isArray(payload)) return payload.filter(isRecord);
  if (isRecord(payload)) {
    if (Array.isArray(payload.value)) return payload.value.filter(isRecord);
    if (isIncidentRecord(payload) || alertShape(payload) !== undefined) return [payload];
  }
  throw shapeError(payload === null ? 'null' : typeof payload);
}

function shapeError(got: string): TypeError {
  return new TypeError(
    `fromDefender: expected a Defender incident, an alert or a { value: [...] } list (got ${got}). ` +
      'Pass the parsed JSON body of an api/incidents or api/alerts response.',
  );
}

/**
 * Returns true for an XDR incident record, which has `incidentName` or an `alerts` list. Its
 * alerts carry `incidentId` too, so that field alone does not decide.
 */
function isIncidentRecord(record: JsonRecord): boolean {
  return record.incidentId !== undefined && (Array.isArray(record.alerts) || record.incidentName !== undefined);
}

/** Returns the shape of an alert: `xdr` for one with `alertId`, `mde` for one with `id` and its evidence or machine. */
function alertShape(record: JsonRecord): AlertShape | undefined {
  // A Graph security alert has `id`, `title` and `evidence` too, but names its type.
  if (readString(record['@odata.type'])?.startsWith('#microsoft.graph.') === true) return undefined;
  if (record.alertId !== undefined) return 'xdr';
  const mdeFields = ['evidence', 'machineId', 'alertCreationTime', 'title'];
  if (record.id !== undefined && mdeFields.some((field) => record[field] !== undefined)) return 'mde';
  return undefined;
}

function alertIdOf(alert: GroupedAlert): string | undefined {
  return readString(alert.shape === 'xdr' ? alert.raw.alertId : alert.raw.id);
}

function mapGroup(group: IncidentGroup<GroupedAlert>): IncidentSnapshot {
  const builder = new SnapshotBuilder([...group.issues]);
  const issues = builder.issues;
  const items: DefenderEntityItem[] = [];

  group.alerts.forEach((grouped, alertIndex) => {
    const { raw, shape } = grouped;
    const id = alertIdOf(grouped) ?? `${group.id}-alert-${alertIndex + 1}`;
    if (alertIdOf(grouped) === undefined) {
      issues.push({ id, field: shape === 'xdr' ? 'alertId' : 'id', problem: 'alert without an id; an id was generated' });
    }
    const alert = shape === 'xdr' ? mapXdrAlert(raw, id, issues) : mapMdeAlert(raw, id, issues);
    builder.alerts.push(alert);

    const deviceIds = addAlertDevices(raw, shape, alert, builder);
    const alertDeviceId = deviceIds.length === 1 ? deviceIds[0] : undefined;
    const listField = shape === 'xdr' ? 'entities' : 'evidence';

    readRecordArray(raw[listField]).forEach((record, recordIndex) => {
      const context = { alertId: id, path: `${listField}[${recordIndex}]`, issues, alertDeviceId };
      const mapped = mapDefenderEntity(record, context);
      builder.addEntity(mapped.entity);
      builder.addEvidence(alert, mapped.evidence);
      items.push({ mapped, alertDeviceId });
    });
    if (shape === 'mde') addRelatedUser(raw, alert, builder);
  });

  // Ghost parents take their first seen from their children, so children need theirs first.
  applyAlertFirstSeen(builder.alerts, builder.entities);
  deriveDefenderRelations(items, builder);

  const alerts = builder.alerts;
  const incident = group.incident
    ? mapDefenderIncident(group.incident, group.id, issues)
    : incidentOfAlerts(group.id, group.generated && alerts[0] ? alerts[0].title : `Incident ${group.id}`, alerts);
  return builder.build(incident);
}

/**
 * Adds the devices an alert names as device entities and as evidence of the alert: an XDR
 * alert's `devices[]`, or a Defender for Endpoint alert's `machineId`. Returns their entity ids.
 */
function addAlertDevices(raw: JsonRecord, shape: AlertShape, alert: Alert, builder: SnapshotBuilder): string[] {
  const ids: string[] = [];
  const add = (entity: ReturnType<typeof mapMdeDevice>): void => {
    if (entity === undefined) return;
    builder.addEntity(entity);
    builder.addEvidence(alert, { entityId: entity.id, roles: [] });
    if (!ids.includes(entity.id)) ids.push(entity.id);
  };

  if (shape === 'mde') {
    add(mapMdeDevice(raw));
    return ids;
  }

  readRecordArray(raw.devices).forEach((device, index) => {
    const at = { alertId: alert.id, path: `devices[${index}]`, issues: builder.issues };
    const entity = mapXdrDevice(device, at);
    if (entity === undefined) {
      builder.issues.push({
        id: alert.id,
        field: `devices[${index}].mdatpDeviceId`,
        problem: 'device without mdatpDeviceId, aadDeviceId or deviceDnsName; it is left out',
      });
    }
    add(entity);
  });
  return ids;
}

/**
 * Adds the user a Defender for Endpoint alert names in `relatedUser` (`userName`, `domainName`)
 * as evidence of the alert. A user entity of the incident with that `domain\name` is reused, so
 * a user that is also in the evidence stays one entity. Otherwise a new user entity is added.
 */
function addRelatedUser(raw: JsonRecord, alert: Alert, builder: SnapshotBuilder): void {
  const related = asRecord(raw.relatedUser);
  const account = { accountName: readString(related?.userName), domainName: readString(related?.domainName) };
  const key = userKey(account);
  if (key === undefined) return;

  const existing = new EntityIndex(builder.entities).user(account);
  if (existing === undefined) builder.addEntity(entityFromRecord(key, 'user', account.accountName!, {}, account, new Set()));
  builder.addEvidence(alert, { entityId: existing ?? key, roles: [] });
}
