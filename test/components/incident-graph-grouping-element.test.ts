import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { MID_INCIDENT } from '../fixtures/graph-snapshot.js';
import { at, EXTRA_FILE_IDS, GROUP_ID, groupedSession } from './incident-graph-grouping-fixture.js';
import { clickAt, mountGraph, nextFrames, pagePosition, recordSelectionEvents } from './incident-graph-helpers.js';

function viewport(element: IncidentGraphElement): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
}

function optionTexts(element: IncidentGraphElement): string[] {
  return [...element.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent ?? '');
}

/** Records the type of each event of the element that a user action could fire. */
/** Records the events the element fires, a group toggle with its detail. */
function recordElementEvents(element: HTMLElement): string[] {
  const types: string[] = [];
  for (const type of ['il-selection-change', 'il-time-change', 'il-range-change']) {
    element.addEventListener(type, () => types.push(type));
  }
  element.addEventListener('il-group-toggle', (event) => types.push(`il-group-toggle ${event.detail.groupId} ${event.detail.expanded}`));
  return types;
}

/**
 * Mounts the grouped incident with one member of its group selected and focuses the graph, which
 * makes the group's node active. Returns the element and the events it fires from then on.
 */
async function focusedOnGroup(): Promise<{ element: IncidentGraphElement; events: string[] }> {
  const session = groupedSession();
  const element = await mountGraph({ session });
  session.select({ entityIds: [EXTRA_FILE_IDS[0]!] });
  await nextFrames();
  const events = recordElementEvents(element);

  viewport(element).focus();
  await nextFrames();
  await element.updateComplete;
  return { element, events };
}

async function doubleClick(element: IncidentGraphElement, nodeId: string): Promise<void> {
  const [clientX, clientY] = pagePosition(element, nodeId);
  viewport(element).dispatchEvent(new MouseEvent('dblclick', { clientX, clientY, bubbles: true, composed: true }));
  await nextFrames();
  await element.updateComplete;
}

