/**
 * The demo's hunting queries: KQL in the shape of Microsoft Defender XDR advanced hunting,
 * per entity kind, whose rows are computed from the incident's own entities, relations and alerts. No
 * hunting service runs the text, and every query is labelled as a demo query. The rows are a pure function of the
 * snapshot, so a query gives the same rows on every run.
 */

import type { HuntColumn, HuntQuery, HuntRecord, HuntResult } from '../src/adapter/adapter.js';
import type { Alert, Entity, EntityKind, IncidentPatch, IncidentSnapshot, RelationType } from '../src/model/types.js';

/**
 * Row field with the ids of the entities a row is about. It is not among the result's columns,
 * so the table does not show it, and `linkToIncident` reads it to know which evidence to link.
 */
export const ROW_ENTITY_IDS = 'entityIds';

const DAY = 24 * 60 * 60 * 1000;

/** First line of every query text, so that no reader takes it for the output of a real hunt. */
const DEMO_NOTE = '// Demo query: the rows come from this incident\'s evidence, not from a hunting service.';

/** Description shown under every query's name. */
const DEMO_DESCRIPTION = 'Demo query: the rows come from this incident\'s evidence.';

interface DemoHunt {
  id: string;
  name: string;
  kinds: readonly EntityKind[] | 'all';
  /** Returns the KQL text for the entity. */
  kql: (entity: Entity) => string;
  columns: HuntColumn[];
  /** Returns the rows for the entity, or throws for the query that shows the error state. */
  rows: (snapshot: IncidentSnapshot, entity: Entity) => HuntRecord[];
}

// The columns that tell rows apart come right after the time, because the flyout shows only
// the first two or three without scrolling the table sideways.
const PROCESS_COLUMNS: HuntColumn[] = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'FileName' },
  { name: 'ProcessCommandLine' },
  { name: 'ProcessId', type: 'number' },
  { name: 'InitiatingProcessFileName' },
  { name: 'AccountName' },
  { name: 'DeviceName' },
];

const RELATED_COLUMNS: HuntColumn[] = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'Entity' },
  { name: 'ActionType' },
  { name: 'EntityType' },
  { name: 'Verdict' },
];

