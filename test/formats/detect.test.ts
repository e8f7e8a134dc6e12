import { expect } from '@open-wc/testing';
import {
  detectFormat,
  fromAnyFormat,
  fromAdvancedHunting,
  fromDefender,
  fromMicrosoftGraph,
  fromOcsf,
  fromSentinel,
  fromStix,
  UnrecognizedPayloadError,
  type PayloadFormat,
} from '../../src/formats/index.js';
import * as packageEntry from '../../src/index.js';
import type { IncidentSnapshot } from '../../src/model/index.js';
import { readSharedText } from '../helpers/shared-data.js';

/** Each format's own mapper, to compare with what `fromAnyFormat` returns. */
const MAPPERS: Record<PayloadFormat, (payload: unknown) => IncidentSnapshot[]> = {
  microsoftGraph: fromMicrosoftGraph,
  defender: fromDefender,
  sentinel: fromSentinel,
  ocsf: fromOcsf,
  stix: fromStix,
  advancedHunting: (payload) => fromAdvancedHunting(payload),
};

/** Each published payload and the format it is in. */
const PUBLISHED: ReadonlyArray<[path: string, format: PayloadFormat]> = [
  ['msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json', 'microsoftGraph'],
  ['msgraph/graph-v1.0_security-incident-get.response.json', 'microsoftGraph'],
  ['msgraph/graph-v1.0_security-alert-get.response.json', 'microsoftGraph'],
  ['msgraph/graph-alerts_v2-list.xsoar-mock.json', 'microsoftGraph'],
  ['defender/defender-xdr-api_list-incidents.response.json', 'defender'],
  ['defender/mde-api_list-alerts-expand-evidence.response.json', 'defender'],
  ['defender/m365d-streaming_alertinfo-alertevidence-deviceprocessevents.ndjson', 'advancedHunting'],
  ['sentinel/sentinel-rest-2024-03-01_GetIncidentById.example.json', 'sentinel'],
  ['sentinel/sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json', 'sentinel'],
  ['sentinel/sentinel-rest-2024-01-01-preview_GetEntities.example.json', 'sentinel'],
  ['sentinel/sentinel-securityalert-row.eventhub.ndjson', 'sentinel'],
  ['sentinel/sentinel-rest-2024-01-01-preview_PostTimelineEntity.example.json', 'sentinel'],
  ['ocsf/ocsf-1.1.0_detection-finding_aws-securityhub-guardduty.ocsf.json', 'ocsf'],
  ['ocsf/ocsf-1.3.0_detection-finding_okta.ocsf.json', 'ocsf'],
  ['ocsf/ocsf_security-finding-2001_securityscorecard.json', 'ocsf'],
  ['ocsf/ocsf-1.0.0-rc2_process-activity-1007_windows-4688.json', 'ocsf'],
  ['stix/cti-documentation_apt1.json', 'stix'],
  ['stix/cti-documentation_malware-indicator-for-file-hash.json', 'stix'],
  ['stix/cti-documentation_sighting-of-an-indicator.json', 'stix'],
  ['stix/cti-documentation_sighting-of-observed-data.json', 'stix'],
  ['stix/cti-documentation_threat-actor-leveraging-attack-patterns-and-malware.json', 'stix'],
  ['stix/cti-stix-common-objects_incident-core_incident-with-cyber-observables.json', 'stix'],
  ['stix/cti-stix-common-objects_incident-core_incident_sample_activity.json', 'stix'],
  ['stix/cti-stix2-json-schemas_indicators-for-C2-with-COA.json', 'stix'],
  ['stix/cti-stix2-json-schemas_infrastructure.json', 'stix'],
  ['stix/cti-stix2-json-schemas_malicious-email-indicator-with-attachment.json', 'stix'],
];

/** Published payloads that no mapper reads: source events before their OCSF conversion. */
const UNMAPPED = [
  'ocsf/ocsf-1.3.0_detection-finding_okta.raw.json',
  'ocsf/ocsf-1.1.0_detection-finding_aws-securityhub-guardduty.raw-asff.json',
];

