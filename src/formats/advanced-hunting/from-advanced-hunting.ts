/**
 * `fromAdvancedHunting`: Defender XDR advanced hunting rows of the AlertInfo, AlertEvidence and
 * DeviceProcessEvents tables to incident snapshots. The field-by-field mapping is in README.md
 * beside this module.
 */

import type { DataIssue, Incident, IncidentSnapshot } from '../../model/types.js';
import { EntityIndex } from '../shared/entity-index.js';
import { fileKey } from '../shared/entity-keys.js';
import { highestSeverity } from '../shared/incident-fields.js';
import { hashText, readString } from '../shared/json-readers.js';
import { applyAlertFirstSeen, SnapshotBuilder } from '../shared/snapshot-builder.js';
import { mapHuntingAlert, mergeAlertInfo, reportMissingAlertId, type AlertRows } from './alerts.js';
import { accountOfColumns, deviceOfRow, fileOfColumns } from './columns.js';
import { mapEvidenceRow, registryKeyId, type MappedEvidenceRow } from './evidence.js';
import { addProcessEvent, type ProcessFacts } from './process-events.js';
import { MAPPED_TABLES, readRows, type HuntingRow } from './rows.js';

/** Options of `fromAdvancedHunting`. */
export interface AdvancedHuntingOptions {
  /**
   * Id of the incident the rows belong to, for rows without an `IncidentId` column. The tables
   * have no incident id of their own. Without this option such rows form one incident with a
   * generated id.
   */
  incidentId?: string;
  /** Title of that incident. By default the title of its only alert, or a count of its alerts. */
  title?: string;
}

/** The rows of one incident. */
interface IncidentGroup {
  id: string;
  /** Source of the id: an `IncidentId` column, `options.incidentId`, or a hash of the rows. */
  idSource: 'column' | 'option' | 'generated';
  alerts: AlertRows[];
  processRows: HuntingRow[];
}

/** Prefix of the generated id of an incident that no row or option names. */
const GENERATED_ID_PREFIX = 'hunting-';

/**
 * Maps advanced hunting rows to incident snapshots.
 *
 * Accepts NDJSON text of the streaming API (`{ category: "AdvancedHunting-<Table>", properties }`
 * records, as Event Hub and storage exports write them), JSON text, an array of envelopes or
 * bare rows, an Event Hub batch `{ records: [...] }`, or an advanced hunting API response
 * `{ Results: [...] }`. Rows of AlertInfo and AlertEvidence are joined by `AlertId`, and
 * repeated AlertInfo rows are merged. The tables have no incident id, so alerts go to the
 * incident their rows name in an `IncidentId` column (present when a query joined it), else to
 * `options.incidentId`, else to one incident with a generated id. DeviceProcessEvents rows join
 * the incident whose evidence is on the same device, else that last incident.
 *
 * The tables have no verdict and no remediation status, so no entity has either. Rows of other
 * tables, rows of an unknown table, and text lines that are not JSON are reported in the
 * first snapshot's issues. Returns an empty array for a payload without any record.
 *
 * Throws a `TypeError` when the payload is neither text nor an object nor an array, or when it
 * has records but none of them is a row of the three tables.
 */
export function fromAdvancedHunting(payload: unknown, options: AdvancedHuntingOptions = {}): IncidentSnapshot[] {
  const { rows, issues } = readRows(payload);
  if (rows.length === 0 && issues.length === 0) return [];
  if (!rows.some((row) => (MAPPED_TABLES as readonly string[]).includes(row.table))) {
    throw new TypeError(
      'fromAdvancedHunting: found no AlertInfo, AlertEvidence or DeviceProcessEvents row ' +
        `(got ${describeContent(rows, issues)}). ` +
        'Pass rows of those tables, as NDJSON text of the streaming API or as parsed JSON.',
    );
  }

  const { alerts, alertIncidents, processRows } = sortRows(rows, issues);
  const groups = groupRows(alerts, alertIncidents, processRows, options);
  // Mapped rows that all lacked an AlertId leave only issues, which still need a snapshot.
  if (groups.length === 0) groups.push(defaultGroup([], [], options));
  return groups.map((group, index) => mapGroup(group, index === 0 ? issues : [], options));
}

/** The rows of a payload sorted by table: alerts by id, with the incident their rows name, and process rows. */
interface SortedRows {
  alerts: AlertRows[];
  /** `IncidentId` of each alert whose rows have one. The first one seen wins. */
  alertIncidents: Map<string, string>;
  processRows: HuntingRow[];
}

