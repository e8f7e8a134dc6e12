import { expect } from '@open-wc/testing';
import { fromDefender } from '../../src/formats/index.js';
import { buildIncidentGraph, type IncidentSnapshot } from '../../src/model/index.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { countBy, entityNamed, evidenceCount, only, relationsOf } from '../helpers/snapshot-queries.js';

const DATA = 'defender';

/** Builds a Defender entity record of `entityType` with `fields`; the other fields are null, as the API writes them. */
function entity(entityType: string, fields: Record<string, unknown> = {}) {
  return {
    entityType,
    sha1: null,
    sha256: null,
    fileName: null,
    filePath: null,
    processId: null,
    ipAddress: null,
    accountName: null,
    deviceId: null,
    ...fields,
  };
}

/** Builds an alert of an XDR incident. */
function xdrAlert(alertId: string | undefined, incidentId: number, entities: unknown[] = [], extra: Record<string, unknown> = {}) {
  return { alertId, incidentId, title: `Alert ${alertId}`, severity: 'Low', status: 'New', devices: [], entities, ...extra };
}

/** Builds an XDR incident with `alerts`. */
function incident(incidentId: number, alerts: unknown[], extra: Record<string, unknown> = {}) {
  return { incidentId, incidentName: `Incident ${incidentId}`, severity: 'Low', status: 'Active', alerts, ...extra };
}

/** Builds a Defender for Endpoint alert with `evidence`. */
function mdeAlert(id: string, incidentId: number | null, evidence: unknown[] = [], extra: Record<string, unknown> = {}) {
  return { id, incidentId, title: `Alert ${id}`, severity: 'Medium', status: 'New', machineId: 'm1', computerDnsName: 'ws1.contoso.com', evidence, ...extra };
}

