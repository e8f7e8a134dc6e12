import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { mountGraph, nextFrames, pagePosition, recordSelectionEvents } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';

/** The camera every test here starts from: world (0, 0) at (120, 100) CSS pixels, no zoom. */
const START_CAMERA = { x: 120, y: 100, k: 1 };

type Offset = { x: number; y: number };

/** An outline around `device` (drawn at 120, 100) and `file` (at 120, 250), clear of the others. */
const AROUND_DEVICE_AND_FILE: Offset[] = [
  { x: 60, y: 60 },
  { x: 190, y: 70 },
  { x: 170, y: 330 },
  { x: 50, y: 300 },
];

/**
 * An outline around every node that then draws a second loop, the same way round, around the
 * alert alone (at 220, 175). The alert is enclosed twice, so the even-odd rule leaves it out.
 */
const AROUND_ALL_BUT_ALERT: Offset[] = [
  { x: 80, y: 60 },
  { x: 360, y: 60 },
  { x: 360, y: 290 },
  { x: 80, y: 290 },
  { x: 80, y: 150 },
  { x: 180, y: 150 },
  { x: 260, y: 150 },
  { x: 260, y: 200 },
  { x: 180, y: 200 },
  { x: 180, y: 150 },
  { x: 80, y: 150 },
];

async function mountLasso(): Promise<IncidentGraphElement> {
  const element = await mountGraph({ graph: createPositionedGraph() });
  element.selectionTool = 'lasso';
  element.camera = START_CAMERA;
  await element.updateComplete;
  await nextFrames();
  return element;
}

function pageAt(element: IncidentGraphElement, offset: Offset): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + offset.x), Math.round(rect.top + offset.y)];
}

/** Presses at the outline's first point, moves through the rest and stops there, still pressed. */
async function drawOutline(element: IncidentGraphElement, outline: readonly Offset[]): Promise<void> {
  await sendMouse({ type: 'move', position: pageAt(element, outline[0]!) });
  await sendMouse({ type: 'down' });
  for (const offset of outline.slice(1)) await sendMouse({ type: 'move', position: pageAt(element, offset) });
}

/** Draws a whole lasso with Shift held and releases it. */
async function lasso(element: IncidentGraphElement, outline: readonly Offset[]): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await drawOutline(element, outline);
  await sendMouse({ type: 'up' });
  await sendKeys({ up: 'Shift' });
}

describe('<il-incident-graph> lasso selection', () => {
  afterEach(async () => {
    await resetMouse();
    await sendKeys({ up: 'Shift' });
  });

  it('reads the selection-tool attribute', async () => {
    const element = await fixture<IncidentGraphElement>(html`<il-incident-graph selection-tool="lasso"></il-incident-graph>`);
    expect(element.selectionTool).to.equal('lasso');
  });

  it('draws a box by default', async () => {
    const element = await mountGraph({ graph: createPositionedGraph() });
    expect(element.selectionTool).to.equal('box');
  });

  it('selects the nodes inside the outline', async () => {
    const element = await mountLasso();
    const events = recordSelectionEvents(element);

    await lasso(element, AROUND_DEVICE_AND_FILE);

    expect(events).to.deep.equal([{ entityIds: ['device', 'file'], alertIds: [] }]);
    expect(element.camera).to.deep.equal(START_CAMERA);
  });

  it('leaves out a loop enclosed twice', async () => {
    const element = await mountLasso();
    const events = recordSelectionEvents(element);

    await lasso(element, AROUND_ALL_BUT_ALERT);

    expect(events).to.have.length(1);
    expect(events[0]!.alertIds).to.deep.equal([]);
    expect([...events[0]!.entityIds].sort()).to.deep.equal(['device', 'file', 'ip', 'user']);
  });

  it('adds to the current selection', async () => {
    const element = await mountLasso();
    await sendMouse({ type: 'click', position: pagePosition(element, 'ip') });
    const events = recordSelectionEvents(element);

    await lasso(element, AROUND_DEVICE_AND_FILE);

    expect(events).to.deep.equal([{ entityIds: ['ip', 'device', 'file'], alertIds: [] }]);
  });

  it('shows the outline while drawing', async () => {
    const element = await mountLasso();

    await sendKeys({ down: 'Shift' });
    await drawOutline(element, AROUND_DEVICE_AND_FILE);
    await element.updateComplete;

    const polygon = element.shadowRoot!.querySelector('[part="selection-lasso"]');
    expect(polygon).to.exist;
    expect(polygon!.localName).to.equal('polygon');
    expect(polygon!.getAttribute('points')).to.equal('60,60 190,70 170,330 50,300');
    expect(element.shadowRoot!.querySelector('[part="selection-box"]')).to.be.null;

    await sendMouse({ type: 'up' });
    await sendKeys({ up: 'Shift' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="selection-lasso"]')).to.be.null;
  });

  it('selects nothing after Escape', async () => {
    const element = await mountLasso();
    const events = recordSelectionEvents(element);

    await sendKeys({ down: 'Shift' });
    await drawOutline(element, AROUND_DEVICE_AND_FILE);
    await sendKeys({ press: 'Escape' });
    await sendMouse({ type: 'up' });
    await sendKeys({ up: 'Shift' });
    await element.updateComplete;

    expect(events).to.deep.equal([]);
    expect(element.shadowRoot!.querySelector('[part="selection-lasso"]')).to.be.null;
  });

  it('fires nothing for an empty outline', async () => {
    const element = await mountLasso();
    const events = recordSelectionEvents(element);

    await lasso(element, [
      { x: 400, y: 300 },
      { x: 500, y: 300 },
      { x: 450, y: 360 },
    ]);

    expect(events).to.deep.equal([]);
  });

  it('draws a box for any other tool', async () => {
    const element = await mountLasso();
    element.setAttribute('selection-tool', 'freehand');
    await element.updateComplete;

    await sendKeys({ down: 'Shift' });
    await drawOutline(element, AROUND_DEVICE_AND_FILE);
    await element.updateComplete;

    expect(element.shadowRoot!.querySelector('[part="selection-box"]')).to.exist;
    expect(element.shadowRoot!.querySelector('[part="selection-lasso"]')).to.be.null;
  });
});
