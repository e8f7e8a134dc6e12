import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { edgeTableOf, type DisplayModel, type EdgeView, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { drawScene, drawSceneSteps, type SceneState } from '../../src/components/incident-graph/draw.js';
import { readPalette } from '../../src/components/incident-graph/palette.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { griddedIncidentGraph as griddedGraph } from '../fixtures/generated-incident.js';
import { HEIGHT, WIDTH } from './incident-graph-helpers.js';

const SIZE = { width: 400, height: 300 };

/** Returns a display model of `count` dots on a grid, each joined to the next by an edge. */
function gridDisplay(count: number): DisplayModel {
  const columns = Math.ceil(Math.sqrt(count));
  const nodes: NodeView[] = Array.from({ length: count }, (_, index) => ({
    id: `n${index}`, kind: 'file', label: `n${index}`, alert: false, verdict: index % 3 === 0 ? 'malicious' : undefined,
    remediationStatus: undefined, severity: undefined, ghost: false, firstSeen: undefined,
    x: (index % columns) * 40, y: Math.floor(index / columns) * 40, radius: 16, selected: false, dimmed: false,
  }));
  const edges: EdgeView[] = nodes.slice(1).map((node, index) => ({
    id: `e${index}`, source: nodes[index]!, target: node, type: 'relation', evidence: false, roles: [], curve: 0, loopIndex: 0, dimmed: false,
  }));
  return { nodes, edges: edgeTableOf(edges), byId: new Map(nodes.map((node) => [node.id, node])), alertCount: 0, entityCount: count };
}

function sceneOf(display: DisplayModel, k: number): SceneState {
  return {
    ...SIZE, pixelRatio: 1, camera: { x: 10, y: 10, k }, palette: readPalette(document.body),
    display, hoveredId: undefined, activeId: undefined, showActive: false,
  };
}

function contextOf(): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE.width;
  canvas.height = SIZE.height;
  return canvas.getContext('2d')!;
}

function pixelsOf(context: CanvasRenderingContext2D): Uint8ClampedArray {
  return context.getImageData(0, 0, context.canvas.width, context.canvas.height).data;
}

function samePixels(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}


describe('il-incident-graph sliced paint', () => {
  it('leaves the canvas alone until the last slice', () => {
    const display = gridDisplay(60_000);
    const context = contextOf();
    drawScene(context, sceneOf(display, 0.02));
    const before = pixelsOf(context);

    const steps = drawSceneSteps(context, sceneOf(display, 0.03));
    let slices = 1;
    while (!steps.next().done) {
      slices += 1;
      expect(samePixels(pixelsOf(context), before)).to.equal(true);
    }

    expect(slices).to.be.greaterThan(2);
    expect(samePixels(pixelsOf(context), before)).to.equal(false);
  });

  it('paints what drawScene paints', () => {
    const display = gridDisplay(60_000);
    const sliced = contextOf();
    const whole = contextOf();
    const steps = drawSceneSteps(sliced, sceneOf(display, 0.03));
    let next = steps.next();
    while (!next.done) next = steps.next();
    const stats = drawScene(whole, sceneOf(display, 0.03));

    expect(next.value.raster).to.equal(true);
    expect(next.value.edgesDrawn).to.equal(stats.edgesDrawn);
    expect(samePixels(pixelsOf(sliced), pixelsOf(whole))).to.equal(true);
  });

  it('paints a small scene in one slice', () => {
    const steps = drawSceneSteps(contextOf(), sceneOf(gridDisplay(500), 0.05));

    expect(steps.next().done).to.equal(true);
  });

  it('applies a fit requested during a paint', async function () {
    this.timeout(60_000);
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${griddedGraph(20000)}></il-incident-graph>
    `);
    await element.rendered;
    const fitted = element.camera;

    // The camera's paint takes several tasks, and the fit is requested after the first.
    element.camera = { ...fitted, k: fitted.k * 1.5 };
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const fit = element.fit().then(() => 'resolved');
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 5000));

    expect(await Promise.race([fit, timeout])).to.equal('resolved');
    expect(element.camera.k).to.be.closeTo(fitted.k, fitted.k * 0.01);
  });

  it('follows a camera change made during a paint', async function () {
    this.timeout(60_000);
    const element = await fixture<IncidentGraphElement>(html`
      <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })} .graph=${griddedGraph(20000)}></il-incident-graph>
    `);
    await element.rendered;
    const canvas = element.shadowRoot!.querySelector<HTMLCanvasElement>('canvas:not(.minimap)')!;
    const fitted = element.camera;

    // The first camera's paint takes several tasks. The second camera is set after its first.
    element.camera = { ...fitted, k: fitted.k * 1.3 };
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const final = { ...fitted, x: fitted.x + 40, k: fitted.k * 1.2 };
    element.camera = final;

    // The expected picture is drawn from the element's model of the moment, which changes
    // once in the first frames after the first, when the list order settles.
    const expected = document.createElement('canvas');
    expected.width = canvas.width;
    expected.height = canvas.height;
    const expectedContext = expected.getContext('2d')!;
    const painted = (): boolean => {
      const scene: SceneState = {
        width: WIDTH, height: HEIGHT, pixelRatio: canvas.width / WIDTH, camera: final, palette: readPalette(element),
        display: element.display, hoveredId: undefined, activeId: undefined, showActive: false,
      };
      drawScene(expectedContext, scene);
      return samePixels(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data, pixelsOf(expectedContext));
    };
    await waitUntil(painted, 'the canvas never showed the last camera', { timeout: 10_000 });

    expect(element.camera.x).to.equal(final.x);
  });
});
