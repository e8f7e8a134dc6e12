import { expect } from '@open-wc/testing';
import { fromStix, INCIDENT_CORE_EXTENSION } from '../../src/formats/index.js';
import * as packageEntry from '../../src/index.js';
import type { Alert, Entity, IncidentSnapshot, Relation } from '../../src/model/index.js';
import { readSharedJson } from '../helpers/shared-data.js';

const DATA = 'stix';

type StixRecord = Record<string, unknown>;

function only(snapshots: IncidentSnapshot[]): IncidentSnapshot {
  expect(snapshots).to.have.length(1);
  return snapshots[0]!;
}

function entity(snapshot: IncidentSnapshot, id: string): Entity {
  const match = snapshot.entities.find((item) => item.id === id);
  expect(match, `entity ${id}`).to.not.equal(undefined);
  return match!;
}

function alert(snapshot: IncidentSnapshot, id: string): Alert {
  const match = snapshot.alerts.find((item) => item.id === id);
  expect(match, `alert ${id}`).to.not.equal(undefined);
  return match!;
}

function relationsOf(snapshot: IncidentSnapshot, source: string, type: string): Relation[] {
  return snapshot.relations.filter((relation) => relation.source === source && relation.type === type);
}

function evidenceCount(snapshot: IncidentSnapshot): number {
  return snapshot.alerts.reduce((sum, item) => sum + item.evidence.length, 0);
}

function issueFields(snapshot: IncidentSnapshot, id: string): string[] {
  return snapshot.issues.filter((issue) => issue.id === id).map((issue) => issue.field);
}