/**
 * Sorts rows by table, joining AlertInfo and AlertEvidence rows by `AlertId`. Rows without an
 * `AlertId` and rows of other tables are reported in `issues`.
 */
function sortRows(rows: HuntingRow[], issues: DataIssue[]): SortedRows {
  const alerts = new Map<string, AlertRows>();
  const alertIncidents = new Map<string, string>();
  const processRows: HuntingRow[] = [];
  const skippedTables = new Map<string, number>();

  for (const row of rows) {
    if (row.table === 'DeviceProcessEvents') {
      processRows.push(row);
      continue;
    }
    if (row.table !== 'AlertInfo' && row.table !== 'AlertEvidence') {
      skippedTables.set(row.table, (skippedTables.get(row.table) ?? 0) + 1);
      continue;
    }

    const alertId = readString(row.columns.AlertId);
    if (alertId === undefined) {
      reportMissingAlertId(row, issues);
      continue;
    }
    let alert = alerts.get(alertId);
    if (alert === undefined) {
      alert = { id: alertId, info: undefined, evidence: [] };
      alerts.set(alertId, alert);
    }
    if (row.table === 'AlertInfo') mergeAlertInfo(alert, row, issues);
    else alert.evidence.push(row);

    const incidentId = readString(row.columns.IncidentId);
    if (incidentId !== undefined && !alertIncidents.has(alertId)) alertIncidents.set(alertId, incidentId);
  }

  for (const [table, count] of skippedTables) {
    issues.push({
      id: `AdvancedHunting-${table}`,
      field: 'category',
      problem: `${count} ${count === 1 ? 'row' : 'rows'} of a table this mapper does not read; left out`,
    });
  }

  return { alerts: [...alerts.values()], alertIncidents, processRows };
}

/** Describes what a payload without a mapped row contained, for the error message. */
function describeContent(rows: HuntingRow[], issues: DataIssue[]): string {
  const tables = [...new Set(rows.map((row) => row.table))];
  if (tables.length > 0) return `rows of ${tables.join(', ')}`;
  return `${issues.length} unreadable ${issues.length === 1 ? 'record' : 'records'}`;
}

/** Groups alerts by incident, and process rows with the incident that has evidence on their device. */
function groupRows(
  alerts: AlertRows[],
  alertIncidents: Map<string, string>,
  processRows: HuntingRow[],
  options: AdvancedHuntingOptions,
): IncidentGroup[] {
  const named = new Map<string, IncidentGroup>();
  const unnamedAlerts: AlertRows[] = [];
  for (const alert of alerts) {
    const incidentId = alertIncidents.get(alert.id);
    if (incidentId === undefined) {
      unnamedAlerts.push(alert);
      continue;
    }
    let group = named.get(incidentId);
    if (group === undefined) {
      group = { id: incidentId, idSource: 'column', alerts: [], processRows: [] };
      named.set(incidentId, group);
    }
    group.alerts.push(alert);
  }

  const groups = [...named.values()];
  const deviceGroups = new Map<string, IncidentGroup>();
  for (const group of groups) {
    for (const alert of group.alerts) {
      for (const row of alert.evidence) {
        const device = deviceOfRow(row.columns)?.id;
        if (device !== undefined && !deviceGroups.has(device)) deviceGroups.set(device, group);
      }
    }
  }

  const unmatchedRows: HuntingRow[] = [];
  for (const row of processRows) {
    const device = deviceOfRow(row.columns)?.id;
    const group = device === undefined ? undefined : deviceGroups.get(device);
    if (group === undefined) unmatchedRows.push(row);
    else group.processRows.push(row);
  }

  if (unnamedAlerts.length > 0 || unmatchedRows.length > 0) groups.push(defaultGroup(unnamedAlerts, unmatchedRows, options));
  return groups;
}

/**
 * Returns the incident of rows that name none: `options.incidentId`, else an id hashed from
 * its alert ids and process rows, so the same rows give the same id on every load.
 */
