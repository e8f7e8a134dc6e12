import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/incident-view/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentView } from '../../src/components/incident-view/incident-view.js';
import type { Entity, IncidentSnapshot } from '../../src/model/types.js';
import type { IncidentSession } from '../../src/session/session.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { viewSnapshot } from '../fixtures/view-snapshot.js';
import { at, EXTRA_FILE_IDS, GROUP_ID, groupedSnapshot } from './incident-graph-grouping-fixture.js';
import { nextFrames, pagePosition } from './incident-graph-helpers.js';
import { readySession } from './incident-view-data.js';

/** Id of the group that the IP addresses of `twoGroupSnapshot` form on the C2 alert. */
const IP_GROUP_ID = 'group:alert-c2:ip';

/** The grouping fixture with five more leaf IP addresses on the C2 alert, so they group too. */
function twoGroupSnapshot(): IncidentSnapshot {
  const snapshot = groupedSnapshot();
  const addresses: Entity[] = [3, 4, 5, 6, 7].map((index) => ({
    id: `ip-extra-${index}`,
    kind: 'ip',
    displayName: `198.51.100.${index + 1}`,
    firstSeen: at(45),
    properties: {},
  }));
  snapshot.entities.push(...addresses);
  const c2 = snapshot.alerts.find((alert) => alert.id === 'alert-c2')!;
  for (const entity of addresses) c2.evidence.push({ entityId: entity.id, roles: ['contextual'] });
  return snapshot;
}

async function viewOf(session: IncidentSession): Promise<IncidentView> {
  const view = await fixture<IncidentView>(html`
    <il-incident-view style=${styleProperties({ height: '720px', width: '1200px' })} .session=${session}></il-incident-view>
  `);
  await view.loaded;
  await view.updateComplete;
  return view;
}

function graphOf(view: IncidentView): IncidentGraphElement {
  return view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
}

function bar(view: IncidentView): HTMLElement & { updateComplete: Promise<boolean> } {
  return view.shadowRoot!.querySelector('il-incident-filters')!;
}

function groupingButton(view: IncidentView, which: 'expand' | 'collapse'): HTMLButtonElement {
  return bar(view).shadowRoot!.querySelector<HTMLButtonElement>(`button[data-grouping="${which}"]`)!;
}

/** Returns each grouping button's `aria-disabled` and `title`, once the bar has rendered. */
async function buttonStates(view: IncidentView): Promise<Record<'expand' | 'collapse', { disabled: string | null; reason: string | null }>> {
  await view.updateComplete;
  await bar(view).updateComplete;
  const state = (which: 'expand' | 'collapse') => {
    const button = groupingButton(view, which);
    return { disabled: button.getAttribute('aria-disabled'), reason: button.getAttribute('title') };
  };
  return { expand: state('expand'), collapse: state('collapse') };
}

function graphViewport(view: IncidentView): HTMLElement {
  return graphOf(view).shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
}

/** Double-clicks a node of the view's graph, as the graph's own tests do. */
async function doubleClick(view: IncidentView, nodeId: string): Promise<void> {
  const [clientX, clientY] = pagePosition(graphOf(view), nodeId);
  graphViewport(view).dispatchEvent(new MouseEvent('dblclick', { clientX, clientY, bubbles: true, composed: true }));
  await nextFrames();
}

const ENABLED = { disabled: 'false', reason: null };