const HUNTS: DemoHunt[] = [
  {
    id: 'alerts',
    name: 'Alerts with this entity',
    kinds: 'all',
    kql: (entity) => `AlertEvidence\n| where EntityId == ${kqlString(entity.id)}\n| join kind=inner AlertInfo on AlertId\n| project Timestamp, Title, Severity, AlertId, Category, DetectionSource, EvidenceRole\n| order by Timestamp asc`,
    columns: [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'Title' },
      { name: 'Severity' },
      { name: 'AlertId' },
      { name: 'Category' },
      { name: 'DetectionSource' },
      { name: 'EvidenceRole' },
    ],
    rows: (snapshot, entity) =>
      snapshot.alerts.flatMap((alert) => {
        const evidence = alert.evidence.find((item) => item.entityId === entity.id);
        if (evidence === undefined) return [];
        return [
          {
            Timestamp: alertTime(alert),
            AlertId: alert.id,
            Title: alert.title,
            Severity: alert.severity,
            Category: alert.category ?? '',
            DetectionSource: alert.detectionSource ?? '',
            EvidenceRole: evidence.roles.join(', '),
            [ROW_ENTITY_IDS]: [entity.id],
          },
        ];
      }),
  },
  {
    id: 'device-processes',
    name: 'Process events on this device',
    kinds: ['device'],
    kql: (entity) =>
      `DeviceProcessEvents\n| where DeviceName =~ ${kqlString(entity.displayName)}\n| project Timestamp, FileName, ProcessCommandLine, ProcessId, InitiatingProcessFileName, AccountName, DeviceName\n| order by Timestamp asc`,
    columns: PROCESS_COLUMNS,
    rows: (snapshot, entity) => processRows(snapshot, neighbours(snapshot, entity.id, 'runsOn', 'in', 'process')),
  },
  {
    id: 'device-network',
    name: 'Network connections of this device',
    kinds: ['device'],
    kql: (entity) =>
      `DeviceNetworkEvents\n| where DeviceName =~ ${kqlString(entity.displayName)}\n| project Timestamp, ActionType, RemoteIP, InitiatingProcessFileName\n| order by Timestamp asc`,
    columns: RELATED_COLUMNS,
    rows: (snapshot, entity) => relatedRows(snapshot, entity, [['communicatesWith', 'out', 'ConnectionSuccess'], ['hasIp', 'out', 'LocalAddress']]),
  },
  {
    id: 'device-timeline',
    name: 'Device timeline, last 30 days',
    kinds: ['device'],
    kql: (entity) => `union DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents\n| where DeviceName =~ ${kqlString(entity.displayName)}\n| where Timestamp > ago(30d)`,
    columns: [],
    rows: () => {
      throw new Error('The demo keeps no device timeline, only the evidence of this incident. Run "Process events on this device" instead.');
    },
  },
  {
    id: 'user-activity',
    name: 'Devices and processes of this user',
    kinds: ['user'],
    kql: (entity) =>
      `union DeviceLogonEvents, DeviceProcessEvents\n| where AccountName =~ ${kqlString(String(entity.properties.accountName ?? entity.displayName))}\n| order by Timestamp asc`,
    columns: RELATED_COLUMNS,
    rows: (snapshot, entity) =>
      relatedRows(snapshot, entity, [['loggedOn', 'in', 'LogonSuccess'], ['runsAs', 'in', 'ProcessCreated'], ['mailboxOf', 'in', 'MailboxOwner']]),
  },
  {
    id: 'email',
    name: 'Email of this mailbox',
    kinds: ['mailbox'],
    kql: (entity) =>
      `EmailEvents\n| where SenderFromAddress =~ ${kqlString(mailAddress(entity))} or RecipientEmailAddress =~ ${kqlString(mailAddress(entity))}\n| project Timestamp, Subject, SenderFromAddress, RecipientEmailAddress, DeliveryAction, DeliveryLocation\n| order by Timestamp asc`,
    columns: [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'Subject' },
      { name: 'SenderFromAddress' },
      { name: 'RecipientEmailAddress' },
      { name: 'DeliveryAction' },
      { name: 'DeliveryLocation' },
    ],
    rows: (snapshot, entity) =>
      [...neighbours(snapshot, entity.id, 'sentBy', 'in', 'mailMessage'), ...neighbours(snapshot, entity.id, 'sentTo', 'in', 'mailMessage')].map(
        ({ entity: message }) => ({
          Timestamp: message.properties.receivedTime ?? message.firstSeen,
          Subject: message.properties.subject ?? message.displayName,
          SenderFromAddress: message.properties.sender ?? '',
          RecipientEmailAddress: message.properties.recipient ?? '',
          DeliveryAction: message.properties.deliveryAction ?? '',
          DeliveryLocation: message.properties.deliveryLocation ?? '',
          [ROW_ENTITY_IDS]: [entity.id, message.id],
        }),
      ),
  },
  {
    id: 'file-devices',
    name: 'Devices with this file',
    kinds: ['file'],
    kql: (entity) =>
      `DeviceFileEvents\n| where SHA256 == ${kqlString(String(entity.properties.sha256 ?? ''))}\n| project Timestamp, ActionType, DeviceName, FileName, FolderPath\n| order by Timestamp asc`,
    columns: RELATED_COLUMNS,
    rows: (snapshot, entity) => relatedRows(snapshot, entity, [['runsOn', 'out', 'FileCreated'], ['imageFile', 'in', 'ProcessCreated']]),
  },
  {
    id: 'child-processes',
    name: 'Processes this process started',
    kinds: ['process'],
    kql: (entity) =>
      `DeviceProcessEvents\n| where InitiatingProcessId == ${Number(entity.properties.processId ?? 0)}\n| project Timestamp, FileName, ProcessCommandLine, ProcessId, InitiatingProcessFileName, AccountName, DeviceName\n| order by Timestamp asc`,
    columns: PROCESS_COLUMNS,
    rows: (snapshot, entity) => processRows(snapshot, neighbours(snapshot, entity.id, 'parentProcess', 'in', 'process')),
  },
  {
    id: 'indicator-activity',
    name: 'Activity with this indicator',
    kinds: ['ip', 'url', 'dnsName'],
    kql: (entity) =>
      `union DeviceNetworkEvents, EmailEvents, EmailUrlInfo, UrlClickEvents\n| where RemoteIP == ${kqlString(entity.displayName)} or SenderIPv4 == ${kqlString(entity.displayName)} or Url == ${kqlString(entity.displayName)}\n| order by Timestamp asc`,
    columns: RELATED_COLUMNS,
    rows: (snapshot, entity) =>
      relatedRows(snapshot, entity, [
        ['communicatesWith', 'in', 'ConnectionSuccess'],
        ['hasIp', 'in', 'LocalAddress'],
        ['sentFrom', 'in', 'EmailSent'],
        ['containsUrl', 'in', 'UrlInEmail'],
        ['resolvesTo', 'in', 'DnsResolved'],
      ]),
  },
  {
    id: 'message-urls',
    name: 'URLs, sender and recipients of this message',
    kinds: ['mailMessage', 'mailCluster'],
    kql: (entity) =>
      `EmailEvents\n| where NetworkMessageId == ${kqlString(String(entity.properties.networkMessageId ?? entity.id))}\n| join kind=leftouter EmailUrlInfo on NetworkMessageId`,
    columns: RELATED_COLUMNS,
    rows: (snapshot, entity) =>
      relatedRows(snapshot, entity, [
        ['containsUrl', 'out', 'UrlInEmail'],
        ['sentBy', 'out', 'Sender'],
        ['sentTo', 'out', 'Recipient'],
        ['sentFrom', 'out', 'SenderIp'],
        ['clusterMember', 'out', 'ClusterMember'],
      ]),
  },
];

