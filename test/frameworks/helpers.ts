/** Shared steps of the framework example tests: wait for a view to draw, click a graph node. */

import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

/** The members of `il-incident-view` and `il-incident-graph` the tests use, without importing the classes. */
export interface ViewUnderTest extends HTMLElement {
  adapter: unknown;
  incidentId: string | undefined;
  loaded: Promise<void>;
  loadState: string;
  graph: { order: number; size: number } | undefined;
}

interface GraphUnderTest extends HTMLElement {
  layoutSettled: Promise<void>;
  fit(): Promise<void>;
  toScreen(nodeId: string): { x: number; y: number } | undefined;
}

/** Waits until a framework has put `selector` in `root`, and returns it. */
export async function findRendered<T extends Element>(root: ParentNode, selector: string): Promise<T> {
  await waitUntil(() => root.querySelector(selector) !== null, `${selector} was never rendered`, { timeout: 5000 });
  return root.querySelector<T>(selector)!;
}

/** Waits for the view's incident to load and its graph layout to settle, then fits the graph. */
export async function settleView(view: ViewUnderTest): Promise<GraphUnderTest> {
  await view.loaded;
  const graph = view.shadowRoot!.querySelector<GraphUnderTest>('il-incident-graph');
  if (!graph) throw new Error('settleView: the view rendered no il-incident-graph.');
  await graph.layoutSettled;
  await graph.fit();
  return graph;
}

/**
 * Clicks a graph node with the real mouse. `frame` is the iframe that contains the view, when it
 * is not in the test page itself, since mouse positions are in the test page's viewport.
 */
export async function clickNode(graph: GraphUnderTest, nodeId: string, frame?: HTMLIFrameElement): Promise<void> {
  const point = graph.toScreen(nodeId);
  if (!point) throw new Error(`clickNode: node "${nodeId}" is not on screen.`);

  const box = graph.getBoundingClientRect();
  const offset = frame?.getBoundingClientRect() ?? { left: 0, top: 0 };
  await sendMouse({
    type: 'click',
    position: [Math.round(offset.left + box.left + point.x), Math.round(offset.top + box.top + point.y)],
  });
}