describe('fromDefender', () => {
  describe('published payloads', () => {
    it('maps the XDR incident list', async function () {
      const payload = await readSharedJson(this, `${DATA}/defender-xdr-api_list-incidents.response.json`);
      const snapshots = fromDefender(payload);

      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['924565', '924521', '924518']);
      const [ransomware, mimikatz, phish] = snapshots as [IncidentSnapshot, IncidentSnapshot, IncidentSnapshot];

      // Counted in the payload: each incident has one alert. Ransomware has a User and an Ip
      // entity and no device, so 2 evidence edges and no relation.
      expect(ransomware.alerts).to.have.length(1);
      expect(countBy(ransomware.entities, (item) => item.kind)).to.deep.equal({ user: 1, ip: 1 });
      expect(evidenceCount(ransomware)).to.equal(2);
      expect(ransomware.relations).to.have.length(0);
      expect(buildIncidentGraph(ransomware).size).to.equal(2);

      // Mimikatz: one File entity and one device in `devices`, both evidence of the alert. The
      // file's deviceId is the device's mdatpDeviceId, so 1 runsOn relation makes 3 edges.
      expect(mimikatz.alerts).to.have.length(1);
      expect(countBy(mimikatz.entities, (item) => item.kind)).to.deep.equal({ device: 1, file: 1 });
      expect(evidenceCount(mimikatz)).to.equal(2);
      expect(mimikatz.relations.map((relation) => relation.type)).to.deep.equal(['runsOn']);
      expect(buildIncidentGraph(mimikatz).size).to.equal(3);

      // Phish: 2 MailBox, 1 MailMessage, 4 MailCluster and 1 Ip entity. The message's recipient
      // is the second mailbox's address, so 1 sentTo relation; the sender has no mailbox: 9 edges.
      expect(phish.alerts).to.have.length(1);
      expect(countBy(phish.entities, (item) => item.kind)).to.deep.equal({ mailbox: 2, mailMessage: 1, mailCluster: 4, ip: 1 });
      expect(evidenceCount(phish)).to.equal(8);
      expect(phish.relations.map((relation) => relation.type)).to.deep.equal(['sentTo']);
      expect(buildIncidentGraph(phish).size).to.equal(9);

      for (const snapshot of snapshots) {
        expect(snapshot.issues, snapshot.incident.id).to.deep.equal([]);
        expect(snapshot.entities.filter((item) => item.verdict !== undefined || item.remediationStatus !== undefined)).to.deep.equal([]);
      }
    });

    it('reads XDR incident fields', async function () {
      const payload = await readSharedJson(this, `${DATA}/defender-xdr-api_list-incidents.response.json`);
      const [ransomware, mimikatz, phish] = fromDefender(payload) as [IncidentSnapshot, IncidentSnapshot, IncidentSnapshot];

      expect(ransomware.incident.title).to.equal('Ransomware activity');
      expect(ransomware.incident.severity).to.equal('medium');
      expect(ransomware.incident.status).to.equal('active');
      expect(ransomware.incident.classification).to.equal('unknown');
      expect(ransomware.incident.determination).to.equal('notAvailable');
      expect(ransomware.incident.createdTime).to.equal(Date.parse('2020-09-06T14:46:57.073Z'));
      expect(ransomware.incident.comments).to.deep.equal([
        { comment: 'test comment for docs', createdBy: 'secop123@contoso.com', createdTime: Date.parse('2021-01-26T01:00:37.840Z') },
      ]);
      expect(ransomware.alerts[0]!.serviceSource).to.equal('MicrosoftCloudAppSecurity');
      expect(ransomware.alerts[0]!.firstActivityTime).to.equal(Date.parse('2020-09-04T05:22:59Z'));
      expect(entityNamed(ransomware, 'user', 'testUser2@contoso.com').id).to.equal('user:fc8f7484-f813-4db2-afab-bc1507913fb6');

      expect(mimikatz.alerts[0]!.threatFamilyName).to.equal('Mimikatz');
      const device = entityNamed(mimikatz, 'device', 'user5cx.middleeast.corp.contoso.com');
      expect(device.properties.osPlatform).to.equal('WindowsServer2016');
      expect(device.properties.deviceFirstSeen).to.equal(Date.parse('2020-02-06T14:16:01.933Z'));
      expect(device.firstSeen).to.equal(Date.parse('2020-09-06T12:15:07.727Z'));

      expect(phish.incident.severity).to.equal('informational');
      expect(phish.alerts[0]!.status).to.equal('inProgress');
      const message = entityNamed(phish, 'mailMessage', '[EXTERNAL] Attention');
      const mailbox = entityNamed(phish, 'mailbox', 'test User4');
      expect(relationsOf(phish, message.id, 'sentTo').map((relation) => relation.target)).to.deep.equal([mailbox.id]);
    });

    it('maps the MDE alert with evidence', async function () {
      const payload = await readSharedJson(this, `${DATA}/mde-api_list-alerts-expand-evidence.response.json`);
      const snapshot = only(fromDefender(payload));

      // Counted in the payload: 1 alert with User, Process and File evidence, plus the alert's
      // machine as a device and its relatedUser (DOMAIN\temp123, not the evidence user
      // DOMAIN\name): 5 evidence edges. The process names a parent (pid 8420) that is no
      // evidence, so a ghost: 6 entities. Relations: process and file run on the machine, the
      // process has the ghost as parent, and the ghost runs on the machine: 4, so 9 edges.
      expect(snapshot.incident.id).to.equal('1126093');
      expect(snapshot.incident.title).to.equal('Incident 1126093');
      expect(snapshot.alerts).to.have.length(1);
      expect(countBy(snapshot.entities, (item) => item.kind)).to.deep.equal({ device: 1, user: 2, process: 2, file: 1 });
      expect(evidenceCount(snapshot)).to.equal(5);
      expect(countBy(snapshot.relations, (relation) => relation.type)).to.deep.equal({ runsOn: 3, parentProcess: 1 });
      expect(buildIncidentGraph(snapshot).size).to.equal(9);
      expect(entityNamed(snapshot, 'user', 'temp123').id).to.equal('user:domain\\temp123');
      expect(snapshot.issues).to.deep.equal([]);

      const alert = snapshot.alerts[0]!;
      expect(alert.mitreTechniques).to.deep.equal(['T1064', 'T1085', 'T1220']);
      expect(alert.category).to.equal('Execution');
      expect(alert.firstActivityTime).to.equal(Date.parse('2021-01-26T20:31:32.956Z'));

      const parent = snapshot.entities.find((item) => item.ghost === true)!;
      expect(parent.displayName).to.equal('rundll32.exe');
      expect(parent.properties.processId).to.equal(8420);
      expect(parent.properties.imageFilePath).to.equal('C:\\Windows\\System32');
      const child = snapshot.entities.find((item) => item.kind === 'process' && item.ghost !== true)!;
      expect(relationsOf(snapshot, child.id, 'parentProcess').map((relation) => relation.target)).to.deep.equal([parent.id]);

      // `Detected` reports no remediation, so no entity has a status or a verdict.
      expect(child.properties.detectionStatus).to.equal('Detected');
      expect(snapshot.entities.filter((item) => item.verdict !== undefined || item.remediationStatus !== undefined)).to.deep.equal([]);
    });
  });

  describe('payload shapes', () => {
    it('maps a single incident', () => {
      const snapshot = only(fromDefender(incident(7, [xdrAlert('a1', 7)])));
      expect(snapshot.incident.id).to.equal('7');
      expect(snapshot.alerts.map((alert) => alert.id)).to.deep.equal(['a1']);
    });

    it('groups loose alerts by incidentId', () => {
      const snapshots = fromDefender([xdrAlert('a1', 7), mdeAlert('m1', 8), xdrAlert('a2', 7), incident(8, [])]);
      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal(['8', '7']);
      expect(snapshots.map((snapshot) => snapshot.alerts.map((alert) => alert.id))).to.deep.equal([['m1'], ['a1', 'a2']]);
      expect(snapshots[0]!.incident.title).to.equal('Incident 8');
    });

    it('gives an alert without incident its own', () => {
      const snapshot = only(fromDefender(mdeAlert('m1', null)));
      expect(snapshot.incident.id).to.equal('alert-m1');
      expect(snapshot.incident.title).to.equal('Alert m1');
      expect(snapshot.incident.severity).to.equal('medium');
    });

    it('rejects a payload of the wrong type', () => {
      expect(() => fromDefender(42)).to.throw(TypeError, /fromDefender: expected/);
      expect(() => fromDefender({ name: 'x' })).to.throw(TypeError, /api\/incidents or api\/alerts/);
      expect(() => fromDefender({ value: [{ displayName: 'Graph incident', id: '1' }] })).to.throw(TypeError, /got a list of 1 other records/);
      expect(fromDefender({ value: [] })).to.deep.equal([]);
      const graphAlert = { '@odata.type': '#microsoft.graph.security.alert', id: 'g1', title: 'Graph alert', evidence: [] };
      expect(() => fromDefender([graphAlert])).to.throw(TypeError, /fromDefender: expected/);
    });
  });

  describe('relations', () => {
    it('merges an entity across alerts', () => {
      const user = entity('User', { accountName: 'alex', domainName: 'CONTOSO', aadUserId: 'AAD-1' });
      const snapshot = only(fromDefender(incident(1, [xdrAlert('a1', 1, [user]), xdrAlert('a2', 1, [{ ...user, aadUserId: 'aad-1' }])])));

      expect(snapshot.entities.map((item) => item.id)).to.deep.equal(['user:aad-1']);
      expect(snapshot.alerts.map((alert) => alert.evidence.map((item) => item.entityId))).to.deep.equal([['user:aad-1'], ['user:aad-1']]);
    });

    it('joins relatedUser to the evidence user', () => {
      const user = entity('User', { accountName: 'Alex', domainName: 'CONTOSO', aadUserId: 'u-1' });
      const snapshot = only(fromDefender(mdeAlert('m1', 5, [user], { relatedUser: { userName: 'alex', domainName: 'contoso' } })));

      expect(snapshot.entities.filter((item) => item.kind === 'user').map((item) => item.id)).to.deep.equal(['user:u-1']);
      expect(snapshot.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal(['device:m1', 'user:u-1']);
    });

    it('links a process to its image, account and parent', () => {
      const hash = 'a'.repeat(64);
      const time = '2024-01-01T10:00:00Z';
      const snapshot = only(
        fromDefender(
          mdeAlert('m1', 5, [
            entity('User', { accountName: 'alex', domainName: 'CONTOSO' }),
            entity('File', { fileName: 'evil.exe', filePath: 'C:\\Temp', sha256: hash }),
            entity('Process', { processId: 20, processCreationTime: time, parentProcessId: 10, parentProcessCreationTime: time, fileName: 'evil.exe', sha256: hash, accountName: 'ALEX', domainName: 'contoso' }),
            entity('Process', { processId: 10, processCreationTime: time, fileName: 'cmd.exe' }),
          ]),
        ),
      );

      const child = entityNamed(snapshot, 'process', 'evil.exe');
      const parent = entityNamed(snapshot, 'process', 'cmd.exe');
      expect(parent.ghost).to.equal(undefined);
      expect(relationsOf(snapshot, child.id, 'parentProcess').map((relation) => relation.target)).to.deep.equal([parent.id]);
      expect(relationsOf(snapshot, child.id, 'imageFile').map((relation) => relation.target)).to.deep.equal([`file:${hash}`]);
      expect(relationsOf(snapshot, child.id, 'runsAs').map((relation) => relation.target)).to.deep.equal(['user:contoso\\alex']);
      expect(relationsOf(snapshot, child.id, 'runsOn').map((relation) => relation.target)).to.deep.equal(['device:m1']);
    });

    it('matches mail addresses ignoring case', () => {
      const snapshot = only(
        fromDefender(
          incident(3, [
            xdrAlert('a1', 3, [
              entity('User', { userPrincipalName: 'Jo@contoso.com', aadUserId: 'u-1' }),
              entity('MailBox', { mailboxAddress: 'jo.doe@contoso.com', userPrincipalName: 'jo@contoso.com', mailboxDisplayName: 'Jo' }),
              entity('MailBox', { mailboxAddress: 'sender@fabrikam.example', mailboxDisplayName: 'Sender' }),
              entity('MailMessage', { sender: 'SENDER@fabrikam.example', recipient: 'JO@CONTOSO.COM', subject: 'Hi' }),
            ]),
          ]),
        ),
      );

      const message = entityNamed(snapshot, 'mailMessage', 'Hi');
      const jo = entityNamed(snapshot, 'mailbox', 'Jo');
      expect(relationsOf(snapshot, message.id, 'sentTo').map((relation) => relation.target)).to.deep.equal([jo.id]);
      expect(relationsOf(snapshot, message.id, 'sentBy').map((relation) => relation.target)).to.deep.equal([
        entityNamed(snapshot, 'mailbox', 'Sender').id,
      ]);
      expect(relationsOf(snapshot, jo.id, 'mailboxOf').map((relation) => relation.target)).to.deep.equal(['user:u-1']);
    });

    it('maps detectionStatus to remediation', () => {
      const snapshot = only(
        fromDefender(
          mdeAlert('m1', 5, [
            entity('Ip', { ipAddress: '192.0.2.1', detectionStatus: 'Blocked', evidenceCreationTime: '2024-01-01T10:00:00Z' }),
            entity('Ip', { ipAddress: '192.0.2.2', detectionStatus: 'prevented' }),
            entity('Ip', { ipAddress: '192.0.2.3', detectionStatus: 'Detected' }),
          ]),
        ),
      );

      expect(snapshot.entities.filter((item) => item.kind === 'ip').map((item) => item.remediationStatus)).to.deep.equal([
        'blocked',
        'prevented',
        undefined,
      ]);
      const evidence = snapshot.alerts[0]!.evidence.find((item) => item.entityId === 'ip:192.0.2.1')!;
      expect(evidence.remediationStatus).to.equal('blocked');
      expect(evidence.createdTime).to.equal(Date.parse('2024-01-01T10:00:00Z'));
      expect(evidence).to.not.have.property('verdict');
      expect(snapshot.issues).to.deep.equal([]);
    });
  });

  describe('data issues', () => {
    it('reports unknown severities', () => {
      const snapshot = only(
        fromDefender(
          incident(1, [xdrAlert('a1', 1, [], { severity: 'Catastrophic' }), xdrAlert('a2', 1, [], { severity: 'UnSpecified' })], {
            severity: 7,
          }),
        ),
      );

      expect(snapshot.incident.severity).to.equal('unknown');
      expect(snapshot.alerts.map((alert) => alert.severity)).to.deep.equal(['unknown', 'unknown']);
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'severity', problem: 'unknown severity "Catastrophic"; shown as unknown' },
        { id: '1', field: 'severity', problem: 'unknown severity 7; shown as unknown' },
      ]);
    });

    it('keeps unknown entity types as other', () => {
      const snapshot = only(
        fromDefender(
          mdeAlert('m1', 5, [
            { entityType: 'CloudLogonSession', sessionId: 'S-1', sha1: null },
            { sessionId: 'S-2' },
            { entityType: 'constructor', name: 'x' },
          ]),
        ),
      );

      const others = snapshot.entities.filter((item) => item.kind === 'other');
      expect(others.map((item) => item.properties.rawType)).to.deep.equal(['CloudLogonSession', 'unknown', 'constructor']);
      expect(others[0]!.properties.sessionId).to.equal('S-1');
      expect(snapshot.issues).to.deep.equal([
        { id: 'm1', field: 'evidence[0].entityType', problem: 'unknown entity type "CloudLogonSession"; shown as "other" with its fields kept' },
        { id: 'm1', field: 'evidence[1].entityType', problem: 'entity without entityType; shown as "other" with its fields kept' },
        { id: 'm1', field: 'evidence[2].entityType', problem: 'unknown entity type "constructor"; shown as "other" with its fields kept' },
      ]);
    });

    it('reports an unknown detection status', () => {
      const snapshot = only(fromDefender(mdeAlert('m1', 5, [entity('Ip', { ipAddress: '192.0.2.1', detectionStatus: 'Quarantined' })])));

      const ip = entityNamed(snapshot, 'ip', '192.0.2.1');
      expect(ip).to.not.have.property('remediationStatus');
      expect(ip.properties.detectionStatus).to.equal('Quarantined');
      expect(snapshot.issues).to.deep.equal([
        {
          id: 'm1',
          field: 'evidence[0].detectionStatus',
          problem: 'unknown detection status "Quarantined"; kept as a property, and no remediation status is derived from it',
        },
      ]);
    });

    it('reports missing keys, times and hashes', () => {
      const snapshot = only(
        fromDefender(
          incident(2, [
            xdrAlert('a1', 2, [
              entity('Ip'),
              entity('Process', { processId: 4, processCreationTime: 'yesterday', fileName: 'a.exe' }),
              entity('File', { fileName: 'b.exe', filePath: 'C:\\Temp', sha1: 'abc' }),
            ], { devices: [{ osPlatform: 'Windows10' }] }),
          ]),
        ),
      );

      expect(snapshot.entities.map((item) => item.kind)).to.deep.equal(['ip', 'process', 'file']);
      expect(snapshot.entities[2]!.id).to.equal('file:c:\\temp\\b.exe');
      expect(snapshot.issues).to.deep.equal([
        { id: 'a1', field: 'devices[0].mdatpDeviceId', problem: 'device without mdatpDeviceId, aadDeviceId or deviceDnsName; it is left out' },
        { id: 'a1', field: 'entities[0].ipAddress', problem: 'missing ipAddress; the ip cannot be matched across alerts' },
        { id: 'a1', field: 'entities[1].processCreationTime', problem: 'invalid time "yesterday"; it is left out' },
        {
          id: 'a1',
          field: 'entities[2].sha1',
          problem: 'invalid sha1 "abc" (expected 40 hex digits); kept as a property but not used to match the file',
        },
      ]);
    });

    it('reports alert ids and incident mismatches', () => {
      const snapshot = only(fromDefender({ value: [incident(3, [xdrAlert(undefined, 3), xdrAlert('a2', 4)]), { odd: true }] }));

      expect(snapshot.alerts.map((alert) => alert.id)).to.deep.equal(['3-alert-1', 'a2']);
      expect(snapshot.issues).to.deep.equal([
        { id: 'a2', field: 'incidentId', problem: 'alert names incident 4 but is listed in incident 3; it is kept in 3' },
        { id: 'value[1]', field: '(record)', problem: 'neither a Defender incident nor an alert; it is left out' },
        { id: '3-alert-1', field: 'alertId', problem: 'alert without an id; an id was generated' },
      ]);
    });
  });
});
