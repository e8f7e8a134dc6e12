import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import Graph from 'graphology';
import { lastDrawStats } from '../../src/components/incident-graph/draw.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentEdgeAttributes, IncidentGraph, IncidentGraphAttributes, IncidentNodeAttributes } from '../../src/model/graph-types.js';
import { HEIGHT, mountGraph, mountWithKeyboardFocus, nextFrames, recordSelectionEvents, WIDTH } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';

async function mountFocused(): Promise<IncidentGraphElement> {
  const element = await mountGraph({ graph: createPositionedGraph() });
  element.camera = { x: 120, y: 100, k: 1 };
  element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
  await element.updateComplete;
  return element;
}

/** Presses `key` with modifier keys held; sendKeys has no key combinations. */
async function pressWith(modifiers: string[], key: string): Promise<void> {
  for (const modifier of modifiers) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of [...modifiers].reverse()) await sendKeys({ up: modifier });
}

function activeNodeId(element: IncidentGraphElement): string {
  const id = element.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-activedescendant')!;
  return element.display.nodes[Number(id.replace('node-', ''))]!.id;
}

describe('<il-incident-graph> keyboard interaction', () => {
  before(async () => {
    // NOTE: after incident-view-keyboard.test.ts, the next test page starts without focus, so
    // focus() fires no focus event and no node becomes active. The cause is not found. A
    // click in the page gives it focus.
    if (!document.hasFocus()) await sendMouse({ type: 'click', position: [0, 0] });
  });

  it('pins and releases the active node with P', async () => {
    const element = await mountFocused();
    const graph = element.graph!;
    const id = activeNodeId(element);

    await sendKeys({ press: 'p' });
    expect(graph.getNodeAttribute(id, 'fixed')).to.be.true;
    expect(graph.getNodeAttribute(id, 'x')).to.equal(100);
    expect(graph.getNodeAttribute(id, 'y')).to.equal(75);

    await sendKeys({ press: 'P' });
    expect(graph.getNodeAttribute(id, 'fixed')).to.be.false;
  });

  it('moves and pins the active node with Alt and arrows', async () => {
    const element = await mountFocused();
    const graph = element.graph!;
    element.camera = { x: 120, y: 100, k: 2 };
    const id = activeNodeId(element);

    await pressWith(['Alt'], 'ArrowRight');
    await nextFrames();
    await pressWith(['Alt'], 'ArrowDown');
    await nextFrames();
    await pressWith(['Alt', 'Shift'], 'ArrowLeft');

    // 10 CSS pixels per step, 1 with Shift, at zoom 2.
    expect(graph.getNodeAttribute(id, 'x')).to.equal(100 + 5 - 0.5);
    expect(graph.getNodeAttribute(id, 'y')).to.equal(75 + 5);
    expect(graph.getNodeAttribute(id, 'fixed')).to.be.true;
  });

  it('pans the view with Ctrl and arrows', async () => {
    const element = await mountFocused();
    const events = recordSelectionEvents(element);

    await pressWith(['Control'], 'ArrowRight');
    expect(element.camera).to.deep.equal({ x: 70, y: 100, k: 1 });
    await pressWith(['Control'], 'ArrowUp');
    expect(element.camera).to.deep.equal({ x: 70, y: 150, k: 1 });
    await pressWith(['Control'], 'ArrowLeft');
    await pressWith(['Control'], 'ArrowDown');
    expect(element.camera).to.deep.equal({ x: 120, y: 100, k: 1 });
    expect(events).to.deep.equal([]);
  });

  it('fits the selection with F', async () => {
    const element = await mountFocused();
    element.camera = { x: -2000, y: -2000, k: 0.5 };
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    const selected = activeNodeId(element);

    await sendKeys({ press: 'f' });
    await nextFrames();

    // One node fits at the largest fit zoom, 2, centred.
    expect(element.camera.k).to.equal(2);
    const point = element.toScreen(selected)!;
    expect(point.x).to.be.closeTo(WIDTH / 2, 1e-9);
    expect(point.y).to.be.closeTo(HEIGHT / 2, 1e-9);
  });

  it('fits everything with F when nothing is selected', async () => {
    const element = await mountFocused();
    await element.fit();
    const fitted = element.camera;
    element.camera = { x: -2000, y: -2000, k: 0.5 };

    await sendKeys({ press: 'F' });
    await nextFrames();

    expect(element.camera).to.deep.equal(fitted);
  });

  it('selects every visible node with Ctrl+A in one event', async () => {
    const element = await mountFocused();
    const events = recordSelectionEvents(element);

    await pressWith(['Control'], 'a');

    // In list order: alerts first, then entities by label.
    expect(events).to.deep.equal([{ entityIds: ['ip', 'device', 'file', 'user'], alertIds: ['alert-1'] }]);
  });

  it('fitSelection() fits the selected nodes', async () => {
    const element = await mountFocused();
    await pressWith(['Control'], 'a');
    await element.fit();
    const all = element.camera;
    element.camera = { x: 0, y: 0, k: 1 };

    await element.fitSelection();

    expect(element.camera).to.deep.equal(all);
  });

  it('changes no graph attribute without a key', async () => {
    const element = await mountFocused();
    const graph = element.graph!;
    let changes = 0;
    graph.on('nodeAttributesUpdated', () => changes++);

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });

    expect(changes).to.equal(0);
  });

  it('shows the active ring when focused with Tab', async () => {
    const element = await mountWithKeyboardFocus(createPositionedGraph());
    await nextFrames();

    const context = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!.getContext('2d')!;
    expect(lastDrawStats(context)!.activeRing).to.equal(activeNodeId(element));
  });

  it('hides the active ring when focused by a click', async () => {
    const element = await mountGraph({ graph: createPositionedGraph() });
    const listbox = element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    listbox.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    listbox.focus({ focusVisible: false } as FocusOptions);
    await element.updateComplete;
    await nextFrames();

    const context = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!.getContext('2d')!;
    expect(lastDrawStats(context)!.activeRing).to.equal(undefined);
  });

  it('moves to a node off to the side when none is ahead', async () => {
    const graph: IncidentGraph = new Graph<IncidentNodeAttributes, IncidentEdgeAttributes, IncidentGraphAttributes>({ multi: true, type: 'directed' });
    graph.addNode('first', { kind: 'device', label: 'first', firstSeen: 1, x: 0, y: 0 });
    graph.addNode('steep', { kind: 'file', label: 'steep', firstSeen: 2, x: 20, y: 120 });
    graph.addNode('behind', { kind: 'ip', label: 'behind', firstSeen: 3, x: -80, y: 0 });
    const element = await mountGraph({ graph });
    element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
    await element.updateComplete;
    expect(activeNodeId(element)).to.equal('first');

    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(activeNodeId(element)).to.equal('steep');

    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(activeNodeId(element), 'no node lies ahead of the right-most one').to.equal('steep');
  });
});
