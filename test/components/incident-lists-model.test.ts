import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import '../../src/components/asset-list/define.js';
import '../../src/components/evidence-list/define.js';
import { CATEGORY_COLUMNS, categoryOf, mailtoUrl } from '../../src/components/asset-list/asset-columns.js';
import type { AssetList } from '../../src/components/asset-list/asset-list.js';
import { nextEntitySort, remediationRank, sortEntities, verdictRank } from '../../src/components/evidence-list/entity-order.js';
import type { EvidenceList } from '../../src/components/evidence-list/evidence-list.js';
import { facetOptions } from '../../src/components/incident-filters/facets.js';
import { entityMatches } from '../../src/components/incident-filters/visible-entities.js';
import type { Entity, IncidentSnapshot } from '../../src/model/types.js';
import { AssetList as AssetListClass } from '../../src/components/asset-list/asset-list.js';
import { EvidenceList as EvidenceListClass } from '../../src/components/evidence-list/evidence-list.js';
import { IncidentFiltersElement } from '../../src/components/incident-filters/incident-filters.js';
import { Investigations } from '../../src/components/investigations/investigations.js';
import { sessionOf } from './incident-lists-helpers.js';

function entity(id: string, fields: Partial<Entity> = {}): Entity {
  return { id, kind: 'device', displayName: id, properties: {}, ...fields };
}