/** Returns the queries offered for an entity: "Alerts with this entity" first, then those of its kind. */
export function demoHuntsFor(entity: Entity, incidentId: string): HuntQuery[] {
  return HUNTS.filter((hunt) => hunt.kinds === 'all' || hunt.kinds.includes(entity.kind)).map((hunt) => ({
    id: hunt.id,
    name: hunt.name,
    description: DEMO_DESCRIPTION,
    query: `${DEMO_NOTE}\n${hunt.kql(entity)}`,
    target: { incidentId, entityId: entity.id, kind: entity.kind },
  }));
}

/**
 * Returns the rows of a query for an entity, in time order. The result covers the incident's
 * activity, from a day before its earliest alert to a day after its latest. Throws an `Error`
 * for an unknown query id and for the query that shows the error state.
 */
export function runDemoHunt(snapshot: IncidentSnapshot, entity: Entity, queryId: string): HuntResult {
  const hunt = HUNTS.find((candidate) => candidate.id === queryId);
  if (hunt === undefined || (hunt.kinds !== 'all' && !hunt.kinds.includes(entity.kind))) {
    const offered = demoHuntsFor(entity, snapshot.incident.id).map((query) => JSON.stringify(query.id)).join(', ');
    throw new Error(`Demo adapter: query ${JSON.stringify(queryId)} is not offered for ${entity.kind} ${JSON.stringify(entity.id)}. Offered: ${offered}.`);
  }

  const rows = hunt.rows(snapshot, entity).sort(byTimestamp);
  const times = snapshot.alerts.flatMap((alert) => [alert.firstActivityTime, alert.lastActivityTime]).filter(isTime);
  const result: HuntResult = { columns: hunt.columns, rows };
  if (times.length > 0) {
    result.start = Math.min(...times) - DAY;
    result.end = Math.max(...times) + DAY;
  }
  return result;
}

/**
 * Returns the live update that links hunting rows to the incident: one informational alert,
 * numbered `sequence`, whose evidence is every entity of the incident that the rows name.
 * Throws an `Error` when no row names one.
 */
export function linkedRecordsPatch(snapshot: IncidentSnapshot, records: readonly HuntRecord[], sequence: number): IncidentPatch {
  const known = new Set(snapshot.entities.map((entity) => entity.id));
  const entityIds = [...new Set(records.flatMap((record) => asStrings(record[ROW_ENTITY_IDS])))].filter((id) => known.has(id));
  if (entityIds.length === 0) {
    throw new Error(`Demo adapter: none of the ${records.length} records names an entity of incident ${JSON.stringify(snapshot.incident.id)}, so nothing was linked.`);
  }

  const times = records.map((record) => record.Timestamp).filter(isTime);
  const fallback = times.length === 0 ? latestAlertTime(snapshot) : undefined;
  const rowCount = records.length === 1 ? '1 row' : `${records.length} rows`;
  const alert: Alert = {
    id: `hunt-link-${snapshot.incident.id}-${sequence}`,
    title: `Linked from advanced hunting: ${rowCount}`,
    severity: 'informational',
    status: 'new',
    mitreTechniques: [],
    detectionSource: 'Advanced hunting (demo)',
    firstActivityTime: times.length === 0 ? fallback : Math.min(...times),
    lastActivityTime: times.length === 0 ? fallback : Math.max(...times),
    relatedAlertIds: [],
    evidence: entityIds.map((entityId) => ({ entityId, roles: ['related'] })),
  };
  return { alerts: [alert] };
}