describe('<il-incident-view> group controls', () => {
  it('passes axe with a disabled button', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    await expect(view).to.be.accessible();
  });

  it('disables both buttons without groups', async () => {
    const view = await viewOf(readySession(viewSnapshot()));
    expect(graphOf(view).groups, 'groups of the graph').to.deep.equal([]);

    const reason = 'No entities form a group in this graph.';
    expect(await buttonStates(view)).to.deep.equal({
      expand: { disabled: 'true', reason },
      collapse: { disabled: 'true', reason },
    });
  });

  it('disables collapse while all are collapsed', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([false]);

    expect(await buttonStates(view)).to.deep.equal({
      expand: ENABLED,
      collapse: { disabled: 'true', reason: 'Every group is collapsed.' },
    });
  });

  it('disables expand once all are expanded', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    groupingButton(view, 'expand').click();

    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([true]);
    expect(await buttonStates(view)).to.deep.equal({
      expand: { disabled: 'true', reason: 'Every group is expanded.' },
      collapse: ENABLED,
    });

    groupingButton(view, 'collapse').click();
    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([false]);
    expect(await buttonStates(view)).to.deep.equal({
      expand: ENABLED,
      collapse: { disabled: 'true', reason: 'Every group is collapsed.' },
    });
  });

  it('ignores a click on a disabled button', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    const requests: unknown[] = [];
    view.addEventListener('il-groups-expand', (event) => requests.push(event.detail));

    groupingButton(view, 'collapse').click();
    groupingButton(view, 'expand').click();
    await buttonStates(view);
    groupingButton(view, 'expand').click();

    expect(requests).to.deep.equal([{ expanded: true }]);
    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([true]);
  });

  it('keeps focus on a button it disables', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    const expand = groupingButton(view, 'expand');
    expand.focus();
    await sendKeys({ press: 'Enter' });
    await buttonStates(view);

    expect(expand.getAttribute('aria-disabled')).to.equal('true');
    expect(bar(view).shadowRoot!.activeElement === expand, 'focus stays on the button').to.equal(true);
  });

  it('enables both when some are expanded', async () => {
    const view = await viewOf(readySession(twoGroupSnapshot()));
    const ids = graphOf(view).groups.map((group) => group.id);
    expect(ids).to.have.members([GROUP_ID, IP_GROUP_ID]);

    await doubleClick(view, IP_GROUP_ID);

    const expanded = graphOf(view).groups.filter((group) => group.expanded).map((group) => group.id);
    expect(expanded).to.deep.equal([IP_GROUP_ID]);
    expect(await buttonStates(view)).to.deep.equal({ expand: ENABLED, collapse: ENABLED });
  });

  it('follows double-click on a member', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    groupingButton(view, 'expand').click();
    await nextFrames();

    await doubleClick(view, EXTRA_FILE_IDS[0]!);

    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([false]);
    expect((await buttonStates(view)).collapse).to.deep.equal({ disabled: 'true', reason: 'Every group is collapsed.' });
  });

  it('follows Enter on a group node', async () => {
    const session = readySession(groupedSnapshot());
    const view = await viewOf(session);
    session.select({ entityIds: [EXTRA_FILE_IDS[0]!] });
    await nextFrames();

    // Focus makes the first selected node active, which is the group of the selected member.
    graphViewport(view).focus();
    await nextFrames();
    await sendKeys({ press: 'Enter' });
    await nextFrames();

    expect(graphOf(view).groups.map((group) => group.expanded)).to.deep.equal([true]);
    expect((await buttonStates(view)).expand).to.deep.equal({ disabled: 'true', reason: 'Every group is expanded.' });
  });

  it('disables both while grouping is off', async () => {
    const view = await viewOf(readySession(groupedSnapshot()));
    bar(view).shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();

    const reason = 'Grouping is off.';
    expect(await buttonStates(view)).to.deep.equal({
      expand: { disabled: 'true', reason },
      collapse: { disabled: 'true', reason },
    });

    bar(view).shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    expect(await buttonStates(view)).to.deep.equal({
      expand: ENABLED,
      collapse: { disabled: 'true', reason: 'Every group is collapsed.' },
    });
  });

  it('enables expand when a group forms', async () => {
    const session = readySession(viewSnapshot());
    const view = await viewOf(session);
    expect((await buttonStates(view)).expand.disabled).to.equal('true');

    // A live update gives one alert more than six leaf IP addresses, which then group.
    const alert = session.snapshot!.alerts[0]!;
    const addresses: Entity[] = Array.from({ length: 8 }, (_, index) => ({
      id: `ip-live-${index}`,
      kind: 'ip',
      displayName: `203.0.113.${index + 10}`,
      firstSeen: alert.firstActivityTime ?? alert.createdTime,
      properties: {},
    }));
    const evidence = [...alert.evidence, ...addresses.map((entity) => ({ entityId: entity.id, roles: ['contextual' as const] }))];
    session.applyPatch({ entities: addresses, alerts: [{ ...alert, evidence }] });

    await waitUntil(() => graphOf(view).groups.length === 1, 'no group formed', { timeout: 5000 });
    await waitUntil(async () => (await buttonStates(view)).expand.disabled === 'false', 'expand stayed disabled', { timeout: 5000 });
    expect((await buttonStates(view)).collapse).to.deep.equal({ disabled: 'true', reason: 'Every group is collapsed.' });
  });
});
