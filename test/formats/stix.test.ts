import { expect } from '@open-wc/testing';
import { fromStix, INCIDENT_CORE_EXTENSION } from '../../src/formats/index.js';
import * as packageEntry from '../../src/index.js';
import type { Alert, Entity, IncidentSnapshot, Relation } from '../../src/model/index.js';
import { isStixRecord } from '../../src/formats/stix/index.js';
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

/** Builds a STIX identifier of `type` whose UUID ends with `n`, so hand-made objects get readable ids. */
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
      // 33 entity objects: 1 intrusion-set, 5 threat-actors, 4 identities, 6 malware, 10 tools
      // and 7 attack-patterns. The 12 indicator patterns name 12 objects that are not in the
      // bundle: 4 IPv4 ranges, 3 domains, 3 MD5 hashes and 2 certificates. So 45 entities.
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
      // The malware and the file of the pattern's SHA-256 are the 2 entities. The 1 alert
      // involves the file (pattern) and the malware (indicates), so no relation is left.
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

  describe('payload shapes', () => {
    const url = sco('url', 1, { value: 'https://example.test/a' });

    it('reads a bare array of objects as one bundle', () => {
      const snapshot = only(fromStix([url]));
      expect(snapshot.entities.map((item) => item.id)).to.deep.equal([url.id]);
      expect(snapshot.incident.id).to.equal('bundle');
    });

    it('reads a single object', () => {
      expect(only(fromStix(url)).entities).to.have.length(1);
    });

    it('reads JSON text', () => {
      expect(only(fromStix(JSON.stringify(bundle(url)))).entities).to.have.length(1);
    });

    it('gives one snapshot per bundle of an array', () => {
      const second = { ...bundle(sco('url', 2, { value: 'https://example.test/b' })), id: sid('bundle', 2) };
      expect(fromStix([bundle(url), second]).map((snapshot) => snapshot.incident.id)).to.deep.equal([sid('bundle', 1), sid('bundle', 2)]);
    });

    it('recognises bundles and STIX objects', () => {
      expect(isStixRecord(bundle())).to.equal(true);
      expect(isStixRecord(url)).to.equal(true);
      expect(isStixRecord({ type: 'bundle' })).to.equal(false);
      expect(isStixRecord({ type: 'file', id: sid('url', 1) })).to.equal(false);
      expect(isStixRecord({ '@odata.type': '#microsoft.graph.security.alert', id: 'da637', title: 'x' })).to.equal(false);
      expect(isStixRecord({ type: 'Microsoft.SecurityInsights/entities', id: '/subscriptions/1/entities/2' })).to.equal(false);
    });

    it('reports an item beside the bundles', () => {
      const snapshot = only(fromStix([bundle(url), 'stray']));
      expect(snapshot.issues).to.deep.equal([{ id: 'payload', field: '[1]', problem: 'item "stray" is not a STIX bundle or object; it is left out' }]);
    });

    it('maps an empty bundle to an empty snapshot', () => {
      const snapshot = only(fromStix(bundle()));
      expect(snapshot.entities).to.deep.equal([]);
      expect(snapshot.alerts).to.deep.equal([]);
      expect(snapshot.incident.id).to.equal(sid('bundle', 1));
    });

    it('throws on a payload without STIX objects', () => {
      expect(() => fromStix({ value: [] })).to.throw(TypeError, /STIX 2\.1 bundle/);
      expect(() => fromStix(null)).to.throw(TypeError);
      expect(() => fromStix('not json')).to.throw(TypeError);
    });

    it('keeps the latest version of an object', () => {
      const old = sdo('malware', 1, { name: 'Old name', modified: '2024-05-01T10:00:00Z' });
      const current = sdo('malware', 1, { name: 'New name', modified: '2024-06-01T10:00:00Z' });
      const snapshot = only(fromStix(bundle(current, old)));
      expect(snapshot.entities.map((item) => item.displayName)).to.deep.equal(['New name']);
      expect(snapshot.issues).to.deep.equal([]);
    });
  });

  describe('entities', () => {
    it('maps each observable type to its entity kind', () => {
      const snapshot = only(
        fromStix(
          bundle(
            sco('ipv4-addr', 1, { value: '198.51.100.7' }),
            sco('ipv6-addr', 2, { value: '2001:db8::1' }),
            sco('domain-name', 3, { value: 'example.test' }),
            sco('url', 4, { value: 'https://example.test/x' }),
            sco('email-addr', 5, { value: 'a@example.test', display_name: 'A' }),
            sco('user-account', 6, { user_id: 'S-1-5-21-1-2-3-1001', account_login: 'alice', display_name: 'Alice' }),
            sco('windows-registry-key', 7, { key: 'HKEY_LOCAL_MACHINE\\Software\\Run' }),
            sco('mutex', 8, { name: 'Global\\m' }),
            sco('autonomous-system', 9, { number: 64500 }),
            sdo('identity', 10, { name: 'Acme', identity_class: 'organization' }),
            sdo('identity', 11, { name: 'Bob', identity_class: 'individual' }),
          ),
        ),
      );
      const observables = snapshot.entities.filter((item) => item.properties.rawType !== 'identity');
      const kinds = Object.fromEntries(observables.map((item) => [item.properties.rawType as string, item.kind]));
      expect(kinds).to.deep.equal({
        'ipv4-addr': 'ip',
        'ipv6-addr': 'ip',
        'domain-name': 'dnsName',
        url: 'url',
        'email-addr': 'mailbox',
        'user-account': 'user',
        'windows-registry-key': 'registryKey',
        mutex: 'other',
        'autonomous-system': 'other',
      });
      expect(entity(snapshot, sid('identity', 10)).kind).to.equal('other');
      expect(entity(snapshot, sid('identity', 11)).kind).to.equal('user');
      expect(entity(snapshot, sid('user-account', 6))).to.deep.include({ displayName: 'Alice' });
      expect(entity(snapshot, sid('user-account', 6)).properties).to.deep.include({ accountName: 'alice', userSid: 'S-1-5-21-1-2-3-1001' });
      expect(entity(snapshot, sid('email-addr', 5)).properties.primaryAddress).to.equal('a@example.test');
      expect(entity(snapshot, sid('autonomous-system', 9)).displayName).to.equal('AS64500');
      expect(snapshot.entities.every((item) => item.verdict === undefined && item.remediationStatus === undefined)).to.equal(true);
    });

    it('maps a file with hashes and its directory', () => {
      const directory = sco('directory', 1, { path: 'C:\\Users\\Public' });
      const file = sco('file', 2, {
        name: 'a.exe',
        size: 10,
        parent_directory_ref: directory.id,
        hashes: { 'SHA-256': 'AB'.repeat(32), MD5: 'cd'.repeat(16), 'SHA-512': 'ef'.repeat(64) },
      });
      const snapshot = only(fromStix(bundle(directory, file)));
      const mapped = entity(snapshot, file.id as string);
      expect(mapped).to.deep.include({ kind: 'file', displayName: 'a.exe' });
      expect(mapped.properties).to.deep.include({ sha256: 'ab'.repeat(32), md5: 'cd'.repeat(16), filePath: 'C:\\Users\\Public', fileSize: 10 });
      expect(relationsOf(snapshot, file.id as string, 'parentDirectory').map((relation) => relation.target)).to.deep.equal([directory.id]);
    });

    it('names a file by its hash when it has no name', () => {
      const snapshot = only(fromStix(bundle(sco('file', 1, { hashes: { 'SHA-1': 'ab'.repeat(20) } }))));
      expect(snapshot.entities[0]!.displayName).to.equal('ab'.repeat(20));
    });

    it('marks malware malicious and gives a malware analysis verdict to its sample', () => {
      const sample = sco('file', 1, { name: 'sample.bin' });
      const snapshot = only(
        fromStix(bundle(sdo('malware', 2, { name: 'Evil', is_family: false }), sample, sdo('malware-analysis', 3, { product: 'sandbox', result: 'benign', sample_ref: sample.id }))),
      );
      expect(entity(snapshot, sid('malware', 2)).verdict).to.equal('malicious');
      expect(entity(snapshot, sample.id as string).verdict).to.equal('clean');
      expect(entity(snapshot, sid('malware-analysis', 3)).displayName).to.equal('sandbox: benign');
    });

    it('takes first seen from first_seen and observed-data', () => {
      const address = sco('ipv4-addr', 1, { value: '198.51.100.9' });
      const snapshot = only(
        fromStix(
          bundle(
            sdo('threat-actor', 2, { name: 'Actor', first_seen: '2024-01-02T00:00:00Z' }),
            address,
            sdo('observed-data', 3, { first_observed: '2024-03-04T00:00:00Z', last_observed: '2024-03-04T00:00:00Z', number_observed: 1, object_refs: [address.id] }),
          ),
        ),
      );
      expect(entity(snapshot, sid('threat-actor', 2)).firstSeen).to.equal(Date.parse('2024-01-02T00:00:00Z'));
      expect(entity(snapshot, address.id as string).firstSeen).to.equal(Date.parse('2024-03-04T00:00:00Z'));
    });

    it('keeps notes and opinions on the entities they are about', () => {
      const malware = sdo('malware', 1, { name: 'Evil', is_family: true });
      const snapshot = only(
        fromStix(
          bundle(
            malware,
            sdo('note', 2, { abstract: 'Seen twice', content: 'In two campaigns', authors: ['Ann'], object_refs: [malware.id] }),
            sdo('opinion', 3, { opinion: 'agree', explanation: 'Matches our data', object_refs: [malware.id] }),
          ),
        ),
      );
      const properties = entity(snapshot, malware.id as string).properties;
      expect(properties.notes).to.deep.equal([{ id: sid('note', 2), abstract: 'Seen twice', content: 'In two campaigns', authors: ['Ann'] }]);
      expect(properties.opinions).to.deep.equal([{ id: sid('opinion', 3), opinion: 'agree', explanation: 'Matches our data' }]);
    });
  });

  describe('embedded references', () => {
    it('draws a process tree with image, user and connection', () => {
      const image = sco('file', 1, { name: 'powershell.exe' });
      const user = sco('user-account', 2, { account_login: 'alice' });
      const source = sco('ipv4-addr', 3, { value: '10.0.0.5' });
      const destination = sco('ipv4-addr', 4, { value: '198.51.100.3' });
      const traffic = sco('network-traffic', 5, { src_ref: source.id, dst_ref: destination.id, dst_port: 443, protocols: ['tcp'] });
      const parent = sco('process', 6, { pid: 100, command_line: 'cmd.exe' });
      const child = sco('process', 7, {
        pid: 200,
        created_time: '2024-05-01T10:00:00Z',
        image_ref: image.id,
        creator_user_ref: user.id,
        parent_ref: parent.id,
        opened_connection_refs: [traffic.id],
      });
      const grandchild = sco('process', 8, { pid: 300 });
      const withChildren = { ...child, child_refs: [grandchild.id] };
      const snapshot = only(fromStix(bundle(image, user, source, destination, traffic, parent, withChildren, grandchild)));
      const childId = child.id as string;

      expect(relationsOf(snapshot, childId, 'parentProcess').map((relation) => relation.target)).to.deep.equal([parent.id]);
      expect(relationsOf(snapshot, grandchild.id as string, 'parentProcess').map((relation) => relation.target)).to.deep.equal([childId]);
      expect(relationsOf(snapshot, childId, 'imageFile').map((relation) => relation.target)).to.deep.equal([image.id]);
      expect(relationsOf(snapshot, childId, 'runsAs').map((relation) => relation.target)).to.deep.equal([user.id]);
      expect(relationsOf(snapshot, childId, 'openedConnection').map((relation) => relation.target)).to.deep.equal([traffic.id]);
      expect(relationsOf(snapshot, source.id as string, 'communicatesWith').map((relation) => relation.target)).to.deep.equal([destination.id]);
      expect(relationsOf(snapshot, traffic.id as string, 'source').map((relation) => relation.target)).to.deep.equal([source.id]);

      const mapped = entity(snapshot, childId);
      expect(mapped).to.deep.include({ kind: 'process', displayName: 'powershell.exe', firstSeen: Date.parse('2024-05-01T10:00:00Z') });
      expect(mapped.properties).to.deep.include({ processId: 200, imageFileName: 'powershell.exe', accountName: 'alice', parentProcessId: 100 });
      expect(entity(snapshot, traffic.id as string).displayName).to.equal('10.0.0.5 → 198.51.100.3:443 (tcp)');
    });

    it('links an e-mail message to its addresses and attachment', () => {
      const from = sco('email-addr', 1, { value: 'sender@example.test' });
      const to = sco('email-addr', 2, { value: 'victim@example.test' });
      const attachment = sco('file', 3, { name: 'invoice.exe' });
      const message = sco('email-message', 4, {
        is_multipart: true,
        subject: 'Invoice',
        from_ref: from.id,
        to_refs: [to.id],
        body_multipart: [{ body_raw_ref: attachment.id, content_disposition: 'attachment' }],
      });
      const snapshot = only(fromStix(bundle(from, to, attachment, message)));
      const id = message.id as string;

      expect(entity(snapshot, id)).to.deep.include({ kind: 'mailMessage', displayName: 'Invoice' });
      expect(entity(snapshot, id).properties).to.deep.include({ sender: 'sender@example.test', recipient: 'victim@example.test' });
      expect(relationsOf(snapshot, id, 'sentBy').map((relation) => relation.target)).to.deep.equal([from.id]);
      expect(relationsOf(snapshot, id, 'sentTo').map((relation) => relation.target)).to.deep.equal([to.id]);
      expect(relationsOf(snapshot, id, 'attachment').map((relation) => relation.target)).to.deep.equal([attachment.id]);
    });

    it('links a domain to the addresses it resolves to', () => {
      const address = sco('ipv4-addr', 1, { value: '198.51.100.1' });
      const domain = sco('domain-name', 2, { value: 'example.test', resolves_to_refs: [address.id] });
      const snapshot = only(fromStix(bundle(address, domain)));
      expect(relationsOf(snapshot, domain.id as string, 'resolvesTo').map((relation) => relation.target)).to.deep.equal([address.id]);
    });

    it('draws no relation for created_by_ref', () => {
      const author = sdo('identity', 1, { name: 'Author', identity_class: 'organization' });
      const snapshot = only(fromStix(bundle(author, sdo('tool', 2, { name: 'psexec', created_by_ref: author.id }))));
      expect(snapshot.relations).to.deep.equal([]);
    });
  });

  describe('relationships', () => {
    it('relates two entities by relationship type, from start_time', () => {
      const malware = sdo('malware', 1, { name: 'Evil', is_family: true });
      const address = sco('ipv4-addr', 2, { value: '198.51.100.2' });
      const snapshot = only(
        fromStix(bundle(malware, address, relationship(3, 'communicates-with', malware.id as string, address.id as string, { start_time: '2024-05-02T00:00:00Z' }))),
      );
      expect(snapshot.relations).to.deep.equal([
        { source: malware.id, target: address.id, type: 'communicatesWith', firstSeen: Date.parse('2024-05-02T00:00:00Z') },
      ]);
    });

    it('keeps other relationship types as written', () => {
      const actor = sdo('threat-actor', 1, { name: 'Actor' });
      const tool = sdo('tool', 2, { name: 'psexec' });
      const snapshot = only(fromStix(bundle(actor, tool, relationship(3, 'uses', actor.id as string, tool.id as string))));
      expect(snapshot.relations.map((relation) => relation.type)).to.deep.equal(['uses']);
    });

    it('turns a relationship with an indicator into evidence', () => {
      const actor = sdo('threat-actor', 1, { name: 'Actor' });
      const snapshot = only(fromStix(bundle(actor, indicator(2, "[domain-name:value = 'bad.test']"), relationship(3, 'indicates', sid('indicator', 2), actor.id as string))));
      expect(alert(snapshot, sid('indicator', 2)).evidence.find((item) => item.entityId === actor.id)).to.deep.equal({ entityId: actor.id, roles: ['indicates'] });
      expect(snapshot.relations).to.deep.equal([]);
    });

    it('lists a related alert for a relationship between two alerts', () => {
      const snapshot = only(
        fromStix(bundle(indicator(1, "[url:value = 'https://a.test']"), indicator(2, "[url:value = 'https://b.test']"), relationship(3, 'related-to', sid('indicator', 1), sid('indicator', 2)))),
      );
      expect(alert(snapshot, sid('indicator', 1)).relatedAlertIds).to.deep.equal([sid('indicator', 2)]);
    });
  });

  describe('indicators', () => {
    it('involves what the pattern names with the verdict of its types', () => {
      const snapshot = only(
        fromStix(
          bundle(
            indicator(1, "[ipv4-addr:value = '198.51.100.4'] OR [domain-name:value = 'bad.test']", {
              confidence: 80,
              kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'command-and-control' }],
            }),
            indicator(2, "[url:value = 'https://fine.test']", { indicator_types: ['benign'] }),
            indicator(3, "[url:value = 'https://other.test']", { indicator_types: [] }),
            indicator(4, "[url:value = 'https://old.test']", { indicator_types: undefined, labels: ['anomalous-activity'] }),
          ),
        ),
      );
      const first = alert(snapshot, sid('indicator', 1));
      expect(first).to.deep.include({ severity: 'high', category: 'command-and-control', detectionSource: 'stix', firstActivityTime: Date.parse('2024-05-01T09:00:00Z') });
      expect(first.evidence.map((item) => [snapshot.entities.find((e) => e.id === item.entityId)!.displayName, item.verdict])).to.deep.equal([
        ['198.51.100.4', 'malicious'],
        ['bad.test', 'malicious'],
      ]);
      expect(snapshot.entities.find((item) => item.displayName === 'https://fine.test')!.verdict).to.equal('clean');
      expect(snapshot.entities.find((item) => item.displayName === 'https://other.test')!.verdict).to.equal(undefined);
      expect(snapshot.entities.find((item) => item.displayName === 'https://old.test')!.verdict).to.equal('suspicious');
    });

    it('joins a pattern object to the same observable in the bundle', () => {
      const file = sco('file', 1, { name: 'a.exe', hashes: { 'SHA-256': 'ab'.repeat(32) } });
      const snapshot = only(fromStix(bundle(file, indicator(2, `[file:hashes.'SHA-256' = '${'AB'.repeat(32)}']`))));
      expect(snapshot.entities.map((item) => item.id)).to.deep.equal([file.id]);
      expect(snapshot.alerts[0]!.evidence.map((item) => item.entityId)).to.deep.equal([file.id]);
      expect(entity(snapshot, file.id as string).verdict).to.equal('malicious');
    });

    it('describes one object by comparisons joined by AND', () => {
      const snapshot = only(fromStix(bundle(indicator(1, "[file:name = 'a.exe' AND file:hashes.MD5 = '" + 'cd'.repeat(16) + "']"))));
      expect(snapshot.entities).to.have.length(1);
      expect(snapshot.entities[0]!.properties).to.deep.include({ fileName: 'a.exe', md5: 'cd'.repeat(16) });
    });

    it('names nothing for MATCHES, NOT or reference paths', () => {
      const snapshot = only(
        fromStix(
          bundle(
            indicator(1, "[email-message:subject MATCHES '^Invoice']"),
            indicator(2, "[url:value NOT = 'https://a.test']"),
            indicator(3, "[email-message:from_ref.value = 'a@example.test']"),
          ),
        ),
      );
      expect(snapshot.entities).to.deep.equal([]);
      expect(snapshot.issues).to.deep.equal([]);
    });

    it('reads no pattern in another pattern language', () => {
      const snapshot = only(fromStix(bundle(indicator(1, 'alert tcp any any -> any 80', { pattern_type: 'snort' }))));
      expect(snapshot.alerts[0]!.detectionSource).to.equal('snort');
      expect(snapshot.entities).to.deep.equal([]);
    });

    it('gives the techniques of the attack patterns it indicates', () => {
      const pattern = sdo('attack-pattern', 2, {
        name: 'Phishing',
        external_references: [{ source_name: 'mitre-attack', external_id: 'T1566.001', url: 'https://attack.mitre.org/techniques/T1566/001' }],
        kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'initial-access' }],
      });
      const snapshot = only(fromStix(bundle(pattern, indicator(1, "[url:value = 'https://a.test']"), relationship(3, 'indicates', sid('indicator', 1), pattern.id as string))));
      expect(snapshot.alerts[0]).to.deep.include({ mitreTechniques: ['T1566.001'], category: 'initial-access' });
      expect(entity(snapshot, pattern.id as string).webUrl).to.equal('https://attack.mitre.org/techniques/T1566/001');
    });

    it('derives severity from confidence', () => {
      const levels = [0, 10, 50, 70].map((confidence, index) => indicator(index + 1, "[url:value = 'https://a.test']", { confidence }));
      const snapshot = only(fromStix(bundle(...levels)));
      expect(snapshot.alerts.map((item) => item.severity)).to.deep.equal(['unknown', 'low', 'medium', 'high']);
      expect(snapshot.incident.severity).to.equal('high');
    });
  });

  describe('sightings', () => {
    it('involves the sighted malware, the observed objects and where it was sighted', () => {
      const malware = sdo('malware', 1, { name: 'Evil', is_family: false });
      const file = sco('file', 2, { name: 'evil.exe' });
      const observed = sdo('observed-data', 3, { first_observed: '2024-05-01T00:00:00Z', last_observed: '2024-05-01T00:00:00Z', number_observed: 1, object_refs: [file.id] });
      const victim = sdo('identity', 4, { name: 'Victim', identity_class: 'organization' });
      const sighting = sdo('sighting', 5, {
        sighting_of_ref: malware.id,
        observed_data_refs: [observed.id],
        where_sighted_refs: [victim.id],
        count: 3,
        first_seen: '2024-05-01T00:00:00Z',
      });
      const snapshot = only(fromStix(bundle(malware, file, observed, victim, sighting)));
      const mapped = alert(snapshot, sighting.id as string);

      expect(mapped.evidence).to.deep.equal([
        { entityId: malware.id, roles: ['sightingOf'], verdict: 'malicious' },
        { entityId: file.id, roles: ['observed'], verdict: 'malicious' },
        { entityId: victim.id, roles: ['whereSighted'] },
      ]);
      expect(mapped.story?.whatHappened).to.equal('Evil was sighted 3 times.');
      expect(snapshot.incident.title).to.equal('Sighting of Evil');
    });
  });

  describe('incidents', () => {
    function incident(n: number, extension: StixRecord, extra: StixRecord = {}): StixRecord {
      return sdo('incident', n, {
        name: `Incident ${n}`,
        labels: ['ransomware'],
        extensions: { [INCIDENT_CORE_EXTENSION]: { extension_type: 'property-extension', ...extension } },
        ...extra,
      });
    }

    it('maps the Incident Core Extension', () => {
      const pattern = sdo('attack-pattern', 2, { name: 'Valid Accounts', external_references: [{ source_name: 'mitre-attack', external_id: 'T1078' }] });
      const host = sco('ipv4-addr', 3, { value: '10.1.1.1' });
      const snapshot = only(
        fromStix(
          bundle(
            incident(1, {
              investigation_status: 'closed',
              determination: 'confirmed',
              incident_types: ['insider'],
              detection_methods: ['human-review', 'siem'],
              attacker_activities: [{ pattern_ref: pattern.id, description: 'Logged on', start_time: '2024-05-01T08:00:00Z' }],
              defender_activities: [{ type: 'containment', description: 'Disabled the account', time: '2024-05-01T12:00:00Z' }],
              observable_refs: [host.id],
            }),
            pattern,
            host,
          ),
        ),
      );

      expect(snapshot.incident).to.deep.include({ id: sid('incident', 1), title: 'Incident 1', status: 'closed', determination: 'confirmed', tags: ['ransomware', 'insider'] });
      const activity = alert(snapshot, `${sid('incident', 1)}/activity`);
      expect(activity).to.deep.include({
        detectionSource: 'human-review, siem',
        firstActivityTime: Date.parse('2024-05-01T08:00:00Z'),
        lastActivityTime: Date.parse('2024-05-01T12:00:00Z'),
        mitreTechniques: ['T1078'],
      });
      expect(activity.evidence.map((item) => [item.entityId, item.roles])).to.deep.equal([
        [pattern.id, ['attackPattern']],
        [host.id, ['observable']],
      ]);
      expect(activity.story?.relatedEvents?.map((event) => event.title)).to.deep.equal([
        'Attacker activity: Logged on',
        'Defender activity (containment): Disabled the account',
      ]);
      expect(activity.story?.actionsTaken).to.deep.equal(['Disabled the account']);
    });

    it('maps an incident without the extension', () => {
      const snapshot = only(fromStix(bundle(sdo('incident', 1, { name: 'Plain', confidence: 40 }))));
      expect(snapshot.incident).to.deep.include({ title: 'Plain', status: 'unknown', severity: 'medium', tags: [] });
      expect(snapshot.incident.determination).to.equal(undefined);
      const activity = snapshot.alerts[0]!;
      expect(activity).to.deep.include({ id: `${sid('incident', 1)}/activity`, severity: 'medium', evidence: [] });
      expect(activity.story).to.equal(undefined);
    });

    it('splits a bundle with two incidents by what each references', () => {
      const first = sco('ipv4-addr', 3, { value: '10.0.0.1' });
      const second = sco('ipv4-addr', 4, { value: '10.0.0.2' });
      const loose = sdo('tool', 5, { name: 'unrelated' });
      const snapshots = fromStix(bundle(incident(1, { observable_refs: [first.id] }), incident(2, { observable_refs: [second.id] }), first, second, loose));

      expect(snapshots.map((snapshot) => snapshot.incident.id)).to.deep.equal([sid('incident', 1), sid('incident', 2)]);
      expect(snapshots[0]!.entities.map((item) => item.id)).to.have.members([first.id, loose.id]);
      expect(snapshots[1]!.entities.map((item) => item.id)).to.deep.equal([second.id]);
    });
  });

  describe('data issues', () => {
    it('reports items that are not objects, or lack a type or an id', () => {
      const snapshot = only(fromStix(bundle(42 as unknown as StixRecord, { id: sid('url', 1) }, { type: 'url', value: 'https://a.test' })));
      expect(snapshot.issues.map((issue) => [issue.id, issue.field])).to.deep.equal([
        [sid('bundle', 1), 'objects[0]'],
        [sid('bundle', 1), 'objects[1]'],
        ['url--generated-3', 'id'],
      ]);
      expect(snapshot.entities.map((item) => item.displayName)).to.deep.equal(['https://a.test']);
    });

    it('reports malformed id and other spec version', () => {
      const snapshot = only(fromStix(bundle({ type: 'url', id: 'url-1', value: 'https://a.test' }, sdo('tool', 1, { name: 't', spec_version: '2.0' }))));
      expect(issueFields(snapshot, 'url-1')).to.deep.equal(['id']);
      expect(issueFields(snapshot, sid('tool', 1))).to.deep.equal(['spec_version']);
      expect(snapshot.entities).to.have.length(2);
    });

    it('reports two copies of one version', () => {
      const snapshot = only(fromStix(bundle(sdo('tool', 1, { name: 'a' }), sdo('tool', 1, { name: 'b' }))));
      expect(issueFields(snapshot, sid('tool', 1))).to.deep.equal(['id']);
      expect(snapshot.entities.map((item) => item.displayName)).to.deep.equal(['a']);
    });

    it('reports an unknown object type and shows it as other', () => {
      const snapshot = only(fromStix(bundle(sco('widget', 1, { name: 'w' }), sco('x-acme-widget', 2, { name: 'custom' }))));
      expect(issueFields(snapshot, sid('widget', 1))).to.deep.equal(['type']);
      expect(issueFields(snapshot, sid('x-acme-widget', 2))).to.deep.equal([]);
      expect(snapshot.entities.map((item) => [item.kind, item.properties.rawType])).to.deep.equal([
        ['other', 'widget'],
        ['other', 'x-acme-widget'],
      ]);
    });

    it('reports a reference to an object not in the bundle', () => {
      const process = sco('process', 1, { pid: 4, parent_ref: sid('process', 9) });
      const snapshot = only(fromStix(bundle(process)));
      expect(snapshot.issues).to.deep.equal([
        { id: process.id, field: 'parent_ref', problem: `reference to ${sid('process', 9)}, which is not in the bundle; it is left out` },
      ]);
      expect(snapshot.entities).to.have.length(1);
    });

    it('reports a reference that is not an identifier', () => {
      const snapshot = only(fromStix(bundle(sco('domain-name', 1, { value: 'a.test', resolves_to_refs: ['10.0.0.1'] }))));
      expect(issueFields(snapshot, sid('domain-name', 1))).to.deep.equal(['resolves_to_refs[0]']);
    });

    it('reports an invalid time and keeps the object', () => {
      const snapshot = only(fromStix(bundle(sdo('sighting', 1, { sighting_of_ref: sid('malware', 2), first_seen: 'yesterday' }), sdo('malware', 2, { name: 'Evil', is_family: true }))));
      expect(issueFields(snapshot, sid('sighting', 1))).to.deep.equal(['first_seen']);
      expect(snapshot.alerts[0]!.firstActivityTime).to.equal(undefined);
    });

    it('reports unknown incident enumerations and keeps them', () => {
      const snapshot = only(
        fromStix(bundle(sdo('incident', 1, { name: 'I', extensions: { [INCIDENT_CORE_EXTENSION]: { investigation_status: 'parked', determination: 'maybe' } } }))),
      );
      const prefix = `extensions.${INCIDENT_CORE_EXTENSION}.`;
      expect(issueFields(snapshot, sid('incident', 1))).to.deep.equal([`${prefix}investigation_status`, `${prefix}determination`]);
      expect(snapshot.incident).to.deep.include({ status: 'parked', determination: 'maybe' });
    });

    it('reports an invalid confidence and count', () => {
      const snapshot = only(fromStix(bundle(sdo('sighting', 1, { sighting_of_ref: sid('tool', 2), confidence: 150, count: -1 }), sdo('tool', 2, { name: 't' }))));
      expect(issueFields(snapshot, sid('sighting', 1))).to.deep.equal(['confidence', 'count']);
      expect(snapshot.alerts[0]!.severity).to.equal('unknown');
    });

    it('reports an invalid hash and keeps it as a property', () => {
      const snapshot = only(fromStix(bundle(sco('file', 1, { name: 'a', hashes: { MD5: 'xyz' } }))));
      expect(issueFields(snapshot, sid('file', 1))).to.deep.equal(['hashes.MD5']);
      expect(snapshot.entities[0]!.properties.md5).to.equal('xyz');
    });

    it('reports a sighting without sighting_of_ref and an indicator without a pattern', () => {
      const snapshot = only(fromStix(bundle(sdo('sighting', 1, {}), sdo('indicator', 2, { name: 'I', pattern_type: 'stix', valid_from: '2024-01-01T00:00:00Z' }))));
      expect(issueFields(snapshot, sid('sighting', 1))).to.deep.equal(['sighting_of_ref']);
      expect(issueFields(snapshot, sid('indicator', 2))).to.deep.equal(['pattern']);
      expect(snapshot.alerts).to.have.length(2);
    });

    it('reports a relationship to an object that is not drawn', () => {
      const tool = sdo('tool', 1, { name: 't' });
      const note = sdo('note', 2, { content: 'c', object_refs: [tool.id] });
      const snapshot = only(fromStix(bundle(tool, note, relationship(3, 'related-to', tool.id as string, note.id as string))));
      expect(issueFields(snapshot, sid('relationship', 3))).to.deep.equal(['relationship_type']);
      expect(snapshot.relations).to.deep.equal([]);
    });

    it('reports an unknown opinion and keeps it', () => {
      const tool = sdo('tool', 1, { name: 't' });
      const snapshot = only(fromStix(bundle(tool, sdo('opinion', 2, { opinion: 'meh', object_refs: [tool.id] }))));
      expect(issueFields(snapshot, sid('opinion', 2))).to.deep.equal(['opinion']);
      expect(entity(snapshot, tool.id as string).properties.opinions).to.deep.equal([{ id: sid('opinion', 2), opinion: 'meh' }]);
    });
  });
});
