import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot, longCommandLine } from '../fixtures/flyout-snapshot.js';
import { longValue, root, stubClipboard } from './entity-flyout-helpers.js';

async function flyoutFor(session: IncidentSession, entityId?: string, width = 360): Promise<EntityFlyout> {
  return fixture<EntityFlyout>(
    html`<il-entity-flyout style=${styleProperties({ width: `${width}px`, height: '600px' })} .session=${session} .entityId=${entityId}></il-entity-flyout>`,
  );
}

function alertButton(el: EntityFlyout, alertId: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`[part~="alerts"] button[data-alert-id="${alertId}"]`)!;
}

function relatedButton(el: EntityFlyout, entityId: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`[part~="related"] button[data-entity-id="${CSS.escape(entityId)}"]`)!;
}

/** Returns the elements of the body whose box reaches past the body's right edge. */
function overflowingElements(el: EntityFlyout): Element[] {
  const body = root(el).querySelector<HTMLElement>('[part~="body"]')!;
  const right = body.getBoundingClientRect().right + 0.5;
  return [...body.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right);
}

/** Counts the `il-selection-change` events `el` fires from now on. */
function countSelectionEvents(el: EntityFlyout): { count: number; last: unknown } {
  const record = { count: 0, last: undefined as unknown };
  el.addEventListener('il-selection-change', (event) => {
    record.count += 1;
    record.last = event.detail;
  });
  return record;
}

