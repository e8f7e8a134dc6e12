/**
 * Accessibility checks for the `<il-hunt-results>` states that the other test files reach
 * without an axe run: no queries, no rows, a cancelled hunt and a failed link.
 */

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/hunt-results/define.js';
import type { HuntResults } from '../../src/components/hunt-results/hunt-results.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { TARGET, scriptedAdapter, type ScriptedAdapter } from './hunt-results-adapters.js';

async function huntFor(adapter: ScriptedAdapter): Promise<HuntResults> {
  return fixture<HuntResults>(
    html`<il-hunt-results style=${styleProperties({ display: 'block', width: '420px' })} .adapter=${adapter} .target=${TARGET}></il-hunt-results>`,
  );
}

function $(el: HuntResults, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

async function runAllActivity(el: HuntResults): Promise<void> {
  await waitUntil(() => $(el, '[data-query-id="all-activity"] [part~="run-button"]'), 'the queries never showed');
  $(el, '[data-query-id="all-activity"] [part~="run-button"]')!.click();
  await el.updateComplete;
}

describe('<il-hunt-results> accessibility of further states', () => {
  it('passes axe with no queries', async () => {
    const el = await huntFor(scriptedAdapter({ queries: [] }));
    await waitUntil(() => $(el, '.hint')?.textContent?.includes('No hunting queries'), 'no empty state shown');

    await expect(el).to.be.accessible();
  });

  it('passes axe with no rows', async () => {
    const el = await huntFor(scriptedAdapter({ rowCount: 0 }));
    await runAllActivity(el);
    await waitUntil(() => $(el, '.results .hint'), 'the empty result never showed');

    await expect(el).to.be.accessible();
  });

  it('passes axe after a cancelled hunt', async () => {
    const el = await huntFor(scriptedAdapter({ run: 'wait' }));
    await runAllActivity(el);

    $(el, '[part~="status"] button')!.click();
    await waitUntil(() => $(el, '[part~="status"]')!.textContent!.includes('cancelled'), 'the cancel never showed');

    await expect(el).to.be.accessible();
  });

  it('passes axe after a failed link', async () => {
    const el = await huntFor(scriptedAdapter({ link: 'fail' }));
    await runAllActivity(el);
    await waitUntil(() => $(el, 'tbody tr input'), 'the rows never showed');
    ($(el, 'tbody tr input') as HTMLInputElement).click();
    await el.updateComplete;

    $(el, '[part~="link-button"]')!.click();
    await waitUntil(() => $(el, '.link-status')?.dataset.state === 'failed', 'the failure never showed');

    await expect(el).to.be.accessible();
  });
});
