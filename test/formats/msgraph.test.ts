import { expect } from '@open-wc/testing';
import { fromMicrosoftGraph } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/index.js';
import { contosoPhishToMacro, publishedShape } from '../../demo/samples/index.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { countBy, entityNamed, only, relationsOf } from '../helpers/snapshot-queries.js';

const DATA = 'msgraph';

/** Builds a Graph alert with the fields the mapper needs, overridden by `extra`. */
function alert(id: string, incidentId: string | null, evidence: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    '@odata.type': '#microsoft.graph.security.alert',
    id,
    incidentId,
    title: `Alert ${id}`,
    severity: 'Low',
    status: 'new',
    evidence,
    ...extra,
  };
}

/** Builds a Graph evidence item of `type` (a short name such as `fileEvidence`) with `fields`. */
function evidence(type: string, fields: Record<string, unknown> = {}) {
  return { '@odata.type': `#microsoft.graph.security.${type}`, roles: [], ...fields };
}

describe('fromMicrosoftGraph', () => {
  describe('contoso sample', () => {
    const snapshot = only(fromMicrosoftGraph(contosoPhishToMacro));

    it('maps counts', () => {
      expect(snapshot.alerts).to.have.length(7);
      expect(snapshot.alerts.reduce((sum, alert) => sum + alert.evidence.length, 0)).to.equal(38);
      expect(snapshot.entities).to.have.length(25);
      expect(snapshot.relations).to.have.length(35);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('maps entity kinds', () => {
      expect(countBy(snapshot.entities, (entity) => entity.kind)).to.deep.equal({
        mailMessage: 1,
        url: 2,
        mailbox: 2,
        ip: 3,
        user: 1,
        device: 1,
        file: 6,
        process: 7,
        registryKey: 1,
        registryValue: 1,
      });
    });

    it('maps relation types', () => {
      expect(countBy(snapshot.relations, (relation) => relation.type)).to.deep.equal({
        containsUrl: 1,
        sentBy: 1,
        sentTo: 1,
        sentFrom: 1,
        mailboxOf: 1,
        loggedOn: 1,
        hasIp: 1,
        runsOn: 13,
        imageFile: 4,
        runsAs: 4,
        parentProcess: 5,
        valueOf: 1,
        communicatesWith: 1,
      });
    });

    it('links the three-level process tree', () => {
      const winword = entityNamed(snapshot, 'process', 'WINWORD.EXE');
      const powershell = entityNamed(snapshot, 'process', 'powershell.exe');
      const explorer = entityNamed(snapshot, 'process', 'explorer.exe');
      const rundll32 = snapshot.entities.find(
        (entity) => entity.kind === 'process' && entity.properties.processId === 8120,
      )!;

      expect(relationsOf(snapshot, rundll32.id, 'parentProcess').map((r) => r.target)).to.deep.equal([powershell.id]);
      expect(relationsOf(snapshot, powershell.id, 'parentProcess').map((r) => r.target)).to.deep.equal([winword.id]);
      expect(relationsOf(snapshot, winword.id, 'parentProcess').map((r) => r.target)).to.deep.equal([explorer.id]);
      expect(explorer.ghost).to.equal(true);
      expect(winword.ghost).to.equal(undefined);
    });

    it('merges the device across alerts', () => {
      const device = entityNamed(snapshot, 'device', 'ws-042.contoso.com');
      const alerts = snapshot.alerts.filter((alert) => alert.evidence.some((item) => item.entityId === device.id));
      expect(alerts).to.have.length(6);
      expect(device.firstSeen).to.equal(Date.parse('2026-03-10T09:23:17Z'));
    });

    it('takes the strongest verdict and most urgent status', () => {
      const url = entityNamed(snapshot, 'url', 'https://invoices.fabrikam.example/view?id=INV-20417');
      expect(url.verdict).to.equal('malicious');
      expect(url.remediationStatus).to.equal('blocked');
      const perAlert = snapshot.alerts.flatMap((alert) => alert.evidence.filter((item) => item.entityId === url.id));
      expect(perAlert.map((item) => item.remediationStatus)).to.deep.equal(['blocked', 'none']);

      const user = entityNamed(snapshot, 'user', 'Alex Morgan');
      expect(user.verdict).to.equal('suspicious');
    });

    it('maps noThreatsFound to clean', () => {
      expect(entityNamed(snapshot, 'file', 'WINWORD.EXE').verdict).to.equal('clean');
    });

    it('matches recipient addresses ignoring case', () => {
      const message = entityNamed(snapshot, 'mailMessage', 'Invoice INV-20417 overdue: action required');
      const mailbox = entityNamed(snapshot, 'mailbox', 'Alex Morgan');
      expect(relationsOf(snapshot, message.id, 'sentTo').map((r) => r.target)).to.deep.equal([mailbox.id]);
    });

    it('maps incident fields and tags', () => {
      expect(snapshot.incident.id).to.equal('48213');
      expect(snapshot.incident.severity).to.equal('high');
      expect(snapshot.incident.tags).to.deep.equal(['Finance', 'Phishing wave 2026-03', 'Defender Experts']);
      expect(snapshot.incident.comments).to.have.length(1);
      expect(snapshot.alerts[0]!.webUrl).to.match(/^https:\/\/security\.microsoft\.com\/alerts\//);
    });
  });

  describe('published-shape sample', () => {
    const snapshot = only(fromMicrosoftGraph(publishedShape));

    it('maps counts', () => {
      expect(snapshot.alerts).to.have.length(3);
      expect(snapshot.entities).to.have.length(7);
      expect(snapshot.relations).to.have.length(5);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('reads PascalCase enumerations', () => {
      expect(snapshot.incident.severity).to.equal('high');
      expect(snapshot.incident.status).to.equal('active');
      expect(snapshot.incident.classification).to.equal('truePositive');
      expect(snapshot.incident.determination).to.equal('compromisedAccount');
      expect(snapshot.alerts.map((alert) => alert.severity)).to.deep.equal(['medium', 'high', 'medium']);
      expect(snapshot.alerts[0]!.status).to.equal('new');
      expect(entityNamed(snapshot, 'ip', '203.0.113.190').verdict).to.equal('malicious');
      expect(entityNamed(snapshot, 'mailbox', 'Jordan Reyes').remediationStatus).to.equal('pendingApproval');
    });

    it('reads tags instead of customTags', () => {
      expect(snapshot.incident.tags).to.deep.equal(['BEC', 'Defender Experts']);
    });

    it('links mail cluster to message', () => {
      const cluster = snapshot.entities.find((entity) => entity.kind === 'mailCluster')!;
      const message = snapshot.entities.find((entity) => entity.kind === 'mailMessage')!;
      expect(relationsOf(snapshot, cluster.id, 'clusterMember').map((r) => r.target)).to.deep.equal([message.id]);
    });
  });

  describe('published payloads', () => {
    it('maps the alert-get sample', async function () {
      const payload = await readSharedJson(this, `${DATA}/graph-v1.0_security-alert-get.response.json`);
      const snapshot = only(fromMicrosoftGraph(payload));

      expect(snapshot.incident.id).to.equal('28282');
      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.entities).to.have.length(5);
      expect(snapshot.relations).to.have.length(5);

      const services = entityNamed(snapshot, 'process', 'services.exe');
      expect(services.ghost).to.equal(true);
      expect(services.properties.processId).to.equal(668);

      const sense = entityNamed(snapshot, 'process', 'MsSense.exe');
      const senseFile = entityNamed(snapshot, 'file', 'MsSense.exe');
      expect(relationsOf(snapshot, sense.id, 'imageFile').map((r) => r.target)).to.deep.equal([senseFile.id]);
      expect(relationsOf(snapshot, sense.id, 'parentProcess').map((r) => r.target)).to.deep.equal([services.id]);
      expect(relationsOf(snapshot, sense.id, 'runsAs')).to.deep.equal([]);
    });

    it('keeps the containing incident', async function () {
      const payload = await readSharedJson(this, `${DATA}/graph-v1.0_security-list-incidents-expand-alerts.response.json`);
      const snapshot = only(fromMicrosoftGraph(payload));

      expect(snapshot.incident.id).to.equal('2972395');
      expect(snapshot.alerts.map((alert) => alert.id)).to.deep.equal(['da637551227677560813_-961444813']);
      expect(snapshot.entities).to.have.length(5);
      expect(snapshot.relations).to.have.length(5);
      expect(snapshot.incident.tags).to.deep.equal(['Demo', 'Defender Experts']);
      expect(snapshot.incident.severity).to.equal('medium');
      expect(snapshot.issues).to.deep.include({
        id: 'da637551227677560813_-961444813',
        field: 'incidentId',
        problem: 'alert names incident 28282 but is listed in incident 2972395; it is kept in 2972395',
      });
    });

    it('maps an incident without alerts', async function () {
      const payload = await readSharedJson(this, `${DATA}/graph-v1.0_security-incident-get.response.json`);
      const snapshot = only(fromMicrosoftGraph(payload));

      expect(snapshot.alerts).to.have.length(0);
      expect(snapshot.entities).to.have.length(0);
      expect(snapshot.incident.severity).to.equal('medium');
      expect(snapshot.incident.status).to.equal('active');
      expect(snapshot.incident.classification).to.equal('truePositive');
      expect(snapshot.incident.tags).to.deep.equal(['Demo', 'Defender Experts']);
      expect(snapshot.incident.createdTime).to.equal(Date.parse('2021-08-13T08:43:35.553Z'));
    });

    it('maps the XSOAR alert list', async function () {
      const payload = await readSharedJson(this, `${DATA}/graph-alerts_v2-list.xsoar-mock.json`);
      const snapshots = fromMicrosoftGraph(payload);

      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['2514', '2558']);
      const [first, second] = snapshots as [IncidentSnapshot, IncidentSnapshot];
      expect(first.alerts).to.have.length(1);
      expect(first.alerts[0]!.evidence).to.have.length(5);
      expect(first.entities).to.have.length(6);
      expect(first.relations).to.have.length(6);
      expect(second.alerts).to.have.length(1);
      expect(second.entities).to.have.length(1);
      expect(second.relations).to.have.length(0);
      expect(second.incident.status).to.equal('resolved');

      const crond = first.entities.filter((entity) => entity.kind === 'process' && entity.displayName === 'crond');
      expect(crond).to.have.length(1);
      expect(crond[0]!.verdict).to.equal('suspicious');

      const device = entityNamed(first, 'device', 'msde-agent-host-centos7.c.dmst-integrations.internal');
      const root = entityNamed(first, 'user', 'root');
      expect(relationsOf(first, crond[0]!.id, 'runsOn').map((r) => r.target)).to.deep.equal([device.id]);
      expect(relationsOf(first, crond[0]!.id, 'runsAs').map((r) => r.target)).to.deep.equal([root.id]);
      const parent = relationsOf(first, crond[0]!.id, 'parentProcess');
      expect(parent).to.have.length(1);
      expect(first.entities.find((entity) => entity.id === parent[0]!.target)?.ghost).to.equal(true);
    });
  });

  describe('payload shapes', () => {
    it('gives an alert without incident its own', () => {
      const snapshots = fromMicrosoftGraph({ value: [alert('a1', null), alert('a2', null)] });
      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['alert-a1', 'alert-a2']);
      expect(snapshots[0]!.incident.title).to.equal('Alert a1');
    });

    it('groups alerts by incidentId', () => {
      const snapshots = fromMicrosoftGraph({ value: [alert('a1', '7'), alert('a2', '8'), alert('a3', '7')] });
      expect(snapshots.map((snapshot) => snapshot.alerts.map((item) => item.id))).to.deep.equal([['a1', 'a3'], ['a2']]);
    });

    it('maps a single alert', () => {
      const snapshot = only(fromMicrosoftGraph(alert('a1', '9')));
      expect(snapshot.incident.id).to.equal('9');
      expect(snapshot.alerts[0]!.severity).to.equal('low');
    });

    it('keeps unknown evidence as other', () => {
      const snapshot = only(
        fromMicrosoftGraph(
          alert('a1', '9', [
            { '@odata.type': '#microsoft.graph.security.nicEvidence', macAddress: '00-15-5D-00-00-01', verdict: 'Unknown', roles: [] },
          ]),
        ),
      );
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.entities[0]!.kind).to.equal('other');
      expect(snapshot.entities[0]!.properties.rawType).to.equal('nicEvidence');
      expect(snapshot.entities[0]!.properties.macAddress).to.equal('00-15-5D-00-00-01');
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'a1',
          field: 'evidence[0].@odata.type',
          problem: 'unknown evidence type "#microsoft.graph.security.nicEvidence"; shown as "other" with its fields kept',
        },
      ]);
    });

    it('reports an invalid evidence time', () => {
      const snapshot = only(
        fromMicrosoftGraph(
          alert('a1', '9', [
            { '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '192.0.2.1', roles: [] },
            {
              '@odata.type': '#microsoft.graph.security.processEvidence',
              processId: 10,
              processCreationDateTime: 'yesterday',
              imageFile: { fileName: 'a.exe' },
              roles: [],
            },
          ]),
        ),
      );
      expect(snapshot.issues).to.deep.include({
        id: 'a1',
        field: 'evidence[1].processCreationDateTime',
        problem: 'invalid time "yesterday"; it is left out',
      });
      expect(snapshot.entities).to.have.length(2);
    });

    it('reports a missing key field', () => {
      const snapshot = only(
        fromMicrosoftGraph(alert('a1', '9', [{ '@odata.type': '#microsoft.graph.security.ipEvidence', roles: [] }])),
      );
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.issues.map((issue) => `${issue.id} ${issue.field}`)).to.deep.equal(['a1 evidence[0].ipAddress']);
    });

    it('rejects a payload of the wrong type', () => {
      expect(() => fromMicrosoftGraph('incident')).to.throw(TypeError, /fromMicrosoftGraph: expected/);
    });
  });

  describe('data issues', () => {
    it('reports unknown severities', () => {
      const snapshot = only(
        fromMicrosoftGraph({
          '@odata.type': '#microsoft.graph.security.incident',
          id: 'i1',
          displayName: 'Incident',
          severity: 42,
          alerts: [
            alert('a1', 'i1', [], { severity: 'catastrophic' }),
            alert('a2', 'i1', [], { severity: { level: 'high' } }),
            alert('a3', 'i1', [], { severity: 'unknownFutureValue' }),
            alert('a4', 'i1', [], { severity: null }),
          ],
        }),
      );

      expect(snapshot.incident.severity).to.equal('unknown');
      expect(snapshot.alerts.map((item) => item.severity)).to.deep.equal(['unknown', 'unknown', 'unknown', 'unknown']);
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'severity', problem: 'unknown severity "catastrophic"; shown as unknown' },
        { id: 'a2', field: 'severity', problem: 'unknown severity of type object; shown as unknown' },
        { id: 'i1', field: 'severity', problem: 'unknown severity 42; shown as unknown' },
      ]);
    });

    it('reports an unknown verdict', () => {
      const snapshot = only(
        fromMicrosoftGraph(
          alert('a1', '9', [
            evidence('ipEvidence', { ipAddress: '192.0.2.1', verdict: 'Malicious' }),
            evidence('ipEvidence', { ipAddress: '192.0.2.2', verdict: 'unknownFutureValue' }),
            evidence('ipEvidence', { ipAddress: '192.0.2.3' }),
            evidence('ipEvidence', { ipAddress: '192.0.2.4', verdict: 'totallyEvil' }),
          ]),
        ),
      );

      expect(snapshot.entities.map((entity) => entity.verdict)).to.deep.equal(['malicious', 'unknown', undefined, undefined]);
      expect(snapshot.alerts[0]!.evidence[3]).to.not.have.property('verdict');
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'evidence[3].verdict', problem: 'unknown verdict "totallyEvil"; it is left out' },
      ]);
    });

    it('keeps unknown statuses without an issue', () => {
      const snapshot = only(
        fromMicrosoftGraph(
          alert('a1', '9', [evidence('ipEvidence', { ipAddress: '192.0.2.1', remediationStatus: 'quarantinedTwice', roles: ['lurker'] })], {
            status: 'triaged',
          }),
        ),
      );

      expect(snapshot.entities[0]!.remediationStatus).to.equal('quarantinedTwice');
      expect(snapshot.alerts[0]!.evidence[0]!.roles).to.deep.equal(['lurker']);
      expect(snapshot.alerts[0]!.status).to.equal('triaged');
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('reports an unknown evidence type', () => {
      const snapshot = only(
        fromMicrosoftGraph(alert('a1', '9', [evidence('fooBarEvidence', { fooId: 'F-1', verdict: 'Suspicious' })])),
      );

      const other = snapshot.entities[0]!;
      expect(other.kind).to.equal('other');
      expect(other.verdict).to.equal('suspicious');
      expect(other.properties.rawType).to.equal('fooBarEvidence');
      expect(other.properties.fooId).to.equal('F-1');
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'a1',
          field: 'evidence[0].@odata.type',
          problem: 'unknown evidence type "#microsoft.graph.security.fooBarEvidence"; shown as "other" with its fields kept',
        },
      ]);
    });

    it('maps a type named like an Object member as other', () => {
      const snapshot = only(fromMicrosoftGraph(alert('a1', '9', [evidence('constructor', { name: 'x' })])));

      expect(snapshot.entities[0]!.kind).to.equal('other');
      expect(snapshot.entities[0]!.properties.rawType).to.equal('constructor');
      expect(snapshot.issues.map((issue) => issue.field)).to.deep.equal(['evidence[0].@odata.type']);
    });

    it('drops web URLs that are not http', () => {
      const [withIncident, looseAlert] = fromMicrosoftGraph({
        value: [
          {
            '@odata.type': '#microsoft.graph.security.incident',
            id: 'i1',
            displayName: 'Incident',
            incidentWebUrl: 'data:text/html,<script>alert(1)</script>',
            alerts: [alert('a1', 'i1', [], { alertWebUrl: 'javascript:alert(1)' })],
          },
          alert('a2', null, [evidence('urlEvidence', { url: 'javascript:alert(2)' })], {
            alertWebUrl: 'https://security.microsoft.com/alerts/a2',
            incidentWebUrl: 'vbscript:msgbox(1)',
          }),
        ],
      }) as [IncidentSnapshot, IncidentSnapshot];

      expect(withIncident.incident).to.not.have.property('webUrl');
      expect(withIncident.alerts[0]!).to.not.have.property('webUrl');
      expect(withIncident.issues).to.deep.equal([
        { id: 'a1', field: 'alertWebUrl', problem: 'web URL "javascript:alert(1)" is not http or https; it is left out' },
        {
          id: 'i1',
          field: 'incidentWebUrl',
          problem: 'web URL "data:text/html,<script>alert(1)</script>" is not http or https; it is left out',
        },
      ]);

      expect(looseAlert.alerts[0]!.webUrl).to.equal('https://security.microsoft.com/alerts/a2');
      expect(looseAlert.incident).to.not.have.property('webUrl');
      expect(looseAlert.entities[0]!.kind).to.equal('url');
      expect(looseAlert.entities[0]!.properties.url).to.equal('javascript:alert(2)');
      expect(looseAlert.issues).to.deep.equal([
        { id: 'a2', field: 'incidentWebUrl', problem: 'web URL "vbscript:msgbox(1)" is not http or https; it is left out' },
      ]);
    });

    it('reports a repeated alert once', () => {
      const repeated = alert('a1', '28282', [evidence('ipEvidence', { ipAddress: '192.0.2.1', verdict: 'evil' })]);
      const snapshot = only(
        fromMicrosoftGraph({
          '@odata.type': '#microsoft.graph.security.incident',
          id: '2972395',
          displayName: 'Incident',
          alerts: [repeated, structuredClone(repeated)],
        }),
      );

      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'a1',
          field: 'incidentId',
          problem: 'alert names incident 28282 but is listed in incident 2972395; it is kept in 2972395',
        },
        { id: 'a1', field: 'evidence[0].verdict', problem: 'unknown verdict "evil"; it is left out' },
        { id: 'a1', field: 'id', problem: 'duplicate alert id; the records were merged' },
      ]);
    });

    it('reports invalid file hashes', () => {
      const sha1 = 'A94A8FE5CCB19BA61C4C0873D391E987982FBBD3';
      const snapshot = only(
        fromMicrosoftGraph(
          alert('a1', '9', [
            evidence('fileEvidence', {
              fileDetails: { fileName: 'a.exe', filePath: 'C:\\Temp', sha256: 'not-a-hash', sha1 },
            }),
            evidence('fileEvidence', {
              fileDetails: { fileName: 'b.exe', filePath: 'C:\\Temp', sha1: 'abc123', md5: 1234 },
            }),
            evidence('processEvidence', {
              processId: 42,
              imageFile: { fileName: 'b.exe', filePath: 'C:\\Temp', sha256: 'ffff' },
            }),
          ]),
        ),
      );

      const first = entityNamed(snapshot, 'file', 'a.exe');
      expect(first.id).to.equal(`file:${sha1.toLowerCase()}`);
      expect(first.properties.sha256).to.equal('not-a-hash');
      expect(first.properties.sha1).to.equal(sha1.toLowerCase());

      const second = entityNamed(snapshot, 'file', 'b.exe');
      expect(second.id).to.equal('file:c:\\temp\\b.exe');
      expect(second.properties.sha1).to.equal('abc123');
      expect(second.properties.md5).to.equal(1234);

      const process = entityNamed(snapshot, 'process', 'b.exe');
      expect(relationsOf(snapshot, process.id, 'imageFile').map((relation) => relation.target)).to.deep.equal([second.id]);

      expect(snapshot.issues).to.deep.equal([
        {
          id: 'a1',
          field: 'evidence[0].fileDetails.sha256',
          problem: 'invalid sha256 "not-a-hash" (expected 64 hex digits); kept as a property but not used to match the file',
        },
        {
          id: 'a1',
          field: 'evidence[1].fileDetails.sha1',
          problem: 'invalid sha1 "abc123" (expected 40 hex digits); kept as a property but not used to match the file',
        },
        {
          id: 'a1',
          field: 'evidence[1].fileDetails.md5',
          problem: 'invalid md5 1234 (expected 32 hex digits); kept as a property but not used to match the file',
        },
        {
          id: 'a1',
          field: 'evidence[2].imageFile.sha256',
          problem: 'invalid sha256 "ffff" (expected 64 hex digits); kept as a property but not used to match the file',
        },
      ]);
    });
  });
});