function defaultGroup(alerts: AlertRows[], processRows: HuntingRow[], options: AdvancedHuntingOptions): IncidentGroup {
  const names = [
    ...alerts.map((alert) => alert.id).sort(),
    ...processRows.map((row) => `${readString(row.columns.DeviceId) ?? ''}:${readString(row.columns.ReportId) ?? ''}`).sort(),
  ];
  if (options.incidentId !== undefined) return { id: options.incidentId, idSource: 'option', alerts, processRows };
  return { id: `${GENERATED_ID_PREFIX}${hashText(names.join('\n'))}`, idSource: 'generated', alerts, processRows };
}

function mapGroup(group: IncidentGroup, payloadIssues: DataIssue[], options: AdvancedHuntingOptions): IncidentSnapshot {
  const builder = new SnapshotBuilder([...payloadIssues]);
  const evidenceItems: MappedEvidenceRow[] = [];

  for (const rows of group.alerts) {
    const alert = mapHuntingAlert(rows, builder.issues);
    builder.alerts.push(alert);
    for (const row of rows.evidence) {
      const mapped = mapEvidenceRow(row, alert.id, builder.issues);
      builder.addEntity(mapped.entity);
      builder.addEvidence(alert, mapped.evidence);
      evidenceItems.push(mapped);

      // The device a row is on is evidence of the alert too, as Defender's alert devices are.
      const device = mapped.type === 'machine' ? undefined : deviceOfRow(row.columns);
      if (device !== undefined) {
        builder.addEntity(device);
        builder.addEvidence(alert, { entityId: device.id, roles: [] });
      }
    }
  }

  applyAlertFirstSeen(builder.alerts, builder.entities);
  const processFacts = group.processRows.flatMap((row) => addProcessEvent(row, builder));
  deriveRelations(evidenceItems, processFacts, builder);

  return builder.build(huntingIncident(group, builder, options));
}

/**
 * Adds the relations that need the incident's other entities: a file or process on its device,
 * a process's account and image file, an IP address's direction to the device, a registry
 * value's key, and a mailbox's user.
 */
function deriveRelations(evidenceItems: MappedEvidenceRow[], processFacts: ProcessFacts[], builder: SnapshotBuilder): void {
  const entities = builder.entities;
  const index = new EntityIndex(entities);
  const existing = (id: string | undefined): string | undefined => (id !== undefined && entities.has(id) ? id : undefined);

  for (const { entity, type, row } of evidenceItems) {
    const columns = row.columns;
    const deviceId = existing(deviceOfRow(columns)?.id);
    switch (type) {
      case 'file':
        builder.relate(entity.id, deviceId, 'runsOn');
        break;
      case 'process':
        builder.relate(entity.id, deviceId, 'runsOn');
        break;
      case 'ip': {
        const direction = readString(columns.EvidenceDirection)?.toLowerCase();
        if (direction === 'source') builder.relate(entity.id, deviceId, 'communicatesWith');
        else if (direction === 'destination') builder.relate(deviceId, entity.id, 'communicatesWith');
        break;
      }
      case 'registryvalue':
        builder.relate(entity.id, existing(registryKeyId(readString(columns.RegistryKey))), 'valueOf');
        break;
      case 'mailbox':
        builder.relate(entity.id, index.userByAddress(readString(columns.AccountUpn)), 'mailboxOf');
        break;
    }
  }

  const processes = [
    ...evidenceItems
      .filter((item) => item.type === 'process')
      .map((item) => ({
        entityId: item.entity.id,
        account: accountOfColumns(item.row.columns),
        image: fileOfColumns(item.row.columns),
      })),
    ...processFacts,
  ];
  for (const { entityId, account, image } of processes) {
    builder.relate(entityId, index.user(account), 'runsAs');
    builder.relate(entityId, existing(fileKey(image)), 'imageFile');
  }
}

function huntingIncident(group: IncidentGroup, builder: SnapshotBuilder, options: AdvancedHuntingOptions): Incident {
  const alerts = builder.alerts;
  let title: string;
  if (group.idSource === 'column') title = `Incident ${group.id}`;
  else if (options.title !== undefined) title = options.title;
  else if (alerts.length === 1) title = alerts[0]!.title;
  else title = `${alerts.length} alerts from advanced hunting`;

  // NOTE: the tables have no incident status, so it is `unknown`, not a guess from the alerts.
  const incident: Incident = { id: group.id, title, severity: highestSeverity(alerts), status: 'unknown', tags: [] };
  const created = alerts.map((alert) => alert.createdTime).filter((time): time is number => time !== undefined);
  if (created.length > 0) incident.createdTime = Math.min(...created);
  return incident;
}
