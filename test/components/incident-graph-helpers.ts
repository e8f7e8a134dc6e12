/** Mounting and pointer helpers shared by the `il-incident-graph` tests. */

import { fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import type { IncidentSession } from '../../src/session/session.js';
import type { SelectionChangeDetail } from '../../src/components/shared/events.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';

export const WIDTH = 640;
export const HEIGHT = 400;

/** Mounts a graph element of WIDTH × HEIGHT CSS pixels and waits for its first drawn frame. */
export async function mountGraph(source: { graph?: IncidentGraph; session?: IncidentSession }): Promise<IncidentGraphElement> {
  const element = await fixture<IncidentGraphElement>(html`
    <il-incident-graph
      style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })}
      .graph=${source.graph}
      .session=${source.session}
    ></il-incident-graph>
  `);
  await element.layoutSettled;
  await element.rendered;
  return element;
}

/**
 * Mounts a graph element after a button, and gives the element focus with Tab from the button,
 * as a keyboard user does, so its active node and focus ring show.
 */
export async function mountWithKeyboardFocus(graph: IncidentGraph): Promise<IncidentGraphElement> {
  const container = await fixture<HTMLDivElement>(html`<div>
    <button>before</button>
    <il-incident-graph style=${styleProperties({ display: 'block', width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${graph}></il-incident-graph>
  </div>`);
  const element = container.querySelector<IncidentGraphElement>('il-incident-graph')!;
  await element.rendered;
  container.querySelector('button')!.focus();
  await sendKeys({ press: 'Tab' });
  await element.updateComplete;
  return element;
}

/** Returns a node's position in page CSS pixels, for sendMouse. */
export function pagePosition(element: IncidentGraphElement, nodeId: string): [number, number] {
  const point = element.toScreen(nodeId);
  if (!point) throw new Error(`Node not drawn: ${nodeId}`);
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + point.x), Math.round(rect.top + point.y)];
}

/** Clicks at a page position, with Shift held when `shift` is set. */
export async function clickAt(position: [number, number], options: { shift?: boolean } = {}): Promise<void> {
  if (options.shift) await sendKeys({ down: 'Shift' });
  await sendMouse({ type: 'click', position });
  if (options.shift) await sendKeys({ up: 'Shift' });
}

/** Records the detail of every `il-selection-change` the element fires. */
export function recordSelectionEvents(element: HTMLElement): SelectionChangeDetail[] {
  const details: SelectionChangeDetail[] = [];
  element.addEventListener('il-selection-change', (event) => details.push(event.detail));
  return details;
}

/** Waits for two animation frames, so a scheduled frame has been drawn. */
export async function nextFrames(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Returns the RGBA of the canvas backing store at a point in the element's CSS pixels. */
export function pixelAt(element: IncidentGraphElement, point: { x: number; y: number }): number[] {
  const canvas = element.shadowRoot!.querySelector('canvas')!;
  const ratio = canvas.width / canvas.clientWidth;
  const data = canvas.getContext('2d')!.getImageData(Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1).data;
  return [...data];
}
