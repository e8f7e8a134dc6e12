import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import { createStaticAdapter } from '../../src/adapter/static-adapter.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot, longCommandLine } from '../fixtures/flyout-snapshot.js';
import { fieldText, root } from './entity-flyout-helpers.js';

async function flyoutFor(session: IncidentSession | undefined, entityId?: string): Promise<EntityFlyout> {
  return fixture<EntityFlyout>(
    html`<il-entity-flyout style=${styleProperties({ width: '360px', height: '600px' })} .session=${session} .entityId=${entityId}></il-entity-flyout>`,
  );
}

function title(el: EntityFlyout): string | undefined {
  return root(el).querySelector('[part~="title"]')?.textContent?.trim();
}

describe('<il-entity-flyout>', () => {
  describe('accessibility', () => {
    const kinds = Object.entries(FLYOUT_IDS).filter(([name]) => !name.startsWith('alert'));
    for (const [name, id] of kinds) {
      it(`passes axe for the ${name} entity`, async () => {
        const el = await flyoutFor(flyoutSession(id));
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe with nothing selected', async () => {
      const el = await flyoutFor(flyoutSession());
      await expect(el).to.be.accessible();
    });

    it('passes axe for an id not in the incident', async () => {
      const el = await flyoutFor(flyoutSession(), 'device:missing');
      await expect(el).to.be.accessible();
    });

    it('passes axe with a value expanded', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      root(el).querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is a region named after the entity', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const region = root(el).querySelector('section.flyout')!;

      expect(region.getAttribute('aria-label')).to.equal('Process details: powershell.exe');
      expect(region.tagName).to.equal('SECTION');
    });

    it('labels the close button', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device));
      const close = root(el).querySelector('[part~="close-button"]')!;

      expect(close.getAttribute('aria-label')).to.equal('Close entity details');
    });

    it('makes alerts and related entities buttons', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const alerts = root(el).querySelectorAll('[part~="alerts"] li > *');
      const related = root(el).querySelectorAll('[part~="related"] li > *');

      expect(alerts.length).to.equal(2);
      expect(related.length).to.equal(3);
      for (const item of [...alerts, ...related]) expect(item.tagName).to.equal('BUTTON');
    });
  });

  describe('header', () => {
    it('shows kind, name and verdict badge', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.file));
      const badge = root(el).querySelector<VerdictBadge>('[part~="header"] il-verdict-badge')!;

      expect(root(el).querySelector('.kind')!.textContent!.trim()).to.equal('File');
      expect(title(el)).to.equal('invoice_88213.pdf.exe');
      expect(badge.verdict).to.equal('malicious');
      expect(badge.remediationStatus).to.equal('remediated');
    });

    it('shows "not provided" for an entity without verdict', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.cloudApp));
      const badge = root(el).querySelector<VerdictBadge>('[part~="header"] il-verdict-badge')!;
      await badge.updateComplete;

      expect(badge.verdict).to.equal(undefined);
      expect(badge.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Verdict not provided');
    });

    it('marks a ghost process', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.parentProcess));

      expect(root(el).querySelector('.ghost-note')!.textContent).to.contain('not evidence itself');
    });
  });

  describe('details by kind', () => {
    const cases: [string, string, Record<string, string>][] = [
      [
        'device',
        FLYOUT_IDS.device,
        {
          'DNS name': 'ws-fin-07.contoso.com',
          'OS platform': 'Windows11',
          'OS build': '22631',
          'Health state': 'active',
          'Risk level': 'high',
          'Exposure level': 'medium',
          'Onboarding status': 'onboarded',
          'Logged-on users': 'CONTOSO\\alice.wong',
          'IP addresses': '10.20.7.41 fe80::1c2d:3e4f:5a6b:7c8d',
          Tags: 'Finance VIP',
          'Defender device ID': '5a1f8e3c2b7d4e6f9a0b1c2d3e4f5a6b7c8d9e0f',
        },
      ],
      [
        'user',
        FLYOUT_IDS.user,
        {
          'Display name': 'Alice Wong',
          UPN: 'alice.wong@contoso.com',
          'Account name': 'alice.wong',
          Domain: 'CONTOSO',
          SID: 'S-1-5-21-1004336348-1177238915-682003330-512',
          'Entra user ID': '8d3f1c2a-4b5e-4f60-9a7b-1c2d3e4f5a6b',
        },
      ],
      [
        'mailbox',
        FLYOUT_IDS.mailbox,
        { Address: 'alice.wong@contoso.com', 'Display name': 'Alice Wong', UPN: 'alice.wong@contoso.com' },
      ],
      [
        'mailMessage',
        FLYOUT_IDS.mailMessage,
        {
          Subject: 'Invoice 88213 overdue – action required',
          Sender: 'billing@contoso-invoices.example',
          Recipient: 'alice.wong@contoso.com',
          'Sender IP': '192.0.2.77',
          'Delivery action': 'delivered',
          'Delivery location': 'inbox',
          Received: '03/14/2026, 09:00:05 AM UTC',
          URLs: 'https://contoso-invoices.example/pay?ref=88213',
          Attachments: '1',
          Threats: 'Phish',
        },
      ],
      [
        'file',
        FLYOUT_IDS.file,
        {
          'File name': 'invoice_88213.pdf.exe',
          Path: 'C:\\Users\\alice.wong\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\Q7ZK2M1B',
          SHA1: '4b2e8f1a9c3d7e6f5a4b3c2d1e0f9a8b7c6d5e4f',
          SHA256: '9f2c3e1d4b5a69788c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f',
          MD5: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
          Signer: 'Invoice Tools Ltd',
          Issuer: 'Unknown CA',
          Publisher: 'Invoice Tools Ltd',
        },
      ],
      [
        'process',
        FLYOUT_IDS.process,
        {
          'Command line': longCommandLine(600),
          'Process ID': '7424',
          'Start time': '03/14/2026, 09:05:05 AM UTC',
          'Parent process ID': '3112',
          'Parent process start time': '03/14/2026, 09:04:00 AM UTC',
          'Image file name': 'powershell.exe',
          'Image file path': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
          Account: 'CONTOSO\\alice.wong',
        },
      ],
      ['ip', FLYOUT_IDS.ip, { Address: '203.0.113.45', Country: 'NL' }],
      ['url', FLYOUT_IDS.url, { URL: 'https://contoso-invoices.example/pay?ref=88213' }],
      [
        'registryKey',
        FLYOUT_IDS.registryKey,
        { Hive: 'HKEY_CURRENT_USER', Key: 'Software\\Microsoft\\Windows\\CurrentVersion\\Run' },
      ],
      [
        'registryValue',
        FLYOUT_IDS.registryValue,
        {
          'Value name': 'InvoiceUpdater',
          Data: 'C:\\Users\\alice.wong\\AppData\\Roaming\\InvoiceTools\\updater.exe --silent --task=sync',
          'Value type': 'String',
        },
      ],
      [
        'cloudApp',
        FLYOUT_IDS.cloudApp,
        { 'Application ID': '00000003-0000-0ff1-ce00-000000000000', 'Instance name': 'Office 365', 'Instance ID': '0' },
      ],
    ];

    for (const [kind, id, expected] of cases) {
      it(`shows the ${kind} fields`, async () => {
        const el = await flyoutFor(flyoutSession(id));
        for (const [label, value] of Object.entries(expected)) {
          expect(fieldText(el, label), label).to.equal(value);
        }
      });
    }

    it('shows the file size in bytes and megabytes', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.file));

      expect(fieldText(el, 'Size')).to.match(/^1,482,752 bytes \(1\.4 MB\)$/);
    });

    it('lists properties outside the kind under "Other properties"', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device));
      const other = root(el).querySelector('dl[aria-labelledby="other-heading"]')!;

      expect(other.textContent).to.contain('lastExternalIpAddress');
      expect(fieldText(el, 'lastExternalIpAddress')).to.equal('198.51.100.23');
      expect(fieldText(el, 'firstSeenDateTime')).to.equal('2025-09-02T08:15:00Z');
    });

    it('shows nested objects as JSON', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));

      expect(fieldText(el, 'imageFile')).to.contain('"sha1": "6cbce4a295c163791b60fc23d285e6d84f28ee4c"');
    });

    it('shows every property of an other kind, source type first', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.other));
      const labels = [...root(el).querySelectorAll('[part~="details"] dt')].map((dt) => dt.textContent!.trim());

      expect(labels.slice(0, 3)).to.deep.equal(['First seen', 'Source type', 'deviceName']);
      expect(labels).to.include.members(['manufacturer', 'isAuthorized', 'protocols', 'importance']);
      expect(fieldText(el, 'Source type')).to.equal('iotDeviceEvidence');
      expect(fieldText(el, 'isAuthorized')).to.equal('No');
      expect(fieldText(el, 'protocols')).to.equal('BACnet HTTP');
      expect(root(el).querySelector('dl[aria-labelledby="other-heading"]')).to.equal(null);
    });

    it('shows first seen in UTC with a machine-readable time', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const time = root(el).querySelector<HTMLTimeElement>('[part~="details"] time')!;

      // Validation moves first seen to the first activity of the earliest alert, 09:01:00.
      expect(time.textContent).to.equal('03/14/2026, 09:01:00 AM UTC');
      expect(time.dateTime).to.equal('2026-03-14T09:01:00.000Z');
    });

    it('leaves empty properties out', async () => {
      const snapshot = flyoutSnapshot();
      const ip = snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.ip)!;
      ip.properties = { ipAddress: '203.0.113.45', countryLetterCode: '', note: null, list: [] };
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.ip, snapshot));
      const labels = [...root(el).querySelectorAll('dt')].map((dt) => dt.textContent!.trim());

      expect(labels).to.deep.equal(['First seen', 'Address']);
    });
  });

  describe('alerts and related entities', () => {
    it('lists the alerts of the entity in time order', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="alerts"] button')];

      expect(buttons.map((button) => button.dataset.alertId)).to.deep.equal([
        FLYOUT_IDS.alertPowerShell,
        FLYOUT_IDS.alertPersistence,
      ]);
      expect(root(el).querySelector('#alerts-heading')!.textContent).to.equal('Alerts (2)');
    });

    it('shows severity, status, roles and the verdict each alert gave', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const [first, second] = root(el).querySelectorAll<HTMLButtonElement>('[part~="alerts"] button');
      const firstBadge = first!.querySelector<VerdictBadge>('il-verdict-badge')!;
      const secondBadge = second!.querySelector<VerdictBadge>('il-verdict-badge')!;

      expect(first!.textContent).to.contain('Suspicious PowerShell command line');
      expect(first!.textContent).to.contain('High');
      expect(first!.textContent).to.contain('Status: new');
      expect(first!.textContent).to.contain('Roles: attacker, Referred in command line');
      expect(first!.textContent).to.contain('Stop and quarantine is waiting for approval.');
      expect(firstBadge.verdict).to.equal('malicious');
      expect(firstBadge.remediationStatus).to.equal('pendingApproval');
      expect(secondBadge.verdict).to.equal('suspicious');
      expect(secondBadge.remediationStatus).to.equal('running');
    });

    it('lists related entities with direction-aware labels', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const items = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="related"] button')].map((button) =>
        button.textContent!.replace(/\s+/g, ' ').trim(),
      );

      expect(items).to.deep.equal([
        'Device ws-fin-07.contoso.com Device',
        'Parent process WINWORD.EXE Process',
        'Runs as Alice Wong User',
      ]);
    });

    it('labels the other end of an incoming relation', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.parentProcess));
      const labels = [...root(el).querySelectorAll('[part~="related"] button .item-meta:first-child')].map(
        (node) => node.textContent,
      );

      expect(labels).to.include('Child process');
    });

    it('says so when no alert or relation involves the entity', async () => {
      const snapshot = flyoutSnapshot();
      snapshot.entities.push({ id: 'dnsName:lonely.example', kind: 'dnsName', displayName: 'lonely.example', properties: {} });
      const el = await flyoutFor(flyoutSession('dnsName:lonely.example', snapshot));

      expect(root(el).querySelector('[part~="alerts"] .hint')!.textContent).to.equal('No alert involves this entity.');
      expect(root(el).querySelector('[part~="related"] .hint')!.textContent).to.equal('No related entities.');
    });
  });

  describe('empty states', () => {
    it('asks for a selection when none is made', async () => {
      const el = await flyoutFor(flyoutSession());

      expect(root(el).querySelector('.empty')!.textContent).to.equal('Select an entity to see its details.');
      expect(root(el).querySelector('section')!.getAttribute('aria-label')).to.equal('Entity details');
    });

    it('names an id that is not in the incident', async () => {
      const el = await flyoutFor(flyoutSession(), 'device:missing');

      expect(root(el).querySelector('.empty')!.textContent).to.equal('Entity "device:missing" is not in this incident.');
    });

    it('says no incident is loaded without a session', async () => {
      const el = await flyoutFor(undefined);

      expect(root(el).querySelector('.empty')!.textContent).to.equal('No incident is loaded.');
    });

    it('keeps the close button in an empty state', async () => {
      const el = await flyoutFor(flyoutSession());

      expect(root(el).querySelector('[part~="close-button"]')).to.not.equal(null);
    });
  });

  describe('sources', () => {
    it('follows the session selection', async () => {
      const session = flyoutSession(FLYOUT_IDS.user);
      const el = await flyoutFor(session);
      expect(title(el)).to.equal('Alice Wong');

      session.select({ entityIds: [FLYOUT_IDS.ip] });
      await el.updateComplete;

      expect(title(el)).to.equal('203.0.113.45');
    });

    it('shows entity-id over the selection', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.user), FLYOUT_IDS.url);

      expect(title(el)).to.equal('https://contoso-invoices.example/pay?ref=88213');
    });

    it('reads the entity-id attribute', async () => {
      const session = flyoutSession();
      const el = await fixture<EntityFlyout>(
        html`<il-entity-flyout .session=${session} entity-id=${FLYOUT_IDS.ip}></il-entity-flyout>`,
      );

      expect(el.entityId).to.equal(FLYOUT_IDS.ip);
      expect(title(el)).to.equal('203.0.113.45');
    });

    it('loads its own session from adapter and incident-id', async () => {
      const adapter = createStaticAdapter(flyoutSnapshot());
      const el = await fixture<EntityFlyout>(
        html`<il-entity-flyout .adapter=${adapter} incident-id="inc-4711" entity-id=${FLYOUT_IDS.file}></il-entity-flyout>`,
      );
      await waitUntil(() => title(el) !== undefined, 'the flyout never showed the file');

      expect(title(el)).to.equal('invoice_88213.pdf.exe');
      expect(el.resolvedSession?.loadState).to.equal('ready');
    });

    it('says the incident could not be loaded', async () => {
      const adapter = createStaticAdapter(flyoutSnapshot());
      const el = await fixture<EntityFlyout>(
        html`<il-entity-flyout .adapter=${adapter} incident-id="inc-missing"></il-entity-flyout>`,
      );
      await waitUntil(() => el.resolvedSession?.loadState === 'error', 'the load never failed');
      await el.updateComplete;

      expect(root(el).querySelector('.empty')!.textContent).to.equal('The incident could not be loaded.');
    });

    it('shows a new snapshot of the same session', async () => {
      const session = flyoutSession(FLYOUT_IDS.ip);
      const el = await flyoutFor(session, FLYOUT_IDS.ip);
      const next = flyoutSnapshot();
      next.entities.find((entity) => entity.id === FLYOUT_IDS.ip)!.properties.countryLetterCode = 'DE';
      session.setSnapshot(next);
      await el.updateComplete;

      expect(fieldText(el, 'Country')).to.equal('DE');
    });
  });
});

describe('<il-entity-flyout> with a session created empty', () => {
  it('shows the entity once the snapshot arrives', async () => {
    const session = new IncidentSession();
    const el = await flyoutFor(session, FLYOUT_IDS.device);
    expect(root(el).querySelector('.empty')).to.not.equal(null);

    session.setSnapshot(flyoutSnapshot());
    await el.updateComplete;

    expect(title(el)).to.equal('ws-fin-07.contoso.com');
  });
});