/** Quotes a value as a KQL string literal. JSON's escapes for quotes, backslashes and line breaks are KQL's too. */
function kqlString(value: string): string {
  return JSON.stringify(value);
}

function mailAddress(entity: Entity): string {
  return String(entity.properties.primaryAddress ?? entity.properties.upn ?? entity.displayName);
}

interface Neighbour {
  entity: Entity;
  time: number | undefined;
}

/**
 * Returns the entities at the other end of the entity's relations of one type and direction.
 * The time of each is the latest of the relation's and both entities' first sightings, because
 * a relation cannot be seen before either of its ends.
 */
function neighbours(snapshot: IncidentSnapshot, entityId: string, type: RelationType, direction: 'in' | 'out', kind?: EntityKind): Neighbour[] {
  const byId = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
  const ownSeen = byId.get(entityId)?.firstSeen;
  const found = new Map<string, Neighbour>();
  for (const relation of snapshot.relations) {
    if (relation.type !== type) continue;
    const ownEnd = direction === 'out' ? relation.source : relation.target;
    const other = byId.get(direction === 'out' ? relation.target : relation.source);
    if (ownEnd !== entityId || other === undefined || (kind !== undefined && other.kind !== kind) || found.has(other.id)) continue;
    const times = [relation.firstSeen, other.firstSeen, ownSeen].filter(isTime);
    found.set(other.id, { entity: other, time: times.length === 0 ? undefined : Math.max(...times) });
  }
  return [...found.values()];
}

/** Returns one row per related entity, for the relations given as type, direction and action type. */
function relatedRows(snapshot: IncidentSnapshot, entity: Entity, relations: ReadonlyArray<readonly [RelationType, 'in' | 'out', string]>): HuntRecord[] {
  return relations.flatMap(([type, direction, actionType]) =>
    neighbours(snapshot, entity.id, type, direction).map(({ entity: other, time }) => ({
      Timestamp: time,
      ActionType: actionType,
      EntityType: other.kind,
      Entity: other.displayName,
      Verdict: other.verdict ?? '',
      [ROW_ENTITY_IDS]: [entity.id, other.id],
    })),
  );
}

/** Returns DeviceProcessEvents-style rows for processes of the incident. */
function processRows(snapshot: IncidentSnapshot, processes: readonly Neighbour[]): HuntRecord[] {
  return processes.map(({ entity: process }) => {
    const device = neighbours(snapshot, process.id, 'runsOn', 'out', 'device')[0]?.entity;
    const parent = neighbours(snapshot, process.id, 'parentProcess', 'out', 'process')[0]?.entity;
    return {
      Timestamp: process.properties.processCreationTime ?? process.firstSeen,
      DeviceName: device?.displayName ?? '',
      FileName: process.properties.imageFileName ?? process.displayName,
      ProcessId: process.properties.processId,
      ProcessCommandLine: process.properties.processCommandLine ?? '',
      InitiatingProcessFileName: parent?.displayName ?? '',
      AccountName: process.properties.accountName ?? '',
      [ROW_ENTITY_IDS]: [process.id, ...(device === undefined ? [] : [device.id])],
    };
  });
}

function alertTime(alert: Alert): number | undefined {
  return alert.firstActivityTime ?? alert.createdTime ?? alert.lastActivityTime;
}

function latestAlertTime(snapshot: IncidentSnapshot): number | undefined {
  const times = snapshot.alerts.map(alertTime).filter(isTime);
  return times.length === 0 ? undefined : Math.max(...times);
}

/** Orders rows by time, rows without a time last, and keeps the order of equal times. */
function byTimestamp(a: HuntRecord, b: HuntRecord): number {
  const left = isTime(a.Timestamp) ? a.Timestamp : Infinity;
  const right = isTime(b.Timestamp) ? b.Timestamp : Infinity;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