describe('detectFormat', () => {
  it('is exported from the package entry', () => {
    expect(packageEntry.detectFormat).to.equal(detectFormat);
    expect(packageEntry.fromAnyFormat).to.equal(fromAnyFormat);
  });

  for (const [path, format] of PUBLISHED) {
    it(`reads ${path.split('/')[1]} as ${format}`, async function () {
      const text = await readSharedText(this, path);
      expect(detectFormat(text), 'from text').to.equal(format);

      const loaded = fromAnyFormat(text);
      expect(loaded.format).to.equal(format);
      expect(loaded.snapshots.length, 'snapshots').to.be.greaterThan(0);
      expect(loaded.issues, 'payload issues').to.deep.equal([]);
      const payload: unknown = path.endsWith('.ndjson') ? text : JSON.parse(text);
      expect(loaded.snapshots, 'same as the mapper').to.deep.equal(MAPPERS[format](payload));
    });
  }

  for (const path of UNMAPPED) {
    it(`finds no format in ${path.split('/')[1]}`, async function () {
      const text = await readSharedText(this, path);
      expect(detectFormat(text)).to.equal(undefined);
      expect(() => fromAnyFormat(text)).to.throw(UnrecognizedPayloadError, /no recognised format \(found records with the fields/);
    });
  }

  it('reads parsed JSON as text does', async function () {
    const text = await readSharedText(this, PUBLISHED[5]![0]);
    expect(detectFormat(JSON.parse(text))).to.equal('defender');
  });

});

describe('fromAnyFormat', () => {
  const graphAlert = {
    '@odata.type': '#microsoft.graph.security.alert',
    id: 'a1',
    incidentId: 'i1',
    title: 'Suspicious process',
    severity: 'high',
    evidence: [],
  };

  it('reports NDJSON lines that are not JSON', () => {
    const text = `${JSON.stringify(graphAlert)}\n{ not json\n${JSON.stringify({ ...graphAlert, id: 'a2' })}\n`;
    const loaded = fromAnyFormat(text);

    expect(loaded.format).to.equal('microsoftGraph');
    expect(loaded.snapshots).to.have.length(1);
    expect(loaded.snapshots[0]!.alerts.map((alert) => alert.id)).to.deep.equal(['a1', 'a2']);
    expect(loaded.issues).to.have.length(1);
    expect(loaded.issues[0]).to.include({ id: 'payload', field: 'line 2' });
    expect(loaded.snapshots[0]!.issues, 'first snapshot repeats the payload issues').to.deep.include(loaded.issues[0]);
  });

  it('reports records of another format', () => {
    const ocsf = { class_uid: 2004, finding_info: { uid: 'f1', title: 'Finding' }, time: 1714557600000 };
    const loaded = fromAnyFormat([graphAlert, { ...graphAlert, id: 'a2' }, ocsf]);

    expect(loaded.format).to.equal('microsoftGraph');
    expect(loaded.issues).to.have.length(1);
    expect(loaded.issues[0]!.problem).to.contain('1 record(s) look like OCSF');
  });

  it('reports records of no format', () => {
    const loaded = fromAnyFormat({ value: [graphAlert, { colour: 'red' }] });

    expect(loaded.format).to.equal('microsoftGraph');
    expect(loaded.issues.map((issue) => issue.problem)).to.deep.equal(['1 record(s) are in no recognised format; they are left out']);
  });

  it('names the fields of an unknown record', () => {
    expect(() => fromAnyFormat('{"colour": "red", "size": 3}')).to.throw(
      UnrecognizedPayloadError,
      'fromAnyFormat: the payload is in no recognised format (found records with the fields "colour", "size").',
    );
  });

  it('rejects text that is not JSON', () => {
    expect(() => fromAnyFormat('<html><body>hello</body></html>')).to.throw(UnrecognizedPayloadError, /found no JSON: 1 line\(s\) could not be parsed/);
  });

  it('loads an empty Graph list', () => {
    const loaded = fromAnyFormat('{"value": []}');

    expect(loaded.format).to.equal('microsoftGraph');
    expect(loaded.snapshots).to.deep.equal([]);
    expect(loaded.issues).to.deep.equal([]);
    expect(fromMicrosoftGraph({ value: [] }), 'same as the mapper').to.deep.equal([]);
  });

  it('reads the API of an empty list from its context', () => {
    const graph = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#security/incidents', value: [] };
    const xdr = { '@odata.context': 'https://api.security.microsoft.com/api/$metadata#Incidents', value: [] };
    const mde = { '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#Alerts', value: [] };

    expect(fromAnyFormat(graph).format, 'Graph').to.equal('microsoftGraph');
    expect(fromAnyFormat(xdr).format, 'Defender XDR').to.equal('defender');
    expect(fromAnyFormat(mde).format, 'Defender for Endpoint').to.equal('defender');
    expect(fromAnyFormat(mde).snapshots).to.deep.equal([]);
  });

  it('names an empty list of another envelope', () => {
    expect(() => fromAnyFormat({ records: [] })).to.throw(UnrecognizedPayloadError, /no recognised format \(found an empty "records" list\)/);
  });

  it('prefixes its errors like the mappers', () => {
    const messages = [
      () => fromAnyFormat({ colour: 'red' }),
      () => fromMicrosoftGraph(42),
      () => fromDefender(42),
      () => fromSentinel(42),
      () => fromOcsf(42),
      () => fromStix(42),
    ].map((load) => {
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    });

    expect(messages.map((message) => message.split(':')[0])).to.deep.equal([
      'fromAnyFormat',
      'fromMicrosoftGraph',
      'fromDefender',
      'fromSentinel',
      'fromOcsf',
      'fromStix',
    ]);
  });

  it('rejects empty text', () => {
    expect(() => fromAnyFormat('')).to.throw(UnrecognizedPayloadError, /found no records/);
  });

  it('tells a Defender for Endpoint alert from a Graph alert', () => {
    const mdeAlert = { id: 'da1', title: 'Low-reputation code', alertCreationTime: '2021-01-20T11:00:00Z', evidence: [{ entityType: 'File' }] };
    const graphEvidence = { ...graphAlert, '@odata.type': undefined, evidence: [{ '@odata.type': '#microsoft.graph.security.fileEvidence' }] };

    expect(detectFormat(mdeAlert)).to.equal('defender');
    expect(detectFormat(graphEvidence)).to.equal('microsoftGraph');
  });
});
