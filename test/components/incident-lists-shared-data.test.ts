import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/asset-list/define.js';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-filters/define.js';
import { ASSET_CATEGORIES, categoryOf } from '../../src/components/asset-list/asset-columns.js';
import type { AssetList } from '../../src/components/asset-list/asset-list.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentFiltersElement } from '../../src/components/incident-filters/incident-filters.js';
import { fromAdvancedHunting, fromDefender, fromMicrosoftGraph, fromOcsf, fromSentinel, fromStix } from '../../src/formats/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { readSharedJson, readSharedText } from '../helpers/shared-data.js';
import { sessionOf } from './incident-lists-helpers.js';

/** Every payload of the shared data folder that a mapper reads, with that mapper. NDJSON goes in as text. */
const PAYLOADS: Array<[string, (payload: unknown) => IncidentSnapshot[]]> = [
  ['msgraph/graph-v1.0_security-alert-get.response.json', fromMicrosoftGraph],
  ['msgraph/graph-v1.0_security-list-incidents-expand-alerts.response.json', fromMicrosoftGraph],
  ['msgraph/graph-v1.0_security-incident-get.response.json', fromMicrosoftGraph],
  ['msgraph/graph-alerts_v2-list.xsoar-mock.json', fromMicrosoftGraph],
  ['defender/defender-xdr-api_list-incidents.response.json', fromDefender],
  ['defender/mde-api_list-alerts-expand-evidence.response.json', fromDefender],
  ['sentinel/sentinel-rest-2024-03-01_GetIncidentById.example.json', fromSentinel],
  ['sentinel/sentinel-rest-2024-03-01_GetAllIncidentAlerts.example.json', fromSentinel],
  ['sentinel/sentinel-rest-2024-01-01-preview_GetEntities.example.json', fromSentinel],
  ['ocsf/ocsf-1.1.0_detection-finding_aws-securityhub-guardduty.ocsf.json', fromOcsf],
  ['ocsf/ocsf-1.3.0_detection-finding_okta.ocsf.json', fromOcsf],
  ['ocsf/ocsf_security-finding-2001_securityscorecard.json', fromOcsf],
  ['ocsf/ocsf-1.0.0-rc2_process-activity-1007_windows-4688.json', fromOcsf],
  ['defender/m365d-streaming_alertinfo-alertevidence-deviceprocessevents.ndjson', (payload) => fromAdvancedHunting(payload)],
  ['sentinel/sentinel-securityalert-row.eventhub.ndjson', fromSentinel],
  ['sentinel/sentinel-rest-2024-01-01-preview_PostTimelineEntity.example.json', fromSentinel],
  ['stix/cti-documentation_apt1.json', fromStix],
  ['stix/cti-documentation_malware-indicator-for-file-hash.json', fromStix],
  ['stix/cti-documentation_sighting-of-an-indicator.json', fromStix],
  ['stix/cti-documentation_sighting-of-observed-data.json', fromStix],
  ['stix/cti-documentation_threat-actor-leveraging-attack-patterns-and-malware.json', fromStix],
  ['stix/cti-stix-common-objects_incident-core_incident-with-cyber-observables.json', fromStix],
  ['stix/cti-stix-common-objects_incident-core_incident_sample_activity.json', fromStix],
  ['stix/cti-stix2-json-schemas_indicators-for-C2-with-COA.json', fromStix],
  ['stix/cti-stix2-json-schemas_infrastructure.json', fromStix],
  ['stix/cti-stix2-json-schemas_malicious-email-indicator-with-attachment.json', fromStix],
];

function tabCount(el: AssetList, category: string): number {
  const text = el.shadowRoot!.querySelector(`[role="tab"][data-category="${category}"]`)!.textContent!;
  return Number(/\((\d+)\)/.exec(text)![1]);
}

describe('incident lists on published payloads', () => {
  for (const [path, map] of PAYLOADS) {
    it(`shows every entity of ${path.split('/')[1]}`, async function () {
      const payload = path.endsWith('.ndjson') ? await readSharedText(this, path) : await readSharedJson(this, path);
      const snapshots = map(payload);
      expect(snapshots.length, 'snapshots').to.be.greaterThan(0);

      for (const [index, snapshot] of snapshots.entries()) {
        const session = sessionOf(snapshot);
        const container = await fixture<HTMLDivElement>(html`<div>
          <il-incident-filters .session=${session}></il-incident-filters>
          <il-asset-list .session=${session}></il-asset-list>
          <il-evidence-list .session=${session} page-size="100000"></il-evidence-list>
        </div>`);
        const evidence = container.querySelector<EvidenceList>('il-evidence-list')!;
        const assets = container.querySelector<AssetList>('il-asset-list')!;
        const bar = container.querySelector<IncidentFiltersElement>('il-incident-filters')!;

        const rows = [...evidence.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.entityId);
        expect(rows, `evidence rows of snapshot ${index}`).to.have.members(session.snapshot!.entities.map((entity) => entity.id));

        for (const category of ASSET_CATEGORIES) {
          const expected = session.snapshot!.entities.filter((entity) => categoryOf(entity.kind) === category).length;
          expect(tabCount(assets, category), `${category} of snapshot ${index}`).to.equal(expected);
        }

        const kinds = [...bar.shadowRoot!.querySelectorAll<HTMLInputElement>('details[data-facet="entityKinds"] input')].map((input) => input.dataset.value);
        expect(new Set(kinds), `kinds of snapshot ${index}`).to.deep.equal(new Set(session.snapshot!.entities.map((entity) => entity.kind)));

        if (index === 0) {
          await expect(evidence).to.be.accessible();
          await expect(assets).to.be.accessible();
        }
      }
    });
  }
});
