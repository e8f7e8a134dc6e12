import { expect } from '@open-wc/testing';
import { fromSentinel } from '../../src/formats/index.js';
import * as packageEntry from '../../src/index.js';
import { readSharedJson, readSharedText } from '../helpers/shared-data.js';
import { entityNamed, evidenceCount, only, relationsOf } from '../helpers/snapshot-queries.js';

const DATA = 'sentinel';

/** Builds a `SecurityAlert` row with the fields the mapper needs, its `Entities` given as objects. */
function alertRow(id: string, entities: unknown[], extra: Record<string, unknown> = {}) {
  return {
    Type: 'SecurityAlert',
    SystemAlertId: id,
    AlertName: `Alert ${id}`,
    AlertSeverity: 'Medium',
    Status: 'New',
    StartTime: '2024-05-01T10:00:00Z',
    EndTime: '2024-05-01T10:05:00Z',
    TimeGenerated: '2024-05-01T10:06:00Z',
    Entities: JSON.stringify(entities),
    ...extra,
  };
}

/** Builds a REST resource of `kind` with `properties`. */
function restEntity(name: string, kind: string, properties: Record<string, unknown>) {
  return { id: `/entities/${name}`, name, type: 'Microsoft.SecurityInsights/entities', kind, properties };
}

/**
 * Entities of a process tree in the shape Log Analytics writes them: each object in full where
 * it is first used, `$ref` afterwards.
 */
const processTreeEntities = [
  { $id: '2', HostName: 'web01', DnsDomain: 'contoso.com', OSFamily: 'Windows', Type: 'host' },
  { $id: '3', Name: 'alice', NTDomain: 'CONTOSO', Sid: 'S-1-5-21-1004', Host: { $ref: '2' }, Type: 'account' },
  {
    $id: '4',
    ProcessId: '0x1a2b',
    CommandLine: 'powershell -enc SQBFAFgA',
    CreationTimeUtc: '2024-05-01T10:00:00Z',
    ImageFile: {
      $id: '5',
      Directory: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
      Name: 'powershell.exe',
      FileHashes: [{ $id: '6', Algorithm: 'SHA256', Value: 'A'.repeat(64), Type: 'filehash' }],
      Type: 'file',
    },
    ParentProcess: {
      $id: '7',
      ProcessId: '4100',
      CreationTimeUtc: '2024-05-01T09:59:00Z',
      ImageFile: { $id: '8', Directory: 'C:\\Windows\\System32', Name: 'cmd.exe', Type: 'file' },
      Host: { $ref: '2' },
      Type: 'process',
    },
    Account: { $ref: '3' },
    Host: { $ref: '2' },
    Type: 'process',
  },
  { $ref: '5' },
  { $id: '9', Address: '203.0.113.7', Type: 'ip' },
];