describe('<il-entity-flyout> interaction', () => {
  describe('alerts', () => {
    it('selects an alert on click and keeps the entity', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      const events = countSelectionEvents(el);

      alertButton(el, FLYOUT_IDS.alertPowerShell).click();
      await el.updateComplete;

      expect(session.selection).to.deep.equal({
        entityIds: [FLYOUT_IDS.process],
        alertIds: [FLYOUT_IDS.alertPowerShell],
      });
      expect(events.count).to.equal(1);
      expect(events.last).to.deep.equal({ entityIds: [FLYOUT_IDS.process], alertIds: [FLYOUT_IDS.alertPowerShell] });
      expect(alertButton(el, FLYOUT_IDS.alertPowerShell).getAttribute('aria-pressed')).to.equal('true');
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('powershell.exe');
    });

    it('fires a bubbling, composed event', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const received = oneEvent(document, 'il-selection-change');

      alertButton(el, FLYOUT_IDS.alertPersistence).click();
      const event = await received;

      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.alertIds).to.deep.equal([FLYOUT_IDS.alertPersistence]);
    });

    it('selects an alert with Enter', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      const events = countSelectionEvents(el);

      alertButton(el, FLYOUT_IDS.alertPersistence).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;

      expect(session.selection.alertIds).to.deep.equal([FLYOUT_IDS.alertPersistence]);
      expect(events.count).to.equal(1);
    });

    it('clears the alert when its button is pressed again', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      alertButton(el, FLYOUT_IDS.alertPowerShell).click();
      await el.updateComplete;
      const events = countSelectionEvents(el);

      alertButton(el, FLYOUT_IDS.alertPowerShell).click();
      await el.updateComplete;

      expect(session.selection).to.deep.equal({ entityIds: [FLYOUT_IDS.process], alertIds: [] });
      expect(events.count).to.equal(1);
      expect(alertButton(el, FLYOUT_IDS.alertPowerShell).getAttribute('aria-pressed')).to.equal('false');
    });

    it('keeps a multi-entity selection that includes the entity', async () => {
      const session = flyoutSession();
      session.select({ entityIds: [FLYOUT_IDS.process, FLYOUT_IDS.device] });
      const el = await flyoutFor(session);

      alertButton(el, FLYOUT_IDS.alertPowerShell).click();

      expect(session.selection.entityIds).to.deep.equal([FLYOUT_IDS.process, FLYOUT_IDS.device]);
    });

    it('selects the pinned entity with the alert', async () => {
      const session = flyoutSession(FLYOUT_IDS.user);
      const el = await flyoutFor(session, FLYOUT_IDS.process);

      alertButton(el, FLYOUT_IDS.alertPowerShell).click();

      expect(session.selection).to.deep.equal({
        entityIds: [FLYOUT_IDS.process],
        alertIds: [FLYOUT_IDS.alertPowerShell],
      });
    });
  });

  describe('related entities', () => {
    it('selects a related entity, shows it and focuses its name', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      const events = countSelectionEvents(el);

      relatedButton(el, FLYOUT_IDS.parentProcess).click();
      await el.updateComplete;

      expect(session.selection).to.deep.equal({ entityIds: [FLYOUT_IDS.parentProcess], alertIds: [] });
      expect(events.count).to.equal(1);
      const heading = root(el).querySelector('[part~="title"]')!;
      expect(heading.textContent).to.equal('WINWORD.EXE');
      expect(root(el).activeElement).to.equal(heading);
    });

    it('keeps a pinned entity shown', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session, FLYOUT_IDS.process);

      relatedButton(el, FLYOUT_IDS.device).click();
      await el.updateComplete;

      expect(session.selection.entityIds).to.deep.equal([FLYOUT_IDS.device]);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('powershell.exe');
    });
  });

  describe('events from properties', () => {
    it('fires nothing when the host sets properties or the session changes', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      let fired = 0;
      const count = (): void => {
        fired += 1;
      };
      el.addEventListener('il-selection-change', count);
      el.addEventListener('il-flyout-close', count);

      el.entityId = FLYOUT_IDS.device;
      await el.updateComplete;
      el.session = flyoutSession(FLYOUT_IDS.user);
      await el.updateComplete;
      el.session.select({ entityIds: [FLYOUT_IDS.ip], alertIds: [FLYOUT_IDS.alertPowerShell] });
      el.session.setSnapshot(flyoutSnapshot());
      el.entityId = undefined;
      await el.updateComplete;

      expect(fired).to.equal(0);
    });
  });

  describe('close button', () => {
    it('fires il-flyout-close with the entity id', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.file));
      const received = oneEvent(el, 'il-flyout-close');

      root(el).querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
      const event = await received;

      expect(event.detail).to.deep.equal({ entityId: FLYOUT_IDS.file, reason: 'close-button' });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(el.isConnected, 'the flyout stays; the host decides').to.equal(true);
    });

    it('fires il-flyout-close from an empty state', async () => {
      const el = await flyoutFor(flyoutSession());
      const received = oneEvent(el, 'il-flyout-close');

      root(el).querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();

      expect((await received).detail).to.deep.equal({ entityId: undefined, reason: 'close-button' });
    });
  });

  describe('keyboard', () => {
    it('reaches every control with Tab', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.registryValue));
      const controls = [...root(el).querySelectorAll<HTMLElement>('button, a[href]')];
      root(el).querySelector<HTMLElement>('[part~="close-button"]')!.focus();
      const reached = new Set<Element | null>([root(el).activeElement]);

      for (let step = 0; step < controls.length + 2; step++) {
        await sendKeys({ press: 'Tab' });
        reached.add(root(el).activeElement);
      }

      for (const control of controls) {
        expect(reached.has(control), control.getAttribute('aria-label') ?? control.textContent ?? '').to.equal(true);
      }
    });
  });

  describe('long values', () => {
    it('keeps a 10,000-character command line inside the pane', async () => {
      const snapshot = flyoutSnapshot();
      const process = snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.process)!;
      process.properties.processCommandLine = longCommandLine(10_000);
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process, snapshot), undefined, 320);
      const body = root(el).querySelector<HTMLElement>('[part~="body"]')!;

      expect(el.scrollWidth).to.equal(el.clientWidth);
      expect(body.scrollWidth).to.equal(body.clientWidth);
      expect(overflowingElements(el)).to.deep.equal([]);

      longValue(el, 'processCommandLine').querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      await el.updateComplete;

      expect(el.scrollWidth).to.equal(el.clientWidth);
      expect(body.scrollWidth).to.equal(body.clientWidth);
      expect(overflowingElements(el)).to.deep.equal([]);
    });

    it('truncates in the middle and keeps the end visible', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.file), undefined, 280);
      const block = longValue(el, 'filePath');
      const head = block.querySelector<HTMLElement>('.long-value__head')!;
      const tail = block.querySelector<HTMLElement>('.long-value__tail')!;

      expect(tail.textContent).to.equal('\\Q7ZK2M1B');
      expect(head.scrollWidth).to.be.greaterThan(head.clientWidth);
      expect(getComputedStyle(head).textOverflow).to.equal('ellipsis');
      expect(tail.scrollWidth).to.equal(tail.clientWidth);
      expect(head.textContent! + tail.textContent!).to.equal(
        'C:\\Users\\alice.wong\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\Q7ZK2M1B',
      );
    });

    it('expands and collapses on demand', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
      const button = longValue(el, 'processCommandLine').querySelector<HTMLButtonElement>('button[aria-expanded]')!;
      const code = longValue(el, 'processCommandLine').querySelector('code')!;

      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(code.id);
      expect(root(el).getElementById(code.id)).to.equal(code);

      button.click();
      await el.updateComplete;

      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Collapse');
      expect(code.querySelector('.long-value__head')).to.equal(null);
      expect(code.textContent).to.equal(longCommandLine(600));
      expect(getComputedStyle(code).whiteSpace).to.equal('pre-wrap');

      button.click();
      await el.updateComplete;

      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(code.querySelector('.long-value__head')).to.not.equal(null);
    });

    it('offers no expand button for a short value', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device));
      const address = root(el).querySelector('.field[data-key="ipInterfaces"] .long-value')!;

      expect(address.querySelector('button[aria-expanded]')).to.equal(null);
      expect(address.querySelector('button')!.textContent!.trim()).to.equal('Copy');
    });

    it('starts collapsed again for another entity', async () => {
      const session = flyoutSession(FLYOUT_IDS.process);
      const el = await flyoutFor(session);
      longValue(el, 'processCommandLine').querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      await el.updateComplete;

      session.select({ entityIds: [FLYOUT_IDS.parentProcess] });
      await el.updateComplete;
      session.select({ entityIds: [FLYOUT_IDS.process] });
      await el.updateComplete;

      const button = longValue(el, 'processCommandLine').querySelector('button[aria-expanded]')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('copies the whole value', async () => {
      const copied: string[] = [];
      const restore = stubClipboard(async (text) => {
        copied.push(text);
      });
      try {
        const el = await flyoutFor(flyoutSession(FLYOUT_IDS.file));
        const block = longValue(el, 'sha256');
        const copy = block.querySelector<HTMLButtonElement>('button[aria-label="Copy SHA256"]')!;

        copy.click();
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;

        expect(copied).to.deep.equal(['9f2c3e1d4b5a69788c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f']);
        expect(block.querySelector('[role="status"]')!.textContent).to.equal('Copied.');
      } finally {
        restore();
      }
    });

    it('reports a failed copy in place', async () => {
      const restore = stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
      try {
        const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process));
        const block = longValue(el, 'processCommandLine');

        block.querySelector<HTMLButtonElement>('button[aria-label="Copy Command line"]')!.click();
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;

        const status = block.querySelector<HTMLElement>('[role="status"]')!;
        expect(status.textContent).to.equal('Could not copy. Expand the value and select it to copy it.');
        expect(status.dataset.state).to.equal('failed');
      } finally {
        restore();
      }
    });
  });

  describe('data safety', () => {
    it('renders markup in data as text', async () => {
      const payload = '<img src=x onerror="window.__ilInjected = true">';
      const snapshot = flyoutSnapshot();
      const user = snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.user)!;
      user.displayName = payload;
      user.properties.displayName = payload;
      user.properties.note = `<b>${payload}</b>`;
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.user, snapshot));

      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal(payload);
      expect(root(el).querySelector('img')).to.equal(null);
      expect(root(el).querySelector('b')).to.equal(null);
      expect((window as unknown as Record<string, unknown>).__ilInjected).to.equal(undefined);
    });

    it('links an https web URL', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device));
      const link = root(el).querySelector<HTMLAnchorElement>('[part~="header"] a')!;

      expect(link.href).to.equal('https://security.microsoft.com/machines/5a1f8e3c2b7d4e6f9a0b1c2d3e4f5a6b7c8d9e0f');
      expect(link.rel).to.equal('noopener noreferrer');
    });

    for (const webUrl of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', 'ftp://example.com/x']) {
      it(`makes no link of ${webUrl.split(':')[0]} web URL`, async () => {
        const snapshot = flyoutSnapshot();
        snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.device)!.webUrl = webUrl;
        const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device, snapshot));

        expect(root(el).querySelectorAll('a').length).to.equal(0);
      });
    }

    it('shows URLs from the data as text, not links', async () => {
      const el = await flyoutFor(flyoutSession(FLYOUT_IDS.url));

      expect(root(el).querySelector('.field[data-key="url"] code')!.textContent).to.equal(
        'https://contoso-invoices.example/pay?ref=88213',
      );
      expect(root(el).querySelectorAll('a').length).to.equal(0);
    });
  });
});
