import { expect } from '@open-wc/testing';
import { fromAdvancedHunting } from '../../src/formats/index.js';
import { buildIncidentGraph, type Entity, type IncidentSnapshot, type Relation } from '../../src/model/index.js';
import { readSharedText } from '../helpers/shared-data.js';
import { countBy, only } from '../helpers/snapshot-queries.js';

const SAMPLE = 'defender/m365d-streaming_alertinfo-alertevidence-deviceprocessevents.ndjson';

function entityNamed(snapshot: IncidentSnapshot, kind: string, displayName: string, ghost = false): Entity {
  const matches = snapshot.entities.filter(
    (entity) => entity.kind === kind && entity.displayName === displayName && (entity.ghost === true) === ghost,
  );
  expect(matches, `${kind} ${displayName}`).to.have.length(1);
  return matches[0]!;
}

function targetsOf(snapshot: IncidentSnapshot, source: string, type: string): string[] {
  return snapshot.relations.filter((relation: Relation) => relation.source === source && relation.type === type).map((relation) => relation.target);
}

/** Wraps a row in the streaming API envelope of `table`. */
function envelope(table: string, properties: Record<string, unknown>) {
  return { category: `AdvancedHunting-${table}`, time: '2024-05-01T10:00:00Z', properties };
}

function alertInfo(alertId: string, extra: Record<string, unknown> = {}) {
  return envelope('AlertInfo', {
    AlertId: alertId,
    Title: `Alert ${alertId}`,
    Severity: 'High',
    Category: 'Execution',
    Timestamp: '2024-05-01T09:00:00Z',
    ...extra,
  });
}

function alertEvidence(alertId: string, entityType: string, extra: Record<string, unknown> = {}) {
  return envelope('AlertEvidence', {
    AlertId: alertId,
    EntityType: entityType,
    EvidenceRole: 'Impacted',
    DeviceId: 'dev-1',
    DeviceName: 'ws1.contoso.com',
    Timestamp: '2024-05-01T09:05:00Z',
    ...extra,
  });
}

function processEvent(extra: Record<string, unknown> = {}) {
  return envelope('DeviceProcessEvents', {
    DeviceId: 'dev-1',
    DeviceName: 'ws1.contoso.com',
    ActionType: 'ProcessCreated',
    Timestamp: '2024-05-01T09:01:00Z',
    ProcessId: 300,
    ProcessCreationTime: '2024-05-01T09:01:00Z',
    FileName: 'powershell.exe',
    FolderPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    ProcessCommandLine: 'powershell -enc AAAA',
    AccountName: 'alex',
    AccountDomain: 'contoso',
    InitiatingProcessId: 200,
    InitiatingProcessCreationTime: '2024-05-01T08:59:00Z',
    InitiatingProcessFileName: 'cmd.exe',
    InitiatingProcessFolderPath: 'C:\\Windows\\System32\\cmd.exe',
    InitiatingProcessCommandLine: 'cmd.exe /c run.bat',
    InitiatingProcessParentId: 100,
    InitiatingProcessParentCreationTime: '2024-04-30T07:00:00Z',
    InitiatingProcessParentFileName: 'explorer.exe',
    ...extra,
  });
}