describe('incident list models', () => {
  describe('entity order', () => {
    it('ranks verdicts strongest first', () => {
      const ranks = (['malicious', 'suspicious', 'clean', 'unknown', undefined] as const).map(verdictRank);
      expect(ranks).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('ranks remediation by urgency', () => {
      expect(remediationRank('pendingApproval')).to.be.lessThan(remediationRank('failed'));
      expect(remediationRank('failed')).to.be.lessThan(remediationRank('remediated'));
      expect(remediationRank('remediated')).to.be.lessThan(remediationRank('notFound'));
      expect(remediationRank('notFound')).to.be.lessThan(remediationRank('somethingNew'));
      expect(remediationRank('somethingNew')).to.be.lessThan(remediationRank('none'));
      expect(remediationRank('none')).to.be.lessThan(remediationRank(undefined));
    });

    it('breaks ties by name', () => {
      const entities = [entity('c', { verdict: 'clean' }), entity('b', { verdict: 'malicious' }), entity('a', { verdict: 'clean' })];
      expect(sortEntities(entities, { key: 'verdict', descending: false }).map((item) => item.id)).to.deep.equal(['b', 'a', 'c']);
      expect(sortEntities(entities, { key: 'verdict', descending: true }).map((item) => item.id)).to.deep.equal(['a', 'c', 'b']);
    });

    it('sorts missing first-seen times last', () => {
      const entities = [entity('none'), entity('late', { firstSeen: 20 }), entity('early', { firstSeen: 10 }), entity('also-none')];
      expect(sortEntities(entities, { key: 'firstSeen', descending: false }).map((item) => item.id)).to.deep.equal([
        'early',
        'late',
        'also-none',
        'none',
      ]);
    });

    it('flips the same column only', () => {
      expect(nextEntitySort({ key: 'name', descending: false }, 'name')).to.deep.equal({ key: 'name', descending: true });
      expect(nextEntitySort({ key: 'name', descending: true }, 'kind')).to.deep.equal({ key: 'kind', descending: false });
    });
  });

  describe('asset columns', () => {
    it('puts both app kinds in apps', () => {
      expect(categoryOf('cloudApp')).to.equal('apps');
      expect(categoryOf('oauthApp')).to.equal('apps');
      expect(categoryOf('container')).to.equal('cloudResources');
      expect(categoryOf('file')).to.equal(undefined);
    });

    it('joins OS platform and version', () => {
      const os = CATEGORY_COLUMNS.devices.find((column) => column.key === 'os')!;
      expect(os.read(entity('d', { properties: { osPlatform: 'Windows11', osVersion: '22H2' } }))).to.equal('Windows11 22H2');
      expect(os.read(entity('d', { properties: { osBuild: 22621 } }))).to.equal('22621');
      expect(os.read(entity('d'))).to.equal(undefined);
    });

    it('links only plain e-mail addresses', () => {
      expect(mailtoUrl('alex.morgan@contoso.com')).to.equal('mailto:alex.morgan@contoso.com');
      expect(mailtoUrl('javascript:alert(1)')).to.equal(undefined);
      expect(mailtoUrl('a@b.example?cc=evil@x.example')).to.equal(undefined);
      expect(mailtoUrl('a b@c.example')).to.equal(undefined);
    });
  });

  describe('facets', () => {
    it('lists selected values missing from the snapshot', () => {
      const snapshot: IncidentSnapshot = {
        incident: { id: 'i', title: 'i', severity: 'low', status: 'active', tags: [] },
        alerts: [],
        entities: [entity('d1', { verdict: 'malicious' }), entity('d2')],
        relations: [],
        issues: [],
      };
      const options = facetOptions(snapshot, { entityKinds: ['user'] });
      expect(options.entityKinds.map((option) => [option.value, option.count])).to.deep.equal([
        ['device', 2],
        ['user', 0],
      ]);
      expect(options.verdicts.map((option) => option.value)).to.deep.equal(['malicious', 'none']);
    });

    it('matches search text in name or id', () => {
      const item = entity('device:ws-042', { displayName: 'WS-042.contoso.com' });
      expect(entityMatches(item, 'contoso')).to.equal(true);
      expect(entityMatches(item, 'DEVICE:')).to.equal(true);
      expect(entityMatches(item, '  ')).to.equal(true);
      expect(entityMatches(item, 'fabrikam')).to.equal(false);
    });
  });

  describe('styles', () => {
    it('end every sheet with forced colors', () => {
      for (const element of [AssetListClass, EvidenceListClass, IncidentFiltersElement, Investigations]) {
        // The first sheet is the shared theme tokens; every sheet after it is the element's own.
        const sheets = (element.styles as CSSResult[]).slice(1);
        for (const sheet of sheets) {
          const text = sheet.cssText.trim();
          const last = text.lastIndexOf('@media');
          expect(last, `${element.name} sheet has no @media block`).to.be.greaterThan(-1);
          expect(text.slice(last), `${element.name} sheet`).to.match(/^@media \(forced-colors: active\)/);
        }
      }
    });
  });

  describe('data text', () => {
    it('is never parsed as HTML', async () => {
      const hostile = '<img src=x onerror="window.__ilListCanary=1"><b>bold</b>';
      const snapshot: IncidentSnapshot = {
        incident: { id: 'i', title: 'i', severity: 'low', status: 'active', tags: [] },
        alerts: [],
        entities: [
          entity('d1', { displayName: hostile, properties: { osPlatform: hostile, riskScore: hostile } }),
          entity('u1', { kind: 'user', displayName: hostile, properties: { mail: hostile, userPrincipalName: hostile } }),
        ],
        relations: [],
        issues: [],
        pendingActions: [{ id: 'p', action: hostile, entityId: 'd1', status: hostile }],
      };
      const session = sessionOf(snapshot);
      const assets = await fixture<AssetList>(html`<il-asset-list .session=${session}></il-asset-list>`);
      const evidence = await fixture<EvidenceList>(html`<il-evidence-list .session=${session}></il-evidence-list>`);

      for (const el of [assets, evidence]) {
        expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
        expect(el.shadowRoot!.textContent).to.include(hostile);
      }
      assets.category = 'users';
      await assets.updateComplete;
      expect(assets.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect(assets.shadowRoot!.querySelector('tbody td[data-column="email"]')!.textContent).to.include(hostile);
      expect(assets.shadowRoot!.querySelector('a')).to.equal(null);
      expect((window as { __ilListCanary?: number }).__ilListCanary).to.equal(undefined);
    });
  });
});
