import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/entity-flyout/define.js';
import '../../src/components/hunt-results/define.js';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import type { HuntResults } from '../../src/components/hunt-results/hunt-results.js';
import type { IncidentDataAdapter } from '../../src/adapter/adapter.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { FLYOUT_IDS, flyoutSession } from '../fixtures/flyout-snapshot.js';
import { scriptedAdapter } from './hunt-results-adapters.js';

async function flyoutFor(session: IncidentSession, adapter: IncidentDataAdapter): Promise<EntityFlyout> {
  return fixture<EntityFlyout>(
    html`<il-entity-flyout style=${styleProperties({ width: '420px', height: '900px' })} .session=${session} .adapter=${adapter}></il-entity-flyout>`,
  );
}

function huntOf(el: EntityFlyout): HuntResults | null {
  return el.shadowRoot!.querySelector('il-hunt-results');
}

async function queriesShown(hunt: HuntResults): Promise<void> {
  await waitUntil(() => hunt.shadowRoot!.querySelectorAll('[part~="query"]').length > 0, 'the queries never showed');
}

describe('<il-entity-flyout> go hunt', () => {
  it('hunts for the entity on screen', async () => {
    const adapter = scriptedAdapter();
    const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device), adapter);
    const hunt = huntOf(el)!;
    await queriesShown(hunt);

    expect(hunt.target).to.deep.equal({ incidentId: 'inc-4711', entityId: FLYOUT_IDS.device, kind: 'device' });
    expect(adapter.listCalls[0]!.target.entityId).to.equal(FLYOUT_IDS.device);
    expect(hunt.getAttribute('part')).to.equal('section hunt');
  });

  it('hides go hunt without the hunt capabilities', async () => {
    const adapter = scriptedAdapter();
    delete adapter.runHunt;
    const el = await flyoutFor(flyoutSession(FLYOUT_IDS.device), adapter);

    expect(huntOf(el)).to.equal(null);
  });

  it('aborts a running hunt when another entity is selected', async () => {
    const adapter = scriptedAdapter({ run: 'wait' });
    const session = flyoutSession(FLYOUT_IDS.device);
    const el = await flyoutFor(session, adapter);
    const hunt = huntOf(el)!;
    await queriesShown(hunt);
    hunt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="run-button"]')!.click();
    await hunt.updateComplete;

    session.select({ entityIds: [FLYOUT_IDS.user] });
    await el.updateComplete;
    await hunt.updateComplete;

    expect(adapter.runCalls[0]!.options.signal.aborted).to.equal(true);
    expect(huntOf(el)!.target!.entityId).to.equal(FLYOUT_IDS.user);
    expect(adapter.listCalls.at(-1)!.target.entityId).to.equal(FLYOUT_IDS.user);
  });

  it('passes axe with go hunt results', async () => {
    const el = await flyoutFor(flyoutSession(FLYOUT_IDS.process), scriptedAdapter({ rowCount: 3 }));
    const hunt = huntOf(el)!;
    await queriesShown(hunt);
    hunt.shadowRoot!.querySelector<HTMLButtonElement>('[part~="run-button"]')!.click();
    await waitUntil(() => hunt.shadowRoot!.querySelector('[part~="table"]') !== null, 'no results shown');

    await expect(el).to.be.accessible();
  });
});