describe('fromAdvancedHunting', () => {
  describe('published payload', () => {
    it('maps the streaming NDJSON sample', async function () {
      const snapshot = only(fromAdvancedHunting(await readSharedText(this, SAMPLE)));

      // Counted in the payload: 6 records. Alert da638034938542563831_172489803 has 3 AlertInfo
      // copies and no evidence; alert da638034938542195558_2006612345 has 1 AlertEvidence row
      // (a File on TestMachine1) and no AlertInfo row: 2 alerts. Its file and its device are
      // evidence: 2 evidence edges. Each of the 2 DeviceProcessEvents rows is on its own device
      // and gives the process, its initiating process and a ghost grandparent: 2 x 4 entities.
      // Entities: 1 file + 1 device + 8 = 10. Relations: the file runs on its device (1), and
      // per process row 2 parentProcess and 3 runsOn (10): 11, so the graph has 13 edges.
      expect(snapshot.alerts).to.have.length(2);
      expect(countBy(snapshot.entities, (entity) => entity.kind)).to.deep.equal({ file: 1, device: 3, process: 6 });
      expect(snapshot.entities.filter((entity) => entity.ghost === true)).to.have.length(2);
      expect(snapshot.alerts.reduce((sum, alert) => sum + alert.evidence.length, 0)).to.equal(2);
      expect(countBy(snapshot.relations, (relation) => relation.type)).to.deep.equal({ runsOn: 7, parentProcess: 4 });
      expect(buildIncidentGraph(snapshot).size).to.equal(13);
    });

    it('merges the repeated AlertInfo rows', async function () {
      const snapshot = only(fromAdvancedHunting(await readSharedText(this, SAMPLE)));

      const alert = snapshot.alerts.find((item) => item.id === 'da638034938542563831_172489803')!;
      expect(alert.title).to.equal('Anomalous silent process exit monitor registration');
      expect(alert.severity).to.equal('medium');
      expect(alert.category).to.equal('Persistence');
      expect(alert.mitreTechniques).to.deep.equal(['T1078', 'T1078.004']);
      expect(alert.detectionSource).to.equal('EDR');
      expect(alert.firstActivityTime).to.equal(Date.parse('2022-11-08T08:42:17.295Z'));

      expect(snapshot.incident.id).to.match(/^hunting-[0-9a-f]{8}$/);
      expect(snapshot.incident.severity).to.equal('medium');
      expect(snapshot.incident.status).to.equal('unknown');
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'da638034938542563831_172489803',
          field: 'rows[3].ProcessCommandLine',
          problem: 'column that AlertInfo does not have; it is left out',
        },
        {
          id: 'da638034938542195558_2006612345',
          field: 'AlertInfo',
          problem:
            'no AlertInfo row for this alert; its title, severity and category come from its AlertEvidence rows, if they have them',
        },
      ]);
    });

    it('builds the process trees', async function () {
      const snapshot = only(fromAdvancedHunting(await readSharedText(this, SAMPLE)));

      const tar = entityNamed(snapshot, 'process', 'tar');
      const dash = entityNamed(snapshot, 'process', 'dash');
      const shell = entityNamed(snapshot, 'process', 'dash', true);
      expect(targetsOf(snapshot, tar.id, 'parentProcess')).to.deep.equal([dash.id]);
      expect(targetsOf(snapshot, dash.id, 'parentProcess')).to.deep.equal([shell.id]);
      expect(shell.properties.processId).to.equal(215957);

      // Both processes have pid 216032 (the shell ran tar with exec), so only the creation
      // time distinguishes them.
      expect(tar.properties.processId).to.equal(216032);
      expect(dash.properties.processId).to.equal(216032);
      expect(dash.properties.processCommandLine).to.equal('/bin/sh /usr/libexec/dpkg/dpkg-db-backup');
      expect(dash.properties.imageFilePath).to.equal('/usr/bin');
      expect(tar.properties.imageFilePath).to.equal('/usr/bin');
      expect(tar.properties.accountName).to.equal('root');
      expect(tar.firstSeen).to.equal(Date.parse('2024-09-10T03:59:59.294Z'));
      expect(shell.firstSeen).to.equal(dash.firstSeen);

      const device = entityNamed(snapshot, 'device', 'dummyvalue');
      for (const process of [tar, dash, shell]) expect(targetsOf(snapshot, process.id, 'runsOn')).to.deep.equal([device.id]);
      expect(snapshot.entities.filter((entity) => entity.verdict !== undefined || entity.remediationStatus !== undefined)).to.deep.equal([]);
    });

    it('reads the same rows parsed', async function () {
      const text = await readSharedText(this, SAMPLE);
      const rows = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);

      const fromText = only(fromAdvancedHunting(text));
      const fromArray = only(fromAdvancedHunting(rows));
      const fromBatch = only(fromAdvancedHunting({ records: rows }));
      expect(fromArray).to.deep.equal(fromText);
      expect(fromBatch).to.deep.equal(fromText);
    });
  });

  describe('payload shapes', () => {
    it('recognises bare rows by their columns', () => {
      const rows = [alertInfo('a1'), alertEvidence('a1', 'Ip', { RemoteIP: '192.0.2.7' }), processEvent()].map((record) => record.properties);
      const snapshot = only(fromAdvancedHunting({ Results: rows }));

      expect(snapshot.alerts.map((alert) => alert.title)).to.deep.equal(['Alert a1']);
      expect(snapshot.entities.map((entity) => entity.kind).sort()).to.deep.equal(['device', 'ip', 'process', 'process', 'process']);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('groups alerts by IncidentId', () => {
      const snapshots = fromAdvancedHunting([
        alertInfo('a1', { IncidentId: 11 }),
        alertInfo('a2'),
        alertEvidence('a2', 'User', { AccountName: 'alex', AccountDomain: 'contoso', IncidentId: 12 }),
        alertInfo('a3'),
        processEvent(),
        processEvent({ DeviceId: 'dev-2', ReportId: 5 }),
      ]);

      expect(snapshots.map((snapshot) => snapshot.incident.id.replace(/^hunting-.*/, 'hunting'))).to.deep.equal(['11', '12', 'hunting']);
      const [first, second, rest] = snapshots as [IncidentSnapshot, IncidentSnapshot, IncidentSnapshot];
      expect(first.incident.title).to.equal('Incident 11');
      expect(second.alerts.map((alert) => alert.id)).to.deep.equal(['a2']);
      // The first process row is on dev-1, where a2 has evidence; the second has no incident.
      expect(second.entities.filter((entity) => entity.kind === 'process')).to.have.length(3);
      expect(rest.alerts.map((alert) => alert.id)).to.deep.equal(['a3']);
      expect(rest.incident.title).to.equal('Alert a3');
      expect(rest.entities.filter((entity) => entity.kind === 'process')).to.have.length(3);
    });

    it('takes the incident from the options', () => {
      const rows = [alertInfo('a1'), alertInfo('a2', { Severity: 'Low' })];
      const snapshot = only(fromAdvancedHunting(rows, { incidentId: 'INC-9', title: 'Hunt for a1' }));
      expect(snapshot.incident).to.include({ id: 'INC-9', title: 'Hunt for a1', severity: 'high' });

      const generated = only(fromAdvancedHunting(rows)).incident;
      expect(generated.title).to.equal('2 alerts from advanced hunting');
      expect(only(fromAdvancedHunting([...rows].reverse())).incident.id).to.equal(generated.id);
      expect(only(fromAdvancedHunting([alertInfo('a3')])).incident.id).to.not.equal(generated.id);
    });

    it('returns nothing for no rows', () => {
      expect(fromAdvancedHunting([])).to.deep.equal([]);
      expect(fromAdvancedHunting('')).to.deep.equal([]);
    });

    it('rejects a payload of the wrong type', () => {
      expect(() => fromAdvancedHunting(42)).to.throw(TypeError, /fromAdvancedHunting: expected/);
      expect(() => fromAdvancedHunting(null)).to.throw(TypeError, /got null/);
      expect(() => fromAdvancedHunting([envelope('DeviceNetworkEvents', { RemoteIP: '192.0.2.1' })])).to.throw(
        TypeError,
        /found no AlertInfo, AlertEvidence or DeviceProcessEvents row \(got rows of DeviceNetworkEvents\)/,
      );
      expect(() => fromAdvancedHunting({ value: [{ id: 'graph-incident', displayName: 'x' }] })).to.throw(TypeError, /got 1 unreadable record\)/);
    });

    it('keeps issues of rows without AlertId', () => {
      const snapshot = only(fromAdvancedHunting([envelope('AlertInfo', { Title: 'No id' })]));
      expect(snapshot.alerts).to.deep.equal([]);
      expect(snapshot.issues).to.deep.equal([
        { id: 'rows[0]', field: 'AlertId', problem: 'AlertInfo row without an AlertId; it is left out' },
      ]);
    });
  });

  describe('rules', () => {
    it('merges AlertInfo copies', () => {
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1', { AttackTechniques: '["Valid Accounts (T1078)"]', Severity: 'Low' }),
          alertInfo('a1', { AttackTechniques: '', Severity: 'Medium', Category: null }),
        ]),
      );

      const alert = snapshot.alerts[0]!;
      expect(alert.mitreTechniques).to.deep.equal(['T1078']);
      expect(alert.severity).to.equal('medium');
      expect(alert.category).to.equal('Execution');
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('times an alert by its evidence', () => {
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1'),
          alertEvidence('a1', 'Ip', { RemoteIP: '192.0.2.1', Timestamp: '2024-05-01T09:20:00Z' }),
          alertEvidence('a1', 'Ip', { RemoteIP: '192.0.2.2', Timestamp: '2024-05-01T09:10:00Z' }),
        ]),
      );

      const alert = snapshot.alerts[0]!;
      expect(alert.createdTime).to.equal(Date.parse('2024-05-01T09:00:00Z'));
      expect(alert.firstActivityTime).to.equal(Date.parse('2024-05-01T09:10:00Z'));
      expect(alert.lastActivityTime).to.equal(Date.parse('2024-05-01T09:20:00Z'));
    });

    it('reads roles and IP direction', () => {
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1'),
          alertEvidence('a1', 'Machine'),
          alertEvidence('a1', 'Ip', { RemoteIP: '198.51.100.1', EvidenceRole: 'Related', EvidenceDirection: 'Destination' }),
          alertEvidence('a1', 'Ip', { RemoteIP: '198.51.100.2', EvidenceDirection: 'Source' }),
        ]),
      );

      const evidence = snapshot.alerts[0]!.evidence;
      expect(evidence.map((item) => [item.entityId, item.roles])).to.deep.equal([
        ['device:dev-1', ['impacted']],
        ['ip:198.51.100.1', ['related', 'destination']],
        ['ip:198.51.100.2', ['impacted', 'source']],
      ]);
      expect(targetsOf(snapshot, 'device:dev-1', 'communicatesWith')).to.deep.equal(['ip:198.51.100.1']);
      expect(targetsOf(snapshot, 'ip:198.51.100.2', 'communicatesWith')).to.deep.equal(['device:dev-1']);
      expect(evidence.filter((item) => item.verdict !== undefined || item.remediationStatus !== undefined)).to.deep.equal([]);
    });

    it('joins process evidence to its event', () => {
      const sha256 = 'b'.repeat(64);
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1'),
          alertEvidence('a1', 'Process', {
            FileName: 'powershell.exe',
            AdditionalFields: JSON.stringify({ ProcessId: '300', CreationTimeUtc: '2024-05-01T09:01:00Z' }),
          }),
          alertEvidence('a1', 'User', { AccountName: 'ALEX', AccountDomain: 'CONTOSO' }),
          alertEvidence('a1', 'File', { FileName: 'powershell.exe', FolderPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0', SHA256: sha256 }),
          processEvent({ SHA256: sha256 }),
        ]),
      );

      const powershell = entityNamed(snapshot, 'process', 'powershell.exe');
      expect(powershell.properties.processCommandLine).to.equal('powershell -enc AAAA');
      expect(snapshot.alerts[0]!.evidence.map((item) => item.entityId)).to.include(powershell.id);
      expect(targetsOf(snapshot, powershell.id, 'runsAs')).to.deep.equal(['user:contoso\\alex']);
      expect(targetsOf(snapshot, powershell.id, 'imageFile')).to.deep.equal([`file:${sha256}`]);
      expect(targetsOf(snapshot, powershell.id, 'parentProcess')).to.deep.equal([entityNamed(snapshot, 'process', 'cmd.exe').id]);
      expect(entityNamed(snapshot, 'process', 'explorer.exe', true).firstSeen).to.equal(Date.parse('2024-05-01T08:59:00Z'));
    });

    it('links a registry value to its key', () => {
      const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Run';
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1'),
          alertEvidence('a1', 'RegistryKey', { RegistryKey: key }),
          alertEvidence('a1', 'RegistryValue', { RegistryKey: key, RegistryValueName: 'Updater', RegistryValueData: 'c:\\x.exe' }),
        ]),
      );

      const value = entityNamed(snapshot, 'registryValue', 'Updater');
      expect(value.properties.registryValue).to.equal('c:\\x.exe');
      expect(targetsOf(snapshot, value.id, 'valueOf')).to.deep.equal([`registryKey:${key.toLowerCase()}`]);
    });
  });

  describe('data issues', () => {
    it('reports lines and rows it cannot read', () => {
      const text = [
        JSON.stringify(alertInfo('a1')),
        '{"category": "AdvancedHunting-AlertInfo", ',
        JSON.stringify(envelope('DeviceNetworkEvents', { RemoteIP: '192.0.2.1' })),
        JSON.stringify(envelope('DeviceNetworkEvents', { RemoteIP: '192.0.2.2' })),
        JSON.stringify({ Foo: 1 }),
        '7',
        JSON.stringify(envelope('AlertEvidence', { EntityType: 'Ip' })),
      ].join('\n');
      const snapshot = only(fromAdvancedHunting(text));

      expect(snapshot.alerts.map((alert) => alert.id)).to.deep.equal(['a1']);
      expect(snapshot.issues.map((issue) => [issue.id, issue.field])).to.deep.equal([
        ['payload', 'line 2'],
        ['rows[3]', 'category'],
        ['rows[4]', '(row)'],
        ['rows[5]', 'AlertId'],
        ['AdvancedHunting-DeviceNetworkEvents', 'category'],
      ]);
      expect(snapshot.issues[1]!.problem).to.equal('row of an unknown table; it is left out');
      expect(snapshot.issues[4]!.problem).to.equal('2 rows of a table this mapper does not read; left out');
    });

    it('reports unknown values', () => {
      const snapshot = only(
        fromAdvancedHunting([
          alertInfo('a1', { Severity: 'Severe', AttackTechniques: 'T1059.001, T1105' }),
          alertEvidence('a1', 'Printer', { PrinterName: 'P1' }),
          alertEvidence('a1', 'File', { FileName: 'a.exe', SHA1: 'xyz', AdditionalFields: '{bad' }),
          alertEvidence('a1', 'Ip', { Timestamp: 'soon' }),
        ]),
      );

      const alert = snapshot.alerts[0]!;
      expect(alert.severity).to.equal('unknown');
      expect(alert.mitreTechniques).to.deep.equal(['T1059.001', 'T1105']);
      const printer = snapshot.entities.find((entity) => entity.kind === 'other')!;
      expect(printer.properties).to.include({ rawType: 'Printer', PrinterName: 'P1' });
      expect(entityNamed(snapshot, 'file', 'a.exe').properties.AdditionalFields).to.equal('{bad');

      expect(snapshot.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal([
        'a1 Severity',
        'a1 AttackTechniques',
        'a1 rows[3].Timestamp',
        'a1 rows[1].EntityType',
        'a1 rows[2].AdditionalFields',
        'a1 rows[2].SHA1',
        'a1 rows[3].RemoteIP',
      ]);
      expect(snapshot.issues[3]!.problem).to.equal('unknown entity type "Printer"; shown as "other" with its columns kept');
    });

    it('reports process rows without ids', () => {
      const snapshot = only(fromAdvancedHunting([processEvent({ ProcessId: null, InitiatingProcessId: null, ProcessCreationTime: 'later' })]));

      expect(snapshot.entities.filter((entity) => entity.kind === 'process').map((entity) => entity.id)).to.deep.equal([
        'process:rows[0]:ProcessId',
        'process:rows[0]:InitiatingProcessId',
        'process:dev-1:100:1714460400000',
      ]);
      expect(snapshot.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal([
        'rows[0] ProcessId',
        'rows[0] ProcessCreationTime',
        'rows[0] InitiatingProcessId',
      ]);
    });
  });
});
