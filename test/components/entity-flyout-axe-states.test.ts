/**
 * Accessibility checks for the flyout states that the other test files reach without an axe
 * run: no action offered, an approved pending action, an action that waits for approval, a
 * confirmation inside the modal drawer, and the notices after a copy.
 */

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot } from '../fixtures/flyout-snapshot.js';
import { scriptedAdapter, withPendingAction } from './entity-flyout-adapters.js';
import { flyoutWith, stubClipboard } from './entity-flyout-helpers.js';

function $(el: EntityFlyout, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

describe('<il-entity-flyout> accessibility of further states', () => {
  it('passes axe with no action offered', async () => {
    const snapshot = flyoutSnapshot();
    const el = await flyoutWith(scriptedAdapter(snapshot, { actions: () => [] }), flyoutSession(FLYOUT_IDS.device, snapshot));
    await waitUntil(() => $(el, '[part~="actions"] .hint')?.textContent?.includes('No actions'), 'no empty state shown');

    await expect(el).to.be.accessible();
  });

  it('passes axe once approved', async () => {
    const snapshot = withPendingAction(flyoutSnapshot());
    const el = await flyoutWith(scriptedAdapter(snapshot), flyoutSession(FLYOUT_IDS.process, snapshot));
    await waitUntil(() => $(el, 'button[data-decision="approve"]'), 'no approve button');

    $(el, 'button[data-decision="approve"]')!.click();
    await waitUntil(() => $(el, 'li[data-pending-action-id][data-phase="decided"]'), 'the approval never settled');

    await expect(el).to.be.accessible();
  });

  it('passes axe when an action waits for approval', async () => {
    const snapshot = flyoutSnapshot();
    const adapter = scriptedAdapter(snapshot, { run: () => ({ status: 'pending', remediationStatus: 'pendingApproval' }) });
    const el = await flyoutWith(adapter, flyoutSession(FLYOUT_IDS.device, snapshot));
    await waitUntil(() => $(el, 'li[data-action-id="av-scan"]'), 'the actions never showed');

    $(el, 'li[data-action-id="av-scan"] .action-button')!.click();
    await waitUntil(() => $(el, 'li[data-action-id="av-scan"][data-phase="succeeded"]'), 'the answer never showed');

    await expect(el).to.be.accessible();
  });

  it('passes axe while confirming in the modal drawer', async () => {
    const snapshot = flyoutSnapshot();
    const el = await fixture<EntityFlyout>(html`<il-entity-flyout
      mode="modal"
      open
      .session=${flyoutSession(FLYOUT_IDS.device, snapshot)}
      .adapter=${scriptedAdapter(snapshot)}
    ></il-entity-flyout>`);
    await waitUntil(() => $(el, 'li[data-action-id="isolate"]'), 'the actions never showed');

    $(el, 'li[data-action-id="isolate"] .action-button')!.click();
    await el.updateComplete;

    expect($(el, 'li[data-action-id="isolate"]')!.dataset.phase).to.equal('confirming');
    await expect(el).to.be.accessible();
  });

  it('passes axe after a copy and a failed copy', async () => {
    const results = [Promise.resolve(), Promise.reject(new DOMException('Denied', 'NotAllowedError'))];
    results[1]!.catch(() => undefined);
    const restore = stubClipboard(() => results.shift()!);
    try {
      const el = await flyoutWith(undefined, flyoutSession(FLYOUT_IDS.file));
      $(el, '.field[data-key="sha256"] button[aria-label="Copy SHA256"]')!.click();
      $(el, '.field[data-key="sha1"] button[aria-label="Copy SHA1"]')!.click();
      await waitUntil(
        () => $(el, '.field[data-key="sha1"] [role="status"]')?.dataset.state === 'failed',
        'the failed copy was never reported',
      );

      expect($(el, '.field[data-key="sha256"] [role="status"]')!.textContent).to.equal('Copied.');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });
});
