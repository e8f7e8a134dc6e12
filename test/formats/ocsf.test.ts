import { expect } from '@open-wc/testing';
import { fromOcsf } from '../../src/formats/index.js';
import * as packageEntry from '../../src/index.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { entityNamed, evidenceCount, only, relationsOf } from '../helpers/snapshot-queries.js';

const DATA = 'ocsf';

/** Builds a Detection Finding (OCSF 1.1) with the fields the mapper needs, overridden by `extra`. */
function finding(uid: string, extra: Record<string, unknown> = {}) {
  return {
    class_uid: 2004,
    metadata: { version: '1.1.0', product: { name: 'Test EDR', vendor_name: 'Test' } },
    finding_info: { uid, title: `Finding ${uid}`, created_time: 1714557600000 },
    severity_id: 3,
    status_id: 1,
    time: 1714557600000,
    ...extra,
  };
}

describe('fromOcsf', () => {
  it('is exported from the package entry', () => {
    expect(packageEntry.fromOcsf).to.equal(fromOcsf);
  });

  describe('published payloads', () => {
    it('maps the GuardDuty detection finding', async function () {
      // evidences[0] holds an api (service cloudtrail.amazonaws.com) and a src_endpoint (an IP);
      // resources[0] is an IAM access key; both observables repeat those values. So 3 entities,
      // 3 evidence items, and 1 edge: the source IP calls the API's service.
      const payload = await readSharedJson(this, `${DATA}/ocsf-1.1.0_detection-finding_aws-securityhub-guardduty.ocsf.json`);
      const snapshot = only(fromOcsf(payload));

      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.entities).to.have.length(3);
      expect(evidenceCount(snapshot)).to.equal(3);
      expect(snapshot.relations).to.have.length(1);
      expect(snapshot.issues).to.deep.equal([]);

      const [alert] = snapshot.alerts;
      expect(alert).to.deep.include({
        severity: 'low',
        status: 'new',
        category: 'TTPs/Defense Evasion/Stealth:IAMUser-CloudTrailLoggingDisabled',
        serviceSource: 'GuardDuty',
        firstActivityTime: Date.parse('2023-09-19T14:55:09Z'),
        createdTime: Date.parse('2023-09-19T15:05:22.487Z'),
      });
      const ip = entityNamed(snapshot, 'ip', '52.94.133.131');
      const service = entityNamed(snapshot, 'cloudApp', 'cloudtrail.amazonaws.com');
      expect(service.properties.operation).to.equal('DeleteTrail');
      expect(relationsOf(snapshot, ip.id, 'communicatesWith').map((r) => r.target)).to.deep.equal([service.id]);
      expect(ip.properties.observables).to.deep.equal([{ name: 'evidences[].src_endpoint.ip', type: 'IP Address', value: '52.94.133.131' }]);
      expect(entityNamed(snapshot, 'cloudResource', 'AWS::IAM::AccessKey:ASIATMJPC7EXAMPLE').properties.resourceType).to.equal('AwsIamAccessKey');
    });

    it('maps the Okta detection finding', async function () {
      // evidences[0] is a src_endpoint (10.0.0.1) and resources[0] an app path with a name and
      // no uid: 2 entities, 2 evidence items, no edge. The disposition Blocked applies to the
      // evidence entity only.
      const payload = await readSharedJson(this, `${DATA}/ocsf-1.3.0_detection-finding_okta.ocsf.json`);
      const snapshot = only(fromOcsf(payload));

      expect(snapshot.entities).to.have.length(2);
      expect(evidenceCount(snapshot)).to.equal(2);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      expect(snapshot.alerts[0]).to.deep.include({ title: 'Login Failures', severity: 'unknown', status: 'unknown' });
      const ip = entityNamed(snapshot, 'ip', '10.0.0.1');
      expect(ip.remediationStatus).to.equal('blocked');
      expect(ip.verdict).to.equal(undefined);
      expect(snapshot.alerts[0]!.evidence.find((item) => item.entityId === ip.id)).to.deep.equal({
        entityId: ip.id,
        roles: ['source'],
        remediationStatus: 'blocked',
      });
      const resource = entityNamed(snapshot, 'cloudResource', '/app/office365/1111111111/sso/wsfed/active');
      expect(resource.remediationStatus).to.equal(undefined);
    });

    it('maps the SecurityScorecard security findings', async function () {
      // Four findings, each its own incident. Each has malware[0], a resource whose uid is the
      // infected IP, and 6 observables. The IP and its port and geo location join the IP entity,
      // the category and family join the malware, and the sinkholed host name is a new entity
      // (null in the second finding). So 3, 2, 3 and 3 entities, no edges, and 3 issues each for
      // the observables typed -1.
      const payload = await readSharedJson(this, `${DATA}/ocsf_security-finding-2001_securityscorecard.json`);
      const snapshots = fromOcsf(payload);

      expect(snapshots.map((snapshot) => snapshot.entities.length)).to.deep.equal([3, 2, 3, 3]);
      expect(snapshots.map(evidenceCount)).to.deep.equal([3, 2, 3, 3]);
      expect(snapshots.map((snapshot) => snapshot.relations.length)).to.deep.equal([0, 0, 0, 0]);
      expect(snapshots.map((snapshot) => snapshot.issues.length)).to.deep.equal([3, 3, 3, 3]);

      const [first] = snapshots;
      expect(first!.incident.id).to.equal('alert-2b7908d7-4b72-4f65-afa0-09bdaea46ae3');
      expect(first!.alerts[0]).to.deep.include({
        title: 'Infection found on 1.183.190.110',
        severity: 'informational',
        status: 'new',
        category: 'malware_infection',
        threatFamilyName: 'pva.torrent.openinternet',
      });
      expect(first!.alerts[0]!.recommendedActions).to.match(/^If this IP address is tied to your network/);
      const ip = entityNamed(first!, 'ip', '1.183.190.110');
      expect((ip.properties.observables as Array<{ name: string }>).map((item) => item.name)).to.deep.equal([
        'infected_device.ip',
        'infected_device.source_port',
        'infected_device.geo_location',
      ]);
      expect(entityNamed(first!, 'other', 'pva.torrent.openinternet').properties.rawType).to.equal('malware');
      expect(entityNamed(first!, 'dnsName', 'open-internet.nl').id).to.equal('dnsName:open-internet.nl');
      expect(first!.issues[0]).to.deep.include({ id: '2b7908d7-4b72-4f65-afa0-09bdaea46ae3', field: 'observables[1].type_id' });
    });

    it('maps the process activity event', async function () {
      // device; actor.user; actor.process cmd.exe with its file; process reg.exe with its file
      // and its user (NULL SID): 7 entities, all evidence. Edges: reg.exe parentProcess cmd.exe,
      // 2 imageFile, 2 runsAs, 2 processes and 2 files runsOn the device = 9.
      const payload = await readSharedJson(this, `${DATA}/ocsf-1.0.0-rc2_process-activity-1007_windows-4688.json`);
      const snapshot = only(fromOcsf(payload));

      expect(snapshot.entities).to.have.length(7);
      expect(evidenceCount(snapshot)).to.equal(7);
      expect(snapshot.relations).to.have.length(9);
      expect(snapshot.issues).to.deep.equal([]);

      const device = entityNamed(snapshot, 'device', 'win-dc-725.attackrange.local');
      const cmd = entityNamed(snapshot, 'process', 'cmd.exe');
      const reg = entityNamed(snapshot, 'process', 'reg.exe');
      const admin = entityNamed(snapshot, 'user', 'Administrator');
      expect(relationsOf(snapshot, reg.id, 'parentProcess').map((r) => r.target)).to.deep.equal([cmd.id]);
      expect(relationsOf(snapshot, cmd.id, 'runsAs').map((r) => r.target)).to.deep.equal([admin.id]);
      expect(relationsOf(snapshot, reg.id, 'runsOn').map((r) => r.target)).to.deep.equal([device.id]);
      expect(reg.properties.processCommandLine).to.equal('reg  save HKLM\\system C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\system ');
      expect(entityNamed(snapshot, 'user', 'NULL SID').properties).to.not.have.property('domainName');
      expect(snapshot.alerts[0]).to.deep.include({ category: 'Process Activity', status: 'Success', severity: 'informational' });
    });

    it('rejects the raw Okta event', async function () {
      const payload = await readSharedJson(this, `${DATA}/ocsf-1.3.0_detection-finding_okta.raw.json`);
      expect(() => fromOcsf(payload)).to.throw(TypeError, /expected OCSF findings or events/);
    });
  });

  describe('rules', () => {
    it('makes nested parents ghosts', () => {
      const process = {
        pid: 300,
        file: { name: 'evil.exe', path: 'C:\\Temp\\evil.exe' },
        parent_process: { pid: 200, file: { name: 'winword.exe' }, parent_process: { pid: 100, name: 'explorer.exe' } },
      };
      const snapshot = only(fromOcsf(finding('f1', { evidences: [{ process, device: { hostname: 'pc1' } }] })));

      // device, evil.exe, its file, and 2 ghost parents; only the first three are evidence.
      expect(snapshot.entities).to.have.length(5);
      expect(evidenceCount(snapshot)).to.equal(3);
      const word = entityNamed(snapshot, 'process', 'winword.exe');
      const explorer = entityNamed(snapshot, 'process', 'explorer.exe');
      expect(word.ghost).to.equal(true);
      expect(explorer.ghost).to.equal(true);
      const evil = entityNamed(snapshot, 'process', 'evil.exe');
      expect(relationsOf(snapshot, evil.id, 'parentProcess').map((r) => r.target)).to.deep.equal([word.id]);
      expect(relationsOf(snapshot, word.id, 'parentProcess').map((r) => r.target)).to.deep.equal([explorer.id]);
      expect(relationsOf(snapshot, word.id, 'runsOn').map((r) => r.target)).to.deep.equal(['device:pc1']);
      expect(entityNamed(snapshot, 'file', 'evil.exe').properties.filePath).to.equal('C:\\Temp');
    });

    it('keys files by hash', () => {
      const file = { name: 'a.exe', hashes: [{ algorithm_id: 3, value: 'B'.repeat(64) }, { algorithm_id: 1, value: 'c'.repeat(32) }] };
      const snapshot = only(fromOcsf(finding('f1', { evidences: [{ file }] })));
      const entity = entityNamed(snapshot, 'file', 'a.exe');
      expect(entity.id).to.equal(`file:${'b'.repeat(64)}`);
      expect(entity.properties).to.deep.include({ sha256: 'b'.repeat(64), md5: 'c'.repeat(32) });
    });

    it('links endpoints, URLs and mail', () => {
      const evidences = [
        { src_endpoint: { ip: '10.0.0.2' }, dst_endpoint: { ip: '198.51.100.3', port: 443 } },
        { email: { uid: 'm-1', subject: 'Invoice', from: 'eve@evil.test', to: ['bob@contoso.com'] } },
        { url: { url_string: 'https://evil.test/x' }, src_endpoint: { ip: '10.0.0.2' } },
      ];
      const snapshot = only(fromOcsf(finding('f1', { evidences })));

      expect(relationsOf(snapshot, 'ip:10.0.0.2', 'communicatesWith').map((r) => r.target)).to.have.members([
        'ip:198.51.100.3',
        'url:https://evil.test/x',
      ]);
      expect(relationsOf(snapshot, 'mailMessage:m-1', 'sentBy').map((r) => r.target)).to.deep.equal(['mailbox:eve@evil.test']);
      expect(relationsOf(snapshot, 'mailMessage:m-1', 'sentTo').map((r) => r.target)).to.deep.equal(['mailbox:bob@contoso.com']);
      const destination = snapshot.alerts[0]!.evidence.find((item) => item.entityId === 'ip:198.51.100.3');
      expect(destination!.roles).to.deep.equal(['destination']);
    });

    it('turns reputation into a verdict', () => {
      const observables = [
        { name: 'evidences[].dst_endpoint.ip', type_id: 2, value: '198.51.100.3', reputation: { score_id: 10, score: 'Malicious' } },
        { name: 'evidences[].src_endpoint.ip', type_id: 2, value: '10.0.0.2', reputation: { score_id: 2 } },
      ];
      const evidences = [{ src_endpoint: { ip: '10.0.0.2' }, dst_endpoint: { ip: '198.51.100.3' } }];
      const snapshot = only(fromOcsf(finding('f1', { evidences, observables })));

      expect(entityNamed(snapshot, 'ip', '198.51.100.3').verdict).to.equal('malicious');
      expect(entityNamed(snapshot, 'ip', '10.0.0.2').verdict).to.equal('clean');
      const evidence = snapshot.alerts[0]!.evidence.find((item) => item.entityId === 'ip:198.51.100.3');
      expect(evidence).to.deep.include({ verdict: 'malicious', roles: ['destination'] });
    });

    it('adds entities for unmatched observables', () => {
      const observables = [
        { name: 'file.name', type_id: 7, value: 'dropper.js' },
        { name: 'user', type_id: 4, value: 'mallory' },
        { name: 'weird', type: 'Serial', type_id: 37, value: 'SN-1' },
      ];
      const snapshot = only(fromOcsf(finding('f1', { observables })));
      expect(snapshot.entities.map((entity) => [entity.kind, entity.displayName])).to.deep.equal([
        ['file', 'dropper.js'],
        ['user', 'mallory'],
        ['other', 'SN-1'],
      ]);
      expect(entityNamed(snapshot, 'other', 'SN-1').properties.rawType).to.equal('Serial');
    });

    it('reads MITRE attacks and remediation', () => {
      const snapshot = only(
        fromOcsf(
          finding('f1', {
            finding_info: {
              uid: 'f1',
              title: 'Credential dumping',
              attacks: [{ tactic: { name: 'Credential Access', uid: 'TA0006' }, technique: { uid: 'T1003' }, sub_technique: { uid: 'T1003.001' } }],
            },
            remediation: { desc: 'Reset credentials.', kb_article_list: [{ title: 'KB1', src_url: 'https://kb.test/1' }] },
          }),
        ),
      );
      expect(snapshot.alerts[0]).to.deep.include({
        category: 'Credential Access',
        mitreTechniques: ['T1003', 'T1003.001'],
        recommendedActions: 'Reset credentials.\nhttps://kb.test/1',
      });
    });

    it('groups findings under an incident finding', () => {
      const incident = {
        class_uid: 2005,
        metadata: { version: '1.3.0' },
        finding_info: { uid: 'inc-1', title: 'Ransomware', created_time: 1714557600000 },
        finding_info_list: [{ uid: 'f1' }, { uid: 'f2' }],
        severity_id: 5,
        status_id: 2,
        assignee: { name: 'Dana' },
        verdict: 'True Positive',
      };
      const snapshots = fromOcsf([finding('f1'), incident, finding('f2'), finding('f3')]);

      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['inc-1', 'alert-f3']);
      const [grouped] = snapshots;
      expect(grouped!.alerts.map((alert) => alert.id)).to.deep.equal(['f1', 'f2']);
      expect(grouped!.incident).to.deep.include({
        title: 'Ransomware',
        severity: 'high',
        status: 'inProgress',
        assignedTo: 'Dana',
        classification: 'True Positive',
      });
    });

    it('reads NDJSON text', () => {
      const text = `${JSON.stringify(finding('f1'))}\n${JSON.stringify(finding('f2'))}\n`;
      expect(fromOcsf(text).map((snapshot) => snapshot.alerts[0]!.id)).to.deep.equal(['f1', 'f2']);
    });

    it('sets no verdict or remediation without source', () => {
      const snapshot = only(fromOcsf(finding('f1', { evidences: [{ process: { pid: 1, name: 'a.exe' } }] })));
      expect(snapshot.entities[0]!.verdict).to.equal(undefined);
      expect(snapshot.entities[0]!.remediationStatus).to.equal(undefined);
    });
  });

  describe('data issues', () => {
    it('reports unknown enumeration ids', () => {
      const snapshot = only(fromOcsf(finding('f1', { severity_id: 42, severity: 'High', status_id: 17, disposition_id: 300 })));
      const [alert] = snapshot.alerts;
      expect(alert!.severity).to.equal('high');
      expect(alert!.status).to.equal('unknown');
      expect(snapshot.issues).to.deep.equal([
        { id: 'f1', field: 'severity_id', problem: 'unknown severity_id 42; it is not used' },
        { id: 'f1', field: 'status_id', problem: 'unknown status_id 17; it is not used' },
        { id: 'f1', field: 'disposition_id', problem: 'unknown disposition_id 300; it is not used' },
      ]);
    });

    it('reports an unknown reputation score', () => {
      const observables = [{ name: 'evidences[].src_endpoint.ip', type_id: 2, value: '10.0.0.2', reputation: { score_id: 55 } }];
      const snapshot = only(fromOcsf(finding('f1', { evidences: [{ src_endpoint: { ip: '10.0.0.2' } }], observables })));
      expect(entityNamed(snapshot, 'ip', '10.0.0.2').verdict).to.equal(undefined);
      expect(snapshot.issues).to.deep.equal([
        { id: 'f1', field: 'observables[0].reputation.score_id', problem: 'unknown reputation score_id 55; it is not used' },
      ]);
    });

    it('reads a disposition caption without id', () => {
      const blocked = only(fromOcsf(finding('f1', { disposition: 'Blocked', evidences: [{ file: { name: 'a.exe' } }] })));
      expect(entityNamed(blocked, 'file', 'a.exe').remediationStatus).to.equal('blocked');

      const custom = only(fromOcsf(finding('f2', { disposition_id: 7, disposition: 'Sandboxed', evidences: [{ file: { name: 'b.exe' } }] })));
      expect(entityNamed(custom, 'file', 'b.exe').remediationStatus).to.equal('Sandboxed');
      expect(custom.issues).to.deep.equal([]);
    });

    it('reports an unknown evidence object', () => {
      const snapshot = only(fromOcsf(finding('f1', { evidences: [{ gadget: { uid: 'g-1', name: 'Gadget', colour: 'red' } }] })));
      const entity = entityNamed(snapshot, 'other', 'Gadget');
      expect(entity.properties).to.deep.include({ rawType: 'gadget', colour: 'red' });
      expect(snapshot.issues).to.deep.equal([
        { id: 'f1', field: 'evidences[0].gadget', problem: 'unknown evidence object "gadget"; shown as "other" with its fields kept' },
      ]);
    });

    it('reports a missing version and uid', () => {
      const snapshot = only(fromOcsf({ class_uid: 2004, severity_id: 1 }));
      expect(snapshot.alerts[0]!.id).to.equal('finding-1');
      expect(snapshot.issues).to.deep.equal([
        { id: 'finding-1', field: 'finding_info.uid', problem: 'record without a uid; an id was generated' },
        { id: 'finding-1', field: 'metadata.version', problem: 'missing OCSF version; read as OCSF 1.x' },
      ]);
    });

    it('reports another major version', () => {
      const snapshot = only(fromOcsf(finding('f1', { metadata: { version: '2.0.0' } })));
      expect(snapshot.issues).to.deep.equal([
        { id: 'f1', field: 'metadata.version', problem: 'OCSF version "2.0.0" is not 1.x, the versions this mapper reads; read as 1.x' },
      ]);
    });

    it('reports an invalid time', () => {
      const snapshot = only(fromOcsf(finding('f1', { finding_info: { uid: 'f1', first_seen_time_dt: 'soon' } })));
      expect(snapshot.issues).to.deep.equal([{ id: 'f1', field: 'finding_info.first_seen_time_dt', problem: 'invalid time "soon"; it is left out' }]);
    });

    it('reports a record without class_uid', () => {
      const snapshot = only(fromOcsf([finding('f1'), { hello: 'world' }]));
      expect(snapshot.issues).to.deep.equal([{ id: 'payload', field: '[1]', problem: 'not an OCSF record (no class_uid); it is left out' }]);
    });

    it('throws on a payload without records', () => {
      expect(() => fromOcsf({ hello: 'world' })).to.throw(TypeError, /fromOcsf: expected OCSF findings or events/);
    });
  });
});
