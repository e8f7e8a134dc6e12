import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/asset-list/define.js';
import '../../src/components/evidence-list/define.js';
import '../../src/components/incident-filters/define.js';
import { ASSET_CATEGORIES, categoryOf } from '../../src/components/asset-list/asset-columns.js';
import type { AssetList } from '../../src/components/asset-list/asset-list.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import type { IncidentFiltersElement } from '../../src/components/incident-filters/incident-filters.js';
import { sessionOf } from './incident-lists-helpers.js';
import { MAPPED_PAYLOADS, mappedSnapshots } from './incident-view-data.js';

function tabCount(el: AssetList, category: string): number {
  const text = el.shadowRoot!.querySelector(`[role="tab"][data-category="${category}"]`)!.textContent!;
  return Number(/\((\d+)\)/.exec(text)![1]);
}

describe('incident lists on published payloads', () => {
  for (const [path, map] of MAPPED_PAYLOADS) {
    it(`shows every entity of ${path.split('/')[1]}`, async function () {
      const snapshots = await mappedSnapshots(this, path, map);
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