/** A STIX identifier of `type` whose UUID ends with `n`, so hand-made objects get readable ids. */
function sid(type: string, n: number): string {
  return `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function bundle(...objects: StixRecord[]): StixRecord {
  return { type: 'bundle', id: sid('bundle', 1), objects };
}

function sdo(type: string, n: number, extra: StixRecord = {}): StixRecord {
  return { type, spec_version: '2.1', id: sid(type, n), created: '2024-05-01T10:00:00Z', modified: '2024-05-01T10:00:00Z', ...extra };
}

function sco(type: string, n: number, extra: StixRecord = {}): StixRecord {
  return { type, id: sid(type, n), ...extra };
}

function indicator(n: number, pattern: string, extra: StixRecord = {}): StixRecord {
  return sdo('indicator', n, {
    name: `Indicator ${n}`,
    pattern,
    pattern_type: 'stix',
    valid_from: '2024-05-01T09:00:00Z',
    indicator_types: ['malicious-activity'],
    ...extra,
  });
}

function relationship(n: number, type: string, source: string, target: string, extra: StixRecord = {}): StixRecord {
  return sdo('relationship', n, { relationship_type: type, source_ref: source, target_ref: target, ...extra });
}

describe('fromStix', () => {
  it('is exported from the package entry', () => {
    expect(packageEntry.fromStix).to.equal(fromStix);
    expect(packageEntry.INCIDENT_CORE_EXTENSION).to.equal(INCIDENT_CORE_EXTENSION);
  });

  it('is exported from the script-tag bundle entry', async () => {
    const bundleEntry = await import('../../src/bundle.js');
    expect(bundleEntry.fromStix).to.equal(fromStix);
  });

  describe('published payloads', () => {
    it('maps the APT1 report', async function () {
      // 33 entity objects (1 intrusion-set, 5 threat-actors, 4 identities, 6 malware, 10 tools,
      // 7 attack-patterns) and 12 objects named by the 12 indicator patterns (4 IPv4 ranges,
      // 3 domains, 3 MD5 hashes, 2 certificates, none of them in the bundle): 45 entities.
      // The 12 indicators are the alerts. Evidence: 12 pattern objects, plus the targets of the
      // 7 `indicates` relationships (4 malware, 3 threat actors): 19. The other 23 of the 30
      // relationships join two entities. The single report is the incident.
      const payload = await readSharedJson(this, `${DATA}/cti-documentation_apt1.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(45);
      expect(snapshot.alerts).to.have.length(12);
      expect(evidenceCount(snapshot)).to.equal(19);
      expect(snapshot.relations).to.have.length(23);
      expect(snapshot.issues).to.deep.equal([]);

      expect(snapshot.incident).to.deep.include({
        id: 'report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf',
        title: "APT1: Exposing One of China's Cyber Espionage Units",
        status: 'unknown',
      });
      const kinds = snapshot.entities.map((item) => item.kind);
      expect(kinds.filter((kind) => kind === 'ip')).to.have.length(4);
      expect(kinds.filter((kind) => kind === 'dnsName')).to.have.length(3);
      expect(kinds.filter((kind) => kind === 'file')).to.have.length(3);
      expect(kinds.filter((kind) => kind === 'user')).to.have.length(4);

      const certificate = snapshot.entities.find((item) => item.properties.rawType === 'x509-certificate' && item.properties.issuer === 'CN=WEBMAIL');
      expect(certificate?.properties.serial_number).to.equal('4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28');
      expect(snapshot.entities.every((item) => item.remediationStatus === undefined)).to.equal(true);
    });

    it('maps a sighting of observed data', async function () {
      // 2 identities, the malware, the file and the registry key are entities (5). The sighting
      // is the only alert, with 4 evidence items: the malware it sights, the file and the key of
      // the two observed-data, and the identity where it was sighted. No relationship.
      const payload = await readSharedJson(this, `${DATA}/cti-documentation_sighting-of-observed-data.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(5);
      expect(snapshot.alerts).to.have.length(1);
      expect(evidenceCount(snapshot)).to.equal(4);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      const sighting = snapshot.alerts[0]!;
      expect(sighting).to.deep.include({
        title: 'Sighting of Online Job Site Trojan',
        serviceSource: 'Oscorp Industries',
        firstActivityTime: Date.parse('2017-02-28T19:07:24.856Z'),
        lastActivityTime: Date.parse('2017-02-28T19:07:24.857Z'),
      });
      expect(sighting.evidence.map((item) => item.roles[0])).to.deep.equal(['sightingOf', 'observed', 'observed', 'whereSighted']);
      const file = entity(snapshot, 'file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d');
      expect(file).to.deep.include({ kind: 'file', displayName: 'resume.pdf', verdict: 'malicious', firstSeen: Date.parse('2017-02-27T21:37:11.213Z') });
      expect(file.properties).to.deep.include({ md5: '1717b7fff97d37a1e1a0029d83492de1', sha1: 'c79a326f8411e9488bdc3779753e1e3489aaedea', fileSize: 83968 });
      expect(entity(snapshot, 'windows-registry-key--16b80d14-d574-5620-abad-10ff304b1c26').kind).to.equal('registryKey');
      expect(entity(snapshot, 'identity--987eeee1-413a-44ac-96cc-0a8acdcc2f2c').verdict).to.equal(undefined);
    });

    it('maps a sighting of an indicator', async function () {
      // 2 identities and the URL the pattern names: 3 entities. The indicator and the sighting
      // are alerts: the indicator involves the URL, the sighting the URL and where it was
      // sighted, so 3 evidence items.
      const payload = await readSharedJson(this, `${DATA}/cti-documentation_sighting-of-an-indicator.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(3);
      expect(snapshot.alerts).to.have.length(2);
      expect(evidenceCount(snapshot)).to.equal(3);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      const url = snapshot.entities.find((item) => item.kind === 'url')!;
      expect(url).to.deep.include({ displayName: 'http://paypa1.banking.com', verdict: 'malicious' });
      const sighting = alert(snapshot, 'sighting--8356e820-8080-4692-aa91-ecbe94006833');
      expect(sighting.relatedAlertIds).to.deep.equal(['indicator--9299f726-ce06-492e-8472-2b52ccb53191']);
      expect(snapshot.incident.title).to.equal('Sighting of Malicious URL');
    });

    it('maps an indicator for a file hash', async function () {
      // The malware and the file of the pattern's SHA-256: 2 entities; 1 alert whose evidence
      // is the file (pattern) and the malware (indicates); no relation is left.
      const payload = await readSharedJson(this, `${DATA}/cti-documentation_malware-indicator-for-file-hash.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(2);
      expect(snapshot.alerts).to.have.length(1);
      expect(evidenceCount(snapshot)).to.equal(2);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);
      const file = snapshot.entities.find((item) => item.kind === 'file')!;
      expect(file.properties.sha256).to.equal('ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c');
      expect(snapshot.alerts[0]!.firstActivityTime).to.equal(Date.parse('2014-02-20T09:00:00Z'));
    });

    it('maps a threat actor using attack patterns and malware', async function () {
      // 4 entity objects, no alert, and 3 relationships between entities.
      const payload = await readSharedJson(this, `${DATA}/cti-documentation_threat-actor-leveraging-attack-patterns-and-malware.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(4);
      expect(snapshot.alerts).to.have.length(0);
      expect(snapshot.relations).to.have.length(3);
      expect(snapshot.issues).to.deep.equal([]);
      expect(relationsOf(snapshot, 'threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f', 'uses')).to.have.length(2);
    });

    it('maps the infrastructure example', async function () {
      // 2 infrastructure, 2 malware, an IPv4 address and a domain: 6 entities, 4 relationships.
      const payload = await readSharedJson(this, `${DATA}/cti-stix2-json-schemas_infrastructure.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(6);
      expect(snapshot.alerts).to.have.length(0);
      expect(snapshot.relations).to.have.length(4);
      expect(snapshot.issues).to.deep.equal([]);
      expect(entity(snapshot, 'ipv4-addr--1e4ffad7-0b88-41d4-ba4d-77d27490b956')).to.deep.include({ kind: 'ip', displayName: '198.51.100.3' });
      expect(entity(snapshot, 'domain-name--ecb120bf-2694-4902-a737-62b74539a41b').kind).to.equal('dnsName');
    });

    it('maps indicators for C2 with a course of action', async function () {
      // The identity, malware and course of action, plus the IPv4 address and the file the two
      // patterns name: 5 entities. 2 alerts, each involving its pattern object and the malware
      // it indicates: 4 evidence items. `mitigates` is the only relation.
      const payload = await readSharedJson(this, `${DATA}/cti-stix2-json-schemas_indicators-for-C2-with-COA.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(5);
      expect(snapshot.alerts).to.have.length(2);
      expect(evidenceCount(snapshot)).to.equal(4);
      expect(snapshot.relations.map((relation) => relation.type)).to.deep.equal(['mitigates']);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('maps the malicious e-mail indicators', async function () {
      // Both patterns use MATCHES, which names no single object. The identity and the attack
      // pattern are the entities; each indicator involves the attack pattern it indicates.
      const payload = await readSharedJson(this, `${DATA}/cti-stix2-json-schemas_malicious-email-indicator-with-attachment.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(2);
      expect(snapshot.alerts).to.have.length(2);
      expect(evidenceCount(snapshot)).to.equal(2);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('maps an incident with cyber-observables', async function () {
      // The file and the e-mail address of observable_refs are the 2 entities and the evidence
      // of the incident's activity alert.
      const payload = await readSharedJson(this, `${DATA}/cti-stix-common-objects_incident-core_incident-with-cyber-observables.json`);
      const snapshot = only(fromStix(payload));

      expect(snapshot.entities).to.have.length(2);
      expect(snapshot.alerts).to.have.length(1);
      expect(evidenceCount(snapshot)).to.equal(2);
      expect(snapshot.relations).to.have.length(0);
      expect(snapshot.issues).to.deep.equal([]);

      expect(snapshot.incident).to.deep.include({
        id: 'incident--1a074418-9248-4a21-9918-a79d0f1dbc5b',
        status: 'new',
        determination: 'suspected',
        tags: ['blocked'],
      });
      const activity = snapshot.alerts[0]!;
      expect(activity).to.deep.include({ detectionSource: 'email-filter', firstActivityTime: Date.parse('2020-10-15T01:01:01Z') });
      expect(activity.story?.relatedEvents).to.deep.equal([
        { title: 'Defender activity (discovery): An alert was triggered', time: Date.parse('2020-10-15T01:01:01Z') },
      ]);
      expect(entity(snapshot, 'email-addr--5e61397b-9c38-4a14-9232-b9f76254b1c1')).to.deep.include({ kind: 'mailbox', displayName: 'malicious_sender.49@fakemail.com' });
      expect(snapshot.entities.every((item) => item.verdict === undefined && item.remediationStatus === undefined)).to.equal(true);
    });

    it('maps an incident with attacker activities', async function () {
      // No entity: the 4 attack patterns the activities name are not in the bundle, and each
      // reference is reported. The activity alert lists 5 story events.
      const payload = await readSharedJson(this, `${DATA}/cti-stix-common-objects_incident-core_incident_sample_activity.json`);
      const snapshot = only(fromStix(payload));
      const incidentId = 'incident--2242662b-d581-4864-8696-fff719dc0500';

      expect(snapshot.entities).to.have.length(0);
      expect(snapshot.alerts).to.have.length(1);
      expect(snapshot.relations).to.have.length(0);
      expect(issueFields(snapshot, incidentId)).to.deep.equal(
        [0, 1, 2, 3].map((index) => `extensions.${INCIDENT_CORE_EXTENSION}.attacker_activities[${index}].pattern_ref`),
      );
      expect(snapshot.incident).to.deep.include({ status: 'open', determination: 'confirmed' });
      const events = snapshot.alerts[0]!.story!.relatedEvents!;
      expect(events).to.have.length(5);
      expect(events[0]).to.deep.equal({
        title: 'Attacker activity: A domain account was created to allow remote access using normal means by the attacker',
        time: Date.parse('2020-10-15T00:01:32.700Z'),
      });
      expect(snapshot.alerts[0]!.story!.actionsTaken).to.deep.equal(['A server admin found a strange account']);
    });
  });
});
