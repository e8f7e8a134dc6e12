import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { FlyoutCloseEvent } from '../../src/components/entity-flyout/events.js';
import { tabbableElements } from '../../src/components/entity-flyout/modal-drawer.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot } from '../fixtures/flyout-snapshot.js';
import { scriptedAdapter } from './entity-flyout-adapters.js';
import { deepActive } from './entity-flyout-helpers.js';

interface Page {
  opener: HTMLButtonElement;
  el: EntityFlyout;
  closes: FlyoutCloseEvent[];
}

/** Renders a button that opens a modal flyout on the device, the way a host would, and presses it. */
async function modalPage(entityId: string = FLYOUT_IDS.device): Promise<Page> {
  const snapshot = flyoutSnapshot();
  const session = flyoutSession(entityId, snapshot);
  const adapter = scriptedAdapter(snapshot);
  const container = await fixture<HTMLElement>(html`<div>
    <button id="opener" type="button">Show details</button>
    <il-entity-flyout mode="modal" .session=${session} .adapter=${adapter}></il-entity-flyout>
  </div>`);

  const opener = container.querySelector<HTMLButtonElement>('#opener')!;
  const el = container.querySelector<EntityFlyout>('il-entity-flyout')!;
  const closes: FlyoutCloseEvent[] = [];
  el.addEventListener('il-flyout-close', (event) => closes.push(event));
  opener.addEventListener('click', () => (el.open = true));

  opener.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  return { opener, el, closes };
}

function dialog(el: EntityFlyout): HTMLDialogElement {
  return el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!;
}

/** Returns true when `node` is inside `host`'s shadow tree, also through nested shadow roots. */
function isInside(host: Element, node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

describe('<il-entity-flyout> modes', () => {
  describe('docked', () => {
    it('is docked by default, without a dialog', async () => {
      const el = await fixture<EntityFlyout>(html`<il-entity-flyout .session=${flyoutSession(FLYOUT_IDS.device)}></il-entity-flyout>`);

      expect(el.mode).to.equal('docked');
      expect(el.getAttribute('mode')).to.equal('docked');
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    });

    it('ignores Escape without a confirmation open', async () => {
      const el = await fixture<EntityFlyout>(html`<il-entity-flyout .session=${flyoutSession(FLYOUT_IDS.device)}></il-entity-flyout>`);
      const closes: Event[] = [];
      el.addEventListener('il-flyout-close', (event) => closes.push(event));
      let escapeReachedPage = false;
      const onKey = (event: KeyboardEvent): void => {
        if (event.key === 'Escape') escapeReachedPage = true;
      };
      document.addEventListener('keydown', onKey);

      el.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.focus();
      await sendKeys({ press: 'Escape' });
      document.removeEventListener('keydown', onKey);

      expect(closes).to.have.length(0);
      expect(escapeReachedPage, 'the page may use Escape').to.equal(true);
    });
  });

  describe('modal', () => {
    it('passes axe when open', async () => {
      const { el } = await modalPage();
      await expect(el).to.be.accessible();
    });

    it('opens a modal dialog named after the entity', async () => {
      const { el } = await modalPage();
      const box = dialog(el).getBoundingClientRect();

      expect(dialog(el).open).to.equal(true);
      expect(dialog(el).matches(':modal')).to.equal(true);
      expect(dialog(el).getAttribute('aria-label')).to.equal('Device details: ws-fin-07.contoso.com');
      expect(Math.round(box.right)).to.equal(window.innerWidth);
      expect(Math.round(box.height)).to.equal(window.innerHeight);
    });

    it('stays closed until open is set', async () => {
      const el = await fixture<EntityFlyout>(
        html`<il-entity-flyout mode="modal" .session=${flyoutSession(FLYOUT_IDS.device)}></il-entity-flyout>`,
      );
      expect(dialog(el).open).to.equal(false);
      expect(dialog(el).getBoundingClientRect().width).to.equal(0);
    });

    it('moves focus to the entity name on open', async () => {
      const { el } = await modalPage();
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part~="title"]'));
    });

    it('keeps Tab inside the drawer', async () => {
      const { el } = await modalPage();
      await waitUntil(() => el.shadowRoot!.querySelector('li[data-action-id="isolate"]'));
      const count = tabbableElements(dialog(el)).length;
      expect(count, 'the drawer has controls to cycle through').to.be.greaterThan(5);
      const visited: Array<Element | null> = [];

      // From the title, one round through every control, then one more Tab.
      for (let step = 0; step <= count; step++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        expect(isInside(el, active), `step ${step}: focus left the drawer for ${active?.outerHTML.slice(0, 60)}`).to.equal(true);
        visited.push(active);
      }
      expect(new Set(visited).size).to.equal(count);
      expect(visited[count], 'Tab after the last control wraps to the first').to.equal(visited[0]);
    });

    it('wraps Shift+Tab from the first control to the last', async () => {
      const { el } = await modalPage();
      await sendKeys({ press: 'Tab' });
      const first = deepActive();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      const last = deepActive();

      expect(isInside(el, last)).to.equal(true);
      expect(last).to.not.equal(first);
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(first);
    });

    it('closes on Escape and gives focus back', async () => {
      const { el, opener, closes } = await modalPage();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      expect(closes).to.have.length(1);
      expect(closes[0]!.detail).to.deep.equal({ entityId: FLYOUT_IDS.device, reason: 'escape' });
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      expect(dialog(el).open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('stays open when the close is cancelled', async () => {
      const { el, closes } = await modalPage();
      el.addEventListener('il-flyout-close', (event) => event.preventDefault());
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      expect(closes).to.have.length(1);
      expect(el.open).to.equal(true);
      expect(dialog(el).open).to.equal(true);
    });

    it('closes a confirmation before the drawer', async () => {
      const { el, closes } = await modalPage();
      await waitUntil(() => el.shadowRoot!.querySelector('li[data-action-id="isolate"]'));
      el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-action-id="isolate"] .action-button')!.click();
      await el.updateComplete;

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLElement>('li[data-action-id="isolate"]')!.dataset.phase).to.equal('idle');
      expect(closes).to.have.length(0);
      expect(dialog(el).open).to.equal(true);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(closes).to.have.length(1);
      expect(dialog(el).open).to.equal(false);
    });

    it('closes with the close button', async () => {
      const { el, opener, closes } = await modalPage();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
      await el.updateComplete;

      expect(closes[0]!.detail.reason).to.equal('close-button');
      expect(el.open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('closes on a click on the backdrop', async () => {
      const { el, closes } = await modalPage();
      await sendMouse({ type: 'click', position: [5, 5] });
      await el.updateComplete;

      expect(closes).to.have.length(1);
      expect(closes[0]!.detail.reason).to.equal('backdrop');
      expect(el.open).to.equal(false);
    });

    it('closes without an event when the host clears open', async () => {
      const { el, opener, closes } = await modalPage();
      el.open = false;
      await el.updateComplete;

      expect(closes).to.have.length(0);
      expect(dialog(el).open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('passes axe with an empty state', async () => {
      const el = await fixture<EntityFlyout>(
        html`<il-entity-flyout mode="modal" open .session=${flyoutSession()}></il-entity-flyout>`,
      );
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
      expect(dialog(el).getAttribute('aria-label')).to.equal('Entity details');
      await expect(el).to.be.accessible();
    });
  });
});