describe('<il-incident-graph> grouping', () => {
  it('draws one counted node per group', async () => {
    const element = await mountGraph({ session: groupedSession() });
    const node = element.display.byId.get(GROUP_ID)!;

    expect(node.label).to.equal('8 files');
    expect(node.kind).to.equal('file');
    expect(node.verdict).to.equal('malicious');
    expect(node.group!.visibleIds).to.have.members(EXTRA_FILE_IDS);
    for (const id of EXTRA_FILE_IDS) expect(element.display.byId.has(id)).to.equal(false);
    expect(element.display.byId.has('ip-extra-0')).to.equal(true);
    expect(element.display.byId.has('file-shared')).to.equal(true);
  });

  it('collapses member edges into one', async () => {
    const element = await mountGraph({ session: groupedSession() });
    const groupEdges = element.display.edges.views().filter((edge) => edge.source.id === GROUP_ID || edge.target.id === GROUP_ID);
    const evidence = groupEdges.filter((edge) => edge.type === 'evidence');
    const relations = groupEdges.filter((edge) => edge.type !== 'evidence');

    expect(evidence).to.have.length(1);
    expect(evidence[0]!.source.id).to.equal('alert-c2');
    expect(relations).to.have.length(1);
    expect(relations[0]!.source.id).to.equal('process-payload');
    expect(relations[0]!.type).to.equal('imageFile');
  });

  it('lists groups', async () => {
    const element = await mountGraph({ session: groupedSession() });
    expect(element.groups).to.deep.equal([
      { id: GROUP_ID, alertId: 'alert-c2', kind: 'file', memberIds: EXTRA_FILE_IDS, expanded: false },
    ]);
  });

  it('counts entities, not drawn nodes', async () => {
    const element = await mountGraph({ session: groupedSession() });
    const name = viewport(element).getAttribute('aria-label');
    expect(name).to.equal('Incident graph: 3 alerts, 25 entities');
  });

  it('places the group near its members centroid', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    const xs = EXTRA_FILE_IDS.map((id) => graph.getNodeAttribute(id, 'x')!);
    const ys = EXTRA_FILE_IDS.map((id) => graph.getNodeAttribute(id, 'y')!);
    const centroid = { x: xs.reduce((a, b) => a + b) / xs.length, y: ys.reduce((a, b) => a + b) / ys.length };
    const node = element.display.byId.get(GROUP_ID)!;

    // The fixture's centroid overlaps another node, so the group node moves to a clear place
    // nearby (see group-placement.ts, at most 80 world units away).
    const shift = Math.hypot(node.x - centroid.x, node.y - centroid.y);
    expect(shift).to.be.above(0);
    expect(shift).to.be.at.most(80);
  });

  it('expands members at their positions', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    const before = new Map(graph.mapNodes((id, attributes) => [id, `${attributes.x},${attributes.y}`]));

    element.expandGroup(GROUP_ID);
    await nextFrames();

    expect(element.display.byId.has(GROUP_ID)).to.equal(false);
    for (const id of EXTRA_FILE_IDS) {
      const node = element.display.byId.get(id)!;
      expect(node.x).to.equal(graph.getNodeAttribute(id, 'x'));
      expect(node.y).to.equal(graph.getNodeAttribute(id, 'y'));
    }
    const after = new Map(graph.mapNodes((id, attributes) => [id, `${attributes.x},${attributes.y}`]));
    expect(after).to.deep.equal(before);
    expect(element.groups[0]!.expanded).to.equal(true);
  });

  it('restores the group on collapse', async () => {
    const element = await mountGraph({ session: groupedSession() });
    element.expandGroup(GROUP_ID);
    await nextFrames();
    element.collapseGroup(GROUP_ID);
    await nextFrames();

    expect(element.display.byId.get(GROUP_ID)!.label).to.equal('8 files');
    expect(element.display.byId.has(EXTRA_FILE_IDS[0]!)).to.equal(false);
    expect(element.groups[0]!.expanded).to.equal(false);
  });

  it('expands and collapses all', async () => {
    const element = await mountGraph({ session: groupedSession() });
    element.expandAll();
    await nextFrames();
    expect(element.groups.every((group) => group.expanded)).to.equal(true);
    expect(element.display.byId.has(GROUP_ID)).to.equal(false);

    element.collapseAll();
    await nextFrames();
    expect(element.groups.every((group) => !group.expanded)).to.equal(true);
    expect(element.display.byId.has(GROUP_ID)).to.equal(true);
  });

  it('turns off with threshold 0', async () => {
    const element = await mountGraph({ session: groupedSession() });
    element.groupThreshold = 0;
    await element.updateComplete;
    await nextFrames();

    expect(element.groups).to.deep.equal([]);
    expect(element.display.byId.has(GROUP_ID)).to.equal(false);
    expect(element.display.byId.has(EXTRA_FILE_IDS[0]!)).to.equal(true);
  });

  it('reads the group-threshold attribute', async () => {
    const element = await mountGraph({ session: groupedSession() });
    element.setAttribute('group-threshold', '2');
    await element.updateComplete;
    await nextFrames();

    expect(element.groupThreshold).to.equal(2);
    expect(element.groups.map((group) => group.id)).to.have.members([GROUP_ID, 'group:alert-c2:ip']);
  });

  it('shows a selected member as a selected group', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    session.select({ entityIds: [EXTRA_FILE_IDS[3]!] });
    await nextFrames();

    expect(element.display.byId.get(GROUP_ID)!.selected).to.equal(true);
    expect(element.display.byId.get(GROUP_ID)!.dimmed).to.equal(false);
  });

  it('selects every member on click', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    const events = recordSelectionEvents(element);

    await clickAt(pagePosition(element, GROUP_ID));

    expect(events).to.deep.equal([{ entityIds: EXTRA_FILE_IDS, alertIds: [] }]);
    expect(session.selection.entityIds).to.deep.equal(EXTRA_FILE_IDS);
  });

  it('selects members with Ctrl+A', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    viewport(element).focus();

    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });

    expect(session.selection.entityIds).to.include.members(EXTRA_FILE_IDS);
    expect(session.selection.entityIds).not.to.include(GROUP_ID);
  });

  it('counts members that exist now', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });

    session.setTime(at(39));
    await nextFrames();
    expect(element.display.byId.get(GROUP_ID)!.label).to.equal('4 files');
    expect(element.display.byId.get(GROUP_ID)!.group!.visibleIds).to.deep.equal(EXTRA_FILE_IDS.slice(0, 4));

    session.setTime(at(35));
    await nextFrames();
    expect(element.display.byId.has(GROUP_ID)).to.equal(false);
    expect(element.display.byId.has('process-payload')).to.equal(true);

    session.setTime(MID_INCIDENT);
    await nextFrames();
    expect(element.display.byId.has(GROUP_ID)).to.equal(false);
  });

  it('keeps its place while the time cursor moves', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    const { x, y } = element.display.byId.get(GROUP_ID)!;

    session.setTime(at(37));
    await nextFrames();

    expect(element.display.byId.get(GROUP_ID)!.x).to.equal(x);
    expect(element.display.byId.get(GROUP_ID)!.y).to.equal(y);
  });

  it('names the group option', async () => {
    const element = await mountGraph({ session: groupedSession() });
    await element.updateComplete;
    expect(optionTexts(element)).to.include('8 files, group, collapsed. Malicious.');
    await expect(element).to.be.accessible();
  });

  it('fires no event when the host expands', async () => {
    const element = await mountGraph({ session: groupedSession() });
    const events = recordElementEvents(element);

    element.expandGroup(GROUP_ID);
    element.collapseGroup(GROUP_ID);
    element.expandAll();
    element.collapseAll();
    await nextFrames();

    expect(events).to.deep.equal([]);
  });

  it('expands on double-click with a toggle event', async () => {
    const element = await mountGraph({ session: groupedSession() });
    const events = recordElementEvents(element);

    await doubleClick(element, GROUP_ID);

    expect(events).to.deep.equal([`il-group-toggle ${GROUP_ID} true`]);
    expect(element.groups[0]!.expanded).to.equal(true);
    expect(element.display.byId.has(EXTRA_FILE_IDS[0]!)).to.equal(true);
  });

  it('collapses on double-click of a member', async () => {
    const element = await mountGraph({ session: groupedSession() });
    element.expandGroup(GROUP_ID);
    await nextFrames();
    const events = recordElementEvents(element);

    await doubleClick(element, EXTRA_FILE_IDS[0]!);

    expect(events).to.deep.equal([`il-group-toggle ${GROUP_ID} false`]);
    expect(element.groups[0]!.expanded).to.equal(false);
    expect(element.display.byId.has(GROUP_ID)).to.equal(true);
  });

  it('expands on Enter with a toggle event', async () => {
    const { element, events } = await focusedOnGroup();
    const active = viewport(element).getAttribute('aria-activedescendant')!;
    expect(element.shadowRoot!.getElementById(active)!.textContent).to.equal('8 files, group, collapsed. Malicious.');

    await sendKeys({ press: 'Enter' });
    await nextFrames();
    await element.updateComplete;

    expect(events).to.deep.equal([`il-group-toggle ${GROUP_ID} true`]);
    expect(element.groups[0]!.expanded).to.equal(true);
    const next = viewport(element).getAttribute('aria-activedescendant')!;
    expect(element.shadowRoot!.getElementById(next)!.textContent).to.contain('dropped-0.dll');
  });

  it('toggles a group with G', async () => {
    const { element, events } = await focusedOnGroup();

    await sendKeys({ press: 'g' });
    await nextFrames();
    expect(element.groups[0]!.expanded).to.equal(true);
    await sendKeys({ press: 'g' });
    await nextFrames();

    expect(element.groups[0]!.expanded).to.equal(false);
    expect(events).to.deep.equal([`il-group-toggle ${GROUP_ID} true`, `il-group-toggle ${GROUP_ID} false`]);
  });

  it('fits a collapsed member as its group', async () => {
    const element = await mountGraph({ session: groupedSession() });
    await element.fit({ nodeIds: [GROUP_ID] });
    const groupCamera = element.camera;
    await element.fit();

    await element.fit({ nodeIds: [EXTRA_FILE_IDS[0]!] });

    expect(element.camera).to.deep.equal(groupCamera);
  });

  it('writes nothing into the graph', async () => {
    const session = groupedSession();
    const element = await mountGraph({ session });
    const graph = session.graph!;
    const order = graph.order;
    const size = graph.size;

    element.expandGroup(GROUP_ID);
    element.collapseAll();
    await nextFrames();

    expect(graph.order).to.equal(order);
    expect(graph.size).to.equal(size);
    expect(graph.hasNode(GROUP_ID)).to.equal(false);
  });
});

describe('<il-incident-graph> search in groups', () => {
  it('matches a member of a collapsed group', async () => {
    const element = await mountGraph({ session: groupedSession() });
    await element.layoutSettled;
    element.search = 'dropped-5';
    await element.updateComplete;

    expect(element.display.byId.has(GROUP_ID)).to.equal(true);
    const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-label')).to.match(/1 node matches the search\.$/);
    expect(element.display.byId.get(GROUP_ID)!.dimmed).to.equal(false);
  });
});