describe('fromSentinel', () => {
  it('is exported from the package entry', () => {
    expect(packageEntry.fromSentinel).to.equal(fromSentinel);
  });

  describe('published payloads', () => {
    it('maps the get-incident example', async function () {
      // The example contains one incident and nothing else: no alerts, entities or edges.
      const payload = await readSharedJson(this, `${DATA}/sentinel-rest-2024-03-01_GetIncidentById.example.json`);
      const snapshot = only(fromSentinel(payload));

      expect(snapshot.alerts).to.have.length(0);
      expect(snapshot.entities).to.have.length(0);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);
      expect(snapshot.incident).to.deep.include({
        id: '73e01a99-5cd7-4139-a149-9f2736ff2ab5',
        title: 'My incident',
        severity: 'high',
        status: 'closed',
        assignedTo: 'john doe',
        classification: 'falsePositive',
        determination: 'inaccurateData',
        createdTime: Date.parse('2019-01-01T13:15:30Z'),
      });
      expect(snapshot.incident.comments).to.deep.equal([{ comment: 'Not a malicious activity' }]);
    });

    it('maps the incident alerts example', async function () {
      // One SecurityAlert resource in `value`; REST alerts list no entities, so no evidence.
      const payload = await readSharedJson(this, `${DATA}/sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json`);
      const snapshot = only(fromSentinel(payload));

      expect(snapshot.alerts).to.have.length(1);
      expect(evidenceCount(snapshot)).to.equal(0);
      expect(snapshot.entities).to.have.length(0);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);
      expect(snapshot.incident.id).to.equal('alert-baa8a239-6fde-4ab7-a093-d09f7b75c58c');
      expect(snapshot.alerts[0]).to.deep.include({
        id: 'baa8a239-6fde-4ab7-a093-d09f7b75c58c',
        title: 'myAlert',
        severity: 'low',
        status: 'new',
        serviceSource: 'Azure Security Center',
        firstActivityTime: Date.parse('2020-07-20T18:21:53.615Z'),
      });
    });

    it('maps the entities example', async function () {
      // Three entities in `value` (Account, Host, File) with no `*EntityId` links between them.
      const payload = await readSharedJson(this, `${DATA}/sentinel-rest-2024-01-01-preview_GetEntities.example.json`);
      const snapshot = only(fromSentinel(payload));

      expect(snapshot.alerts).to.have.length(0);
      expect(snapshot.entities.map((entity) => entity.id)).to.deep.equal([
        'user:f7033626-2572-46b1-bba0-06646f4f95b3',
        'device:vm1.contoso',
        'file:c:\\windows\\system32\\cmd.exe',
      ]);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      const account = entityNamed(snapshot, 'user', 'administrator');
      expect(account.properties).to.deep.include({ domainName: 'domain', userSid: 'S-1-5-18', userPrincipalName: 'administrator@contoso' });
      expect(account.properties).to.not.have.property('ntDomain');
      expect(account.verdict).to.equal(undefined);
      expect(account.remediationStatus).to.equal(undefined);
      expect(entityNamed(snapshot, 'file', 'cmd.exe').properties.filePath).to.equal('C:\\Windows\\System32');
    });

    it('maps the SecurityAlert row', async function () {
      // One NDJSON row. Its `Entities` text contains one object ($id 2, an account) and no
      // $ref, so one entity, one evidence item and no relation.
      const text = await readSharedText(this, `${DATA}/sentinel-securityalert-row.eventhub.ndjson`);
      const snapshot = only(fromSentinel(text));

      expect(snapshot.alerts).to.have.length(1);
      expect(evidenceCount(snapshot)).to.equal(1);
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      const [alert] = snapshot.alerts;
      expect(alert).to.deep.include({
        id: 'jnfjrdnkr-7cbd-5454-9c61-455cc9818f50',
        severity: 'high',
        status: 'new',
        serviceSource: 'Azure Sentinel',
        detectionSource: 'Scheduled Alerts',
      });
      expect(alert!.category).to.equal(undefined);
      const account = entityNamed(snapshot, 'user', 'AWS:44512121212/us-east-1/ec2:i-42f44fdfvdf5d');
      expect(alert!.evidence).to.deep.equal([{ entityId: account.id, roles: [] }]);
    });

    it('maps the three REST responses as one incident', async function () {
      const bodies = await Promise.all(
        [
          'sentinel-rest-2024-03-01_GetIncidentById.example.json',
          'sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json',
          'sentinel-rest-2024-01-01-preview_GetEntities.example.json',
        ].map((file) => readSharedJson(this, `${DATA}/${file}`)),
      );
      const snapshot = only(fromSentinel(bodies));

      expect(snapshot.incident.id).to.equal('73e01a99-5cd7-4139-a149-9f2736ff2ab5');
      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.entities).to.have.length(3);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('maps the entity timeline example', async function () {
      // Three items (SecurityAlert, Activity, Anomaly) become 3 alerts. The response does not
      // name its entity, so no entities, evidence or edges. metaData lists 2 failed queries.
      const payload = await readSharedJson(this, `${DATA}/sentinel-rest-2024-01-01-preview_PostTimelineEntity.example.json`);
      const snapshot = only(fromSentinel(payload));

      expect(snapshot.incident.id).to.equal('timeline-4467341f-fb73-4f99-a9b3-29473532cf5a_bf7c3a2f-b743-6410-3ff0-ec64b5995d50');
      expect(snapshot.alerts.map((alert) => alert.detectionSource)).to.deep.equal(['SecurityAlert', 'Activity', 'Anomaly']);
      expect(evidenceCount(snapshot)).to.equal(0);
      expect(snapshot.entities).to.have.length(0);
      expect(snapshot.relations).to.have.length(0);

      const [alert, activity, anomaly] = snapshot.alerts;
      expect(alert).to.deep.include({ title: 'Alert display name', severity: 'medium', category: 'Discovery' });
      expect(activity).to.deep.include({
        id: 'activity:e0459780-ac9d-4b72-8bd4-fecf6b46a0a1:2021-09-01T21:31:28.02Z',
        title: 'The user has deleted an account',
        severity: 'informational',
        firstActivityTime: Date.parse('2021-09-01T21:35:28.02Z'),
      });
      expect(anomaly).to.deep.include({ severity: 'unknown', category: 'Discovery', mitreTechniques: ['T1046'] });
      expect(anomaly!.description).to.match(/\nReason: High destination port count\nReason: Low port ratio$/);
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'payload',
          field: 'responses.200.body.metaData.errors[0]',
          problem: 'the Activity query failed (syntax error); its items are missing',
        },
        {
          id: 'payload',
          field: 'responses.200.body.metaData.errors[1]',
          problem: 'the SecurityAlert query failed (internal server error); its items are missing',
        },
      ]);
    });
  });

  describe('SecurityAlert entities', () => {
    const snapshot = only(fromSentinel([alertRow('a1', processTreeEntities, { CompromisedEntity: 'web01.contoso.com' })]));

    it('maps counts', () => {
      // host, account, 2 processes, 2 image files, 1 ip = 7 entities (the FileHash becomes the
      // powershell.exe file's sha256, and `{"$ref": "5"}` repeats that file). Edges:
      // loggedOn, 2 runsOn, 2 imageFile, runsAs, parentProcess = 7.
      expect(snapshot.entities).to.have.length(7);
      expect(evidenceCount(snapshot)).to.equal(7);
      expect(snapshot.relations).to.have.length(7);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('resolves $ref to relations', () => {
      const host = entityNamed(snapshot, 'device', 'web01.contoso.com');
      const account = entityNamed(snapshot, 'user', 'alice');
      const child = entityNamed(snapshot, 'process', 'powershell.exe');
      const parent = entityNamed(snapshot, 'process', 'cmd.exe');
      const image = entityNamed(snapshot, 'file', 'powershell.exe');

      expect(relationsOf(snapshot, child.id, 'parentProcess').map((r) => r.target)).to.deep.equal([parent.id]);
      expect(relationsOf(snapshot, child.id, 'imageFile').map((r) => r.target)).to.deep.equal([image.id]);
      expect(relationsOf(snapshot, child.id, 'runsAs').map((r) => r.target)).to.deep.equal([account.id]);
      expect(relationsOf(snapshot, child.id, 'runsOn').map((r) => r.target)).to.deep.equal([host.id]);
      expect(relationsOf(snapshot, parent.id, 'runsOn').map((r) => r.target)).to.deep.equal([host.id]);
      expect(relationsOf(snapshot, host.id, 'loggedOn').map((r) => r.target)).to.deep.equal([account.id]);
    });

    it('builds process ids from host, pid and time', () => {
      const child = entityNamed(snapshot, 'process', 'powershell.exe');
      expect(child.id).to.equal(`process:web01.contoso.com:${0x1a2b}:${Date.parse('2024-05-01T10:00:00Z')}`);
      expect(child.properties.processId).to.equal(0x1a2b);
      expect(child.firstSeen).to.equal(Date.parse('2024-05-01T10:00:00Z'));
    });

    it('folds file hashes into the file', () => {
      const image = entityNamed(snapshot, 'file', 'powershell.exe');
      expect(image.id).to.equal(`file:${'a'.repeat(64)}`);
      expect(image.properties.sha256).to.equal('a'.repeat(64));
      expect(snapshot.entities.some((entity) => entity.displayName === 'A'.repeat(64))).to.equal(false);
    });

    it('marks the compromised entity', () => {
      const host = entityNamed(snapshot, 'device', 'web01.contoso.com');
      const evidence = snapshot.alerts[0]!.evidence.find((item) => item.entityId === host.id);
      expect(evidence!.roles).to.deep.equal(['compromised']);
    });

    it('sets no verdict or remediation', () => {
      for (const entity of snapshot.entities) {
        expect(entity.verdict, entity.id).to.equal(undefined);
        expect(entity.remediationStatus, entity.id).to.equal(undefined);
      }
      for (const evidence of snapshot.alerts[0]!.evidence) {
        expect(evidence).to.not.have.property('verdict');
        expect(evidence).to.not.have.property('remediationStatus');
      }
    });

    it('merges an entity across alerts', () => {
      const rows = [
        alertRow('a1', [{ $id: '1', HostName: 'web01', DnsDomain: 'contoso.com', Type: 'host' }]),
        alertRow('a2', [{ $id: '1', HostName: 'WEB01', DnsDomain: 'contoso.com', OSFamily: 'Linux', Type: 'host' }]),
      ];
      const incident = {
        Type: 'SecurityIncident',
        IncidentName: 'inc-1',
        IncidentNumber: 7,
        Title: 'Two alerts',
        Severity: 'Low',
        Status: 'Active',
        AlertIds: '["a1","a2"]',
      };
      const merged = only(fromSentinel([incident, ...rows]));

      expect(merged.alerts.map((alert) => alert.id)).to.deep.equal(['a1', 'a2']);
      expect(merged.entities).to.have.length(1);
      expect(merged.entities[0]!.id).to.equal('device:web01.contoso.com');
      expect(merged.entities[0]!.properties.osPlatform).to.equal('Linux');
    });

    it('links registry values, messages and connections', () => {
      const entities = [
        { $id: '1', Hive: 'HKEY_LOCAL_MACHINE', Key: 'SOFTWARE\\Run', Type: 'registry-key' },
        { $id: '2', Key: { $ref: '1' }, Name: 'updater', Value: 'x.exe', Type: 'registry-value' },
        { $id: '3', Url: 'https://example.test/a', Type: 'url' },
        { $id: '4', NetworkMessageId: 'm-1', Recipient: 'bob@contoso.com', Subject: 'Invoice', Urls: [{ $ref: '3' }], Type: 'mail-message' },
        { $id: '5', Address: '10.0.0.5', Type: 'ip' },
        { $id: '6', Address: '198.51.100.9', Type: 'ip' },
        { $id: '7', SourceAddress: { $ref: '5' }, DestinationAddress: { $ref: '6' }, DestinationPort: 443, Type: 'network-connection' },
      ];
      const linked = only(fromSentinel([alertRow('a1', entities)]));
      const types = linked.relations.map((relation) => relation.type).sort();

      // valueOf, containsUrl, communicatesWith, and the connection's two references by name.
      expect(types).to.deep.equal(['communicatesWith', 'containsUrl', 'destinationaddress', 'sourceaddress', 'valueOf']);
      expect(relationsOf(linked, 'ip:10.0.0.5', 'communicatesWith').map((r) => r.target)).to.deep.equal(['ip:198.51.100.9']);
      expect(entityNamed(linked, 'registryValue', 'updater').id).to.equal('registryValue:hkey_local_machine\\software\\run\\updater');
    });
  });

  describe('address links', () => {
    it('links messages, mailboxes and users', () => {
      const entities = [
        { $id: '1', NetworkMessageId: 'm-2', P1Sender: 'eve@evil.test', Recipient: 'Bob@contoso.com', Subject: 'Hi', Type: 'mail-message' },
        { $id: '2', MailboxPrimaryAddress: 'bob@contoso.com', Upn: 'bob@contoso.com', DisplayName: 'Bob', Type: 'mailbox' },
        { $id: '3', MailboxPrimaryAddress: 'eve@evil.test', Type: 'mailbox' },
        { $id: '4', Name: 'bob', UPNSuffix: 'contoso.com', Type: 'account' },
      ];
      const snapshot = only(fromSentinel([alertRow('a1', entities)]));
      const message = entityNamed(snapshot, 'mailMessage', 'Hi');

      // 4 entities; edges: sentBy, sentTo, and Bob's mailbox to the account with his UPN.
      expect(snapshot.entities).to.have.length(4);
      expect(snapshot.relations).to.have.length(3);
      expect(relationsOf(snapshot, message.id, 'sentBy').map((r) => r.target)).to.deep.equal(['mailbox:eve@evil.test']);
      expect(relationsOf(snapshot, message.id, 'sentTo').map((r) => r.target)).to.deep.equal(['mailbox:bob@contoso.com']);
      const account = entityNamed(snapshot, 'user', 'bob@contoso.com');
      expect(relationsOf(snapshot, 'mailbox:bob@contoso.com', 'mailboxOf').map((r) => r.target)).to.deep.equal([account.id]);
    });
  });

  describe('REST entities', () => {
    it('links *EntityId references', () => {
      const snapshot = only(
        fromSentinel({
          value: [
            restEntity('h1', 'Host', { hostName: 'web02', friendlyName: 'web02' }),
            restEntity('f1', 'File', { fileName: 'a.dll', directory: 'C:\\Temp', hostEntityId: 'h1' }),
            restEntity('p1', 'Process', { processId: '42', imageFileEntityId: 'f1', hostEntityId: 'h1' }),
          ],
        }),
      );

      // 3 entities; edges: file runsOn host, process imageFile file, process runsOn host.
      expect(snapshot.entities).to.have.length(3);
      expect(snapshot.relations).to.have.length(3);
      expect(relationsOf(snapshot, 'process:web02:42:unknown-time', 'imageFile').map((r) => r.target)).to.deep.equal([
        'file:c:\\temp\\a.dll',
      ]);
    });

    it('keeps a SecurityAlert entity as an alert', () => {
      const snapshot = only(
        fromSentinel({
          entities: [
            restEntity('al1', 'SecurityAlert', { systemAlertId: 'al1', alertDisplayName: 'Beacon', severity: 'High', status: 'New' }),
            restEntity('u1', 'Url', { url: 'https://example.test/' }),
          ],
        }),
      );
      expect(snapshot.alerts.map((alert) => alert.title)).to.deep.equal(['Beacon']);
      expect(snapshot.entities.map((entity) => entity.kind)).to.deep.equal(['url']);
    });
  });

  describe('grouping', () => {
    it('keeps the latest incident row', () => {
      const base = { Type: 'SecurityIncident', IncidentName: 'g1', IncidentNumber: 9, Severity: 'High', Status: 'New' };
      const snapshot = only(
        fromSentinel([
          { ...base, Title: 'Newer', LastModifiedTime: '2024-05-02T00:00:00Z', Owner: '{"assignedTo":"Dana"}', Labels: '[{"labelName":"vip"}]' },
          { ...base, Title: 'Older', LastModifiedTime: '2024-05-01T00:00:00Z' },
        ]),
      );
      expect(snapshot.incident.title).to.equal('Newer');
      expect(snapshot.incident.assignedTo).to.equal('Dana');
      expect(snapshot.incident.tags).to.deep.equal(['vip']);
    });

    it('gives a row without incident its own', () => {
      const snapshots = fromSentinel([alertRow('a1', []), alertRow('a2', [])]);
      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['alert-a1', 'alert-a2']);
      expect(snapshots[0]!.incident.title).to.equal('Alert a1');
    });

    it('reads NDJSON and reports bad lines', () => {
      const text = `${JSON.stringify(alertRow('a1', []))}\n{not json\n\n${JSON.stringify(alertRow('a2', []))}\n`;
      const snapshots = fromSentinel(text);
      expect(snapshots).to.have.length(2);
      const [issue] = snapshots[0]!.issues;
      expect(issue).to.deep.include({ id: 'payload', field: 'line 2' });
      expect(issue!.problem).to.match(/^invalid JSON .*; the line is left out$/);
    });

    it('reads tactics, techniques and remediation steps', () => {
      const snapshot = only(
        fromSentinel(
          alertRow('a1', [], {
            Tactics: 'InitialAccess, Persistence',
            Techniques: '["T1078","T1098"]',
            RemediationSteps: '["Reset the password, then sign out.","Review the sign-ins."]',
          }),
        ),
      );
      const [alert] = snapshot.alerts;
      expect(alert!.category).to.equal('InitialAccess, Persistence');
      expect(alert!.mitreTechniques).to.deep.equal(['T1078', 'T1098']);
      expect(alert!.recommendedActions).to.equal('Reset the password, then sign out.\nReview the sign-ins.');
    });

    it('throws on a payload without records', () => {
      expect(() => fromSentinel({ hello: 'world' })).to.throw(TypeError, /fromSentinel: expected/);
      expect(() => fromSentinel(null)).to.throw(TypeError, /found null/);
    });
  });

  describe('data issues', () => {
    it('reports invalid Entities text', () => {
      const snapshot = only(fromSentinel({ ...alertRow('a1', []), Entities: '[{"$id":' }));
      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.issues).to.have.length(1);
      expect(snapshot.issues[0]).to.deep.include({ id: 'a1', field: 'Entities' });
      expect(snapshot.issues[0]!.problem).to.match(/^invalid JSON text/);
    });

    it('reports an unresolved $ref', () => {
      const snapshot = only(fromSentinel(alertRow('a1', [{ $id: '1', Address: '10.0.0.1', Host: { $ref: '9' }, Type: 'ip' }])));
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'Entities[0].Host.$ref', problem: 'refers to $id "9", which the entities do not define; no relation is drawn' },
      ]);
    });

    it('reports an unresolved entity id', () => {
      const snapshot = only(fromSentinel({ value: [restEntity('f1', 'File', { fileName: 'a.dll', hostEntityId: 'gone' })] }));
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.issues).to.deep.equal([
        { id: 'f1', field: 'properties.hostEntityId', problem: 'refers to entity gone, which the payload does not contain; no relation is drawn' },
      ]);
    });

    it('keeps an unknown entity type as other', () => {
      const snapshot = only(fromSentinel(alertRow('a1', [{ $id: '1', Name: 'thing', Colour: 'blue', Type: 'gizmo' }])));
      const [entity] = snapshot.entities;
      expect(entity!.kind).to.equal('other');
      expect(entity!.properties).to.deep.include({ rawType: 'gizmo', Colour: 'blue' });
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'Entities[0].Type', problem: 'unknown entity type "gizmo"; shown as "other" with its fields kept' },
      ]);
    });

    it('reports an entity without its key field', () => {
      const snapshot = only(fromSentinel(alertRow('a1', [{ $id: '1', Type: 'ip' }])));
      expect(snapshot.entities.map((entity) => entity.id)).to.deep.equal(['ip:a1:Entities[0]']);
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'Entities[0].address', problem: 'missing address; the ip cannot be matched across alerts' },
      ]);
    });

    it('reports unknown enumerations and keeps them', () => {
      const snapshot = only(
        fromSentinel([
          { Type: 'SecurityIncident', IncidentName: 'g1', IncidentNumber: 1, Title: 'T', Severity: 'Severe', Status: 'Paused', Classification: 'Maybe', AlertIds: '["a1"]' },
          alertRow('a1', [], { Status: 'Snoozed' }),
        ]),
      );
      expect(snapshot.incident.severity).to.equal('unknown');
      expect(snapshot.incident.status).to.equal('Paused');
      expect(snapshot.incident.classification).to.equal('Maybe');
      expect(snapshot.alerts[0]!.status).to.equal('Snoozed');
      expect(snapshot.issues.map((issue) => `${issue.id} ${issue.field}`)).to.have.members([
        'g1 Severity',
        'g1 Status',
        'g1 Classification',
        'a1 Status',
      ]);
    });

    it('reports an invalid time', () => {
      const snapshot = only(fromSentinel(alertRow('a1', [], { StartTime: 'yesterday' })));
      expect(snapshot.alerts[0]!.firstActivityTime).to.equal(undefined);
      expect(snapshot.issues).to.deep.equal([{ id: 'a1', field: 'StartTime', problem: 'invalid time "yesterday"; it is left out' }]);
    });

    it('reports a row without SystemAlertId', () => {
      const row: Record<string, unknown> = alertRow('unused', [{ $id: '1', Address: '10.0.0.9', Type: 'ip' }]);
      delete row.SystemAlertId;
      const snapshot = only(fromSentinel([row]));

      expect(snapshot.incident.id).to.equal('alert-alert[0]');
      expect(snapshot.alerts.map((alert) => alert.id)).to.deep.equal(['alert[0]']);
      expect(snapshot.alerts[0]!.evidence).to.deep.equal([{ entityId: 'ip:10.0.0.9', roles: [] }]);
      expect(snapshot.issues).to.deep.equal([
        { id: 'alert[0]', field: 'SystemAlertId', problem: 'SecurityAlert row without SystemAlertId; an id was generated' },
      ]);
    });

    it('reports a record of no known shape', () => {
      const snapshot = only(fromSentinel([alertRow('a1', []), { something: 'else' }]));
      expect(snapshot.issues).to.deep.equal([
        { id: 'payload', field: '[1]', problem: 'not a Sentinel incident, alert, entity or table row; it is left out' },
      ]);
    });
  });
});
