import { expect } from '@open-wc/testing';
import { exportBounds, escapeXml } from '../../src/components/incident-graph/export.js';
import { middleEllipsis } from '../../src/components/incident-graph/labels.js';
import { mountGraph, nextFrames } from './incident-graph-helpers.js';
import { createPositionedGraph } from './incident-graph-interaction-helpers.js';
import { GROUP_ID, groupedSession } from './incident-graph-grouping-fixture.js';
import { parseMarkup } from '../helpers/parse-markup.js';
import Graph from 'graphology';
import { selfLoopShape } from '../../src/components/incident-graph/self-loops.js';
import { INCIDENT_GRAPH_OPTIONS } from '../../src/model/build-graph.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { IncidentSession } from '../../src/session/session.js';
import { readPalette } from '../../src/components/incident-graph/palette.js';
import { LABEL_BACKING_ALPHA } from '../../src/components/incident-graph/draw-labels.js';
import { relationLabel } from '../../src/components/incident-graph/strings.js';

const HOSTILE_LABEL = '<script>alert(1)</script><img onerror=x>';

function parseSvg(text: string): Document {
  const document = parseMarkup(text, 'image/svg+xml');
  expect(document.querySelector('parsererror'), 'the SVG parses as XML').to.be.null;
  return document;
}

/** Draws a PNG into a canvas of its size and returns the canvas's context, to read its pixels. */
async function pngContext(blob: Blob): Promise<CanvasRenderingContext2D> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context;
}

async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

describe('<il-incident-graph> export', () => {
  describe('toSVG', () => {
    it('draws every node, edge and label', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const svg = parseSvg(await element.toSVG());

      const texts = [...svg.querySelectorAll('text')].map((text) => text.textContent);
      expect(texts).to.have.members(['WS-01', 'jdoe', 'invoice.docm', '203.0.113.7', 'Macro started PowerShell']);
      // Four entity circles plus the verdict rings of the three entities that have a verdict.
      expect(svg.querySelectorAll('circle')).to.have.length(7);
      // One alert square, and a backing under each label.
      expect(svg.querySelectorAll('g > rect:not([opacity])')).to.have.length(1);
      expect(svg.querySelectorAll('g > rect[opacity]')).to.have.length(texts.length);
      // Four edge lines with an arrowhead each, and five kind icons.
      expect(svg.querySelectorAll('path')).to.have.length(4 * 2 + 5);
    });

    it('puts each label on a backing', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const svg = parseSvg(await element.toSVG());
      const palette = readPalette(element);

      const backings = [...svg.querySelectorAll('rect[opacity]')];
      const texts = [...svg.querySelectorAll('text')];
      expect(backings).to.have.length(texts.length);
      expect(backings[0]!.parentElement!.getAttribute('fill')).to.equal(palette.background);
      for (const [index, backing] of backings.entries()) {
        const text = texts[index]!;
        const x = Number(backing.getAttribute('x'));
        const width = Number(backing.getAttribute('width'));
        expect(Number(text.getAttribute('x')), text.textContent!).to.be.closeTo(x + width / 2, 0.02);
        expect(Number(backing.getAttribute('opacity'))).to.equal(LABEL_BACKING_ALPHA);
      }
    });

    it('exports the graph shown when called', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const pending = element.toSVG();
      element.graph = undefined;
      await element.updateComplete;

      const textsOf = (svg: string): Array<string | null> => [...parseSvg(svg).querySelectorAll('text')].map((text) => text.textContent);
      expect(textsOf(await pending)).to.include('WS-01');
      expect(textsOf(await element.toSVG())).to.not.include('WS-01');
    });

    it('draws the count badge of a collapsed group', async () => {
      const element = await mountGraph({ session: groupedSession() });
      const svg = parseSvg(await element.toSVG());

      const group = element.display.byId.get(GROUP_ID)!;
      const texts = [...svg.querySelectorAll('text')].map((text) => text.textContent);
      expect(texts).to.include(String(group.group!.visibleIds.length));
      expect(texts).to.include(group.label);
    });

    it('places labels without overlap', async () => {
      // Three nodes in a row, closer than their labels are wide: below each, the labels would overlap.
      const graph = createPositionedGraph();
      for (const [index, x] of [0, 60, 120].entries()) {
        graph.addNode(`host-${index}`, { kind: 'device', label: `host-${index}.finance.contoso.example`, x, y: 400 });
      }
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `12px ${readPalette(element).fontFamily}`;
      const boxes = [...svg.querySelectorAll('text')]
        .filter((text) => text.textContent!.startsWith('host-'))
        .map((text) => {
          const width = context.measureText(text.textContent!).width;
          const x = Number(text.getAttribute('x'));
          const y = Number(text.getAttribute('y'));
          return { left: x - width / 2, right: x + width / 2, top: y - 7, bottom: y + 7 };
        });
      expect(boxes.length, 'host labels placed').to.be.greaterThan(1);
      for (const [index, box] of boxes.entries()) {
        for (const other of boxes.slice(index + 1)) {
          const overlaps = box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
          expect(overlaps, 'two host labels overlap').to.equal(false);
        }
      }
    });

    it('writes edge labels where they overlap nothing', async () => {
      const graph = createPositionedGraph();
      graph.dropEdge(graph.edges('alert-1', 'ip')[0]!);
      graph.addDirectedEdge('alert-1', 'ip', { type: 'evidence', roles: ['attacker', 'contextual'] });
      graph.addDirectedEdge('user', 'device', { type: 'logonTo', roles: [] });
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const groups = [...svg.querySelectorAll('g[font-size]')];
      expect(groups.map((group) => group.getAttribute('font-size'))).to.deep.equal(['12', '10']);
      const edgeTexts = [...groups[1]!.querySelectorAll('text')];
      expect(edgeTexts.map((text) => text.textContent)).to.have.members(['attacker', relationLabel('logonTo')]);
      expect(groups[1]!.getAttribute('fill')).to.equal(readPalette(element).labelMuted);
      // A backing under every label, node and edge labels alike.
      expect(svg.querySelectorAll('rect[opacity]')).to.have.length(svg.querySelectorAll('text').length);

      // The role label sits on the apex of its edge, between the alert at (100, 75) and the IP at (200, 150).
      const attacker = edgeTexts.find((text) => text.textContent === 'attacker')!;
      expect(Number(attacker.getAttribute('x'))).to.be.within(100, 200);
      expect(Number(attacker.getAttribute('y'))).to.be.within(75, 150);

      const context = document.createElement('canvas').getContext('2d')!;
      const boxOf = (text: Element): { left: number; right: number; top: number; bottom: number } => {
        context.font = `${text.parentElement!.getAttribute('font-size')}px ${readPalette(element).fontFamily}`;
        const width = context.measureText(text.textContent!).width;
        const x = Number(text.getAttribute('x'));
        const y = Number(text.getAttribute('y'));
        return { left: x - width / 2, right: x + width / 2, top: y - 6, bottom: y + 6 };
      };
      const nodeBoxes = [...groups[0]!.querySelectorAll('text')].map(boxOf);
      for (const text of edgeTexts) {
        const box = boxOf(text);
        for (const other of nodeBoxes) {
          const overlaps = box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
          expect(overlaps, `${text.textContent} overlaps a node label`).to.equal(false);
        }
      }
    });

    it('shortens a long edge label in the middle', async () => {
      const graph = createPositionedGraph();
      const type = `isMemberOf${'Nested'.repeat(60)}Group`;
      graph.addNode('admin', { kind: 'user', label: 'admin', x: 0, y: 400 });
      graph.addNode('group', { kind: 'user', label: 'Domain Admins', x: 400, y: 400 });
      graph.addDirectedEdge('admin', 'group', { type, roles: [] });
      const element = await mountGraph({ graph });
      const root = parseSvg(await element.toSVG()).documentElement;

      const label = root.querySelector('g[font-size="10"] text')!.textContent!;
      expect(label.startsWith('is member of')).to.equal(true);
      expect(label.endsWith('group')).to.equal(true);
      expect(label).to.include('…');
      expect([...label].length).to.be.at.most(40);
      // The document keeps to the graph and its shortened labels: the full label alone would
      // be about 2,000 units wide.
      expect(Number(root.getAttribute('width'))).to.be.below(1000);
    });

    it('sizes each backing to the label text it writes', async () => {
      const graph = createPositionedGraph();
      graph.mergeNodeAttributes('device', { label: 'ws\u0001-\u0008\uD800-01' });
      graph.addNode('a', { kind: 'user', label: 'a', x: 0, y: 400 });
      graph.addNode('b', { kind: 'user', label: 'b', x: 400, y: 400 });
      graph.addDirectedEdge('a', 'b', { type: 'x\u0001y\nz', roles: [] });
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const texts = [...svg.querySelectorAll('text')];
      expect(texts.map((text) => text.textContent)).to.include.members(['ws\uFFFD-\uFFFD\uFFFD-01', 'x\uFFFDy z']);
      const backings = [...svg.querySelectorAll('rect[opacity]')];
      const context = document.createElement('canvas').getContext('2d')!;
      for (const [index, text] of texts.entries()) {
        context.font = `${text.parentElement!.getAttribute('font-size')}px ${readPalette(element).fontFamily}`;
        const width = context.measureText(text.textContent!).width;
        expect(Number(backings[index]!.getAttribute('width')), text.textContent!).to.be.at.least(width);
      }
    });

    it('shows a right-to-left override in a label', async () => {
      const graph = createPositionedGraph();
      graph.mergeNodeAttributes('file', { label: 'invoice\u202Efdp.exe' });
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const texts = [...svg.querySelectorAll('text')].map((text) => text.textContent);
      expect(texts).to.include('invoice\uFFFDfdp.exe');
      expect(texts.some((text) => text!.includes('\u202E'))).to.equal(false);
    });

    it('keeps each full edge label in a title of its edge', async () => {
      const graph = createPositionedGraph();
      graph.addNode('a', { kind: 'user', label: 'a', x: 0, y: 400 });
      graph.addNode('b', { kind: 'user', label: 'b', x: 400, y: 400 });
      graph.addDirectedEdge('a', 'b', { type: `isMemberOf${'Nested'.repeat(60)}Group`, roles: [] });
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const titles = [...svg.querySelectorAll('g[stroke-width] > title')].map((title) => title.textContent!);
      expect(titles).to.have.length(1);
      expect(titles[0]).to.equal(`is member of ${'nested '.repeat(60)}group`);
    });

    it('draws remediation badges and pins', async () => {
      const graph = createPositionedGraph();
      graph.mergeNodeAttributes('file', { remediationStatus: 'remediated' });
      graph.mergeNodeAttributes('user', { fixed: true });
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());
      const palette = readPalette(element);
      const canvasColor = (value: string): string => {
        const context = document.createElement('canvas').getContext('2d')!;
        context.fillStyle = value;
        return String(context.fillStyle);
      };
      const shapesOf = (label: string): Element => [...svg.querySelectorAll('g')].find((group) => group.querySelector(':scope > title')?.textContent === label)!;

      const badge = [...shapesOf('invoice.docm').querySelectorAll('circle')].filter((circle) => circle.getAttribute('r') === '6.5');
      expect(badge).to.have.length(1);
      expect(badge[0]!.getAttribute('fill')).to.equal(canvasColor(palette.remediated));
      const pin = [...shapesOf('jdoe').querySelectorAll('circle')].filter((circle) => circle.getAttribute('r') === '4');
      expect(pin).to.have.length(1);
      expect([...shapesOf('WS-01').querySelectorAll('circle')].some((circle) => ['4', '6.5'].includes(circle.getAttribute('r')!))).to.equal(false);
    });

    it('keeps a dimmed alert icon visible', async () => {
      const graph = createPositionedGraph();
      graph.addNode('mail', { kind: 'mailMessage', label: 'Invoice overdue', x: 400, y: 75 });
      const session = new IncidentSession();
      const element = await mountGraph({ graph, session });
      // The mail shares no edge with the alert, so selecting it dims the alert.
      session.select({ entityIds: ['mail'] });
      await nextFrames();
      expect(element.display.byId.get('alert-1')!.dimmed).to.equal(true);

      const svg = parseSvg(await element.toSVG());
      const iconFill = (label: string): string | null => {
        const group = [...svg.querySelectorAll('g')].find((candidate) => candidate.querySelector(':scope > title')?.textContent === label);
        return group!.querySelector('path')!.getAttribute('fill');
      };
      // A dimmed alert's faint fill is close to the background, so its icon takes the entity icon colour.
      expect(iconFill('Macro started PowerShell')).to.equal(iconFill('WS-01'));
      expect(iconFill('Macro started PowerShell')).to.not.equal(null);
    });

    it('sizes the document to the whole graph', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      element.camera = { x: 5000, y: 5000, k: 4 };
      const root = parseSvg(await element.toSVG()).documentElement;
      const bounds = exportBounds(element.display, readPalette(element).fontFamily);

      expect(root.getAttribute('width')).to.equal(String(bounds.width));
      expect(root.getAttribute('height')).to.equal(String(bounds.height));
      expect(root.getAttribute('viewBox')).to.equal(`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`);
      expect(bounds.x).to.be.below(0 - 16);
      expect(bounds.x + bounds.width).to.be.above(200 + 16);
      expect(bounds.y + bounds.height).to.be.above(150 + 16);
    });

    it('keeps self-loops inside the document', async () => {
      const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
      graph.addNode('process', { kind: 'process', label: 'rundll32.exe', x: 0, y: 0 });
      graph.addNode('device', { kind: 'device', label: 'WS-01', x: 200, y: 0 });
      for (const type of ['injectsInto', 'hollows', 'opensHandleTo']) graph.addDirectedEdge('process', 'process', { type, roles: [] });
      const element = await mountGraph({ graph });
      const root = parseSvg(await element.toSVG()).documentElement;
      const [x, y, width, height] = root.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];

      const node = element.display.byId.get('process')!;
      for (let loopIndex = 0; loopIndex < 3; loopIndex++) {
        const { centre, radius } = selfLoopShape(node, loopIndex);
        expect(centre.y - radius, `top of loop ${loopIndex}`).to.be.above(y);
        expect(centre.x - radius, `left of loop ${loopIndex}`).to.be.above(x);
        expect(centre.x + radius, `right of loop ${loopIndex}`).to.be.below(x + width);
        expect(centre.y + radius, `bottom of loop ${loopIndex}`).to.be.below(y + height);
      }

      // Each loop's type gets a line of its own, stacked above the outermost loop inside the document.
      const texts = [...parseSvg(await element.toSVG()).querySelectorAll('g[font-size="10"] text')];
      const top = selfLoopShape(node, 2);
      const lines = ['injectsInto', 'hollows', 'opensHandleTo'].map((type) => {
        const label = texts.find((text) => text.textContent === relationLabel(type));
        expect(label, `label ${type}`).to.exist;
        return Number(label!.getAttribute('y'));
      });
      for (const line of lines) expect(line).to.be.within(y, top.centre.y - top.radius);
      expect(lines[1]!, 'second line above the first').to.be.below(lines[0]! - 12);
      expect(lines[2]!, 'third line above the second').to.be.below(lines[1]! - 12);
    });

    it('keeps every full label in a title of its node group', async () => {
      const graph = createPositionedGraph();
      const long = `C:\\Users\\jdoe\\AppData\\Local\\Temp\\${'x'.repeat(80)}\\invoice-final.docm`;
      graph.setNodeAttribute('device', 'label', long);
      const element = await mountGraph({ graph });
      const svg = parseSvg(await element.toSVG());

      const titles = [...svg.querySelectorAll('g:not([stroke-width]) > title')].map((title) => title.textContent);
      expect(titles).to.include(long);
      for (const node of element.display.nodes) expect(titles).to.include(node.label);
      const drawn = [...svg.querySelectorAll('text')].map((text) => text.textContent);
      expect(drawn).to.not.include(long);
    });

    it('escapes a hostile label into text', async () => {
      const graph = createPositionedGraph();
      graph.setNodeAttribute('device', 'label', HOSTILE_LABEL);
      const element = await mountGraph({ graph });

      const text = await element.toSVG();
      expect(text).to.not.include('<script');
      expect(text).to.not.include('<img');
      const svg = parseSvg(text);

      expect(svg.querySelectorAll('script')).to.have.length(0);
      expect(svg.querySelectorAll('img')).to.have.length(0);
      expect(svg.querySelectorAll('foreignObject')).to.have.length(0);
      const label = [...svg.querySelectorAll('text')].find((node) => node.textContent!.startsWith('<script>'));
      // Labels longer than 24 characters lose their middle, as on the canvas.
      expect(label!.textContent).to.equal(middleEllipsis(HOSTILE_LABEL, 24));
    });

    it('has no handler attribute or external reference', async () => {
      const graph = createPositionedGraph();
      graph.setNodeAttribute('device', 'label', HOSTILE_LABEL);
      graph.setNodeAttribute('user', 'label', '" onload="alert(1)');
      graph.setAttribute('title', '</title><script>alert(2)</script>');
      const element = await mountGraph({ graph });
      element.style.setProperty('--il-incident-graph-edge-color', 'url(https://example.com/x.svg#p)');
      await nextFrames();

      const svg = parseSvg(await element.toSVG());
      const attributes = [...svg.querySelectorAll('*')].flatMap((node) => [...node.attributes]);

      expect(attributes.filter((attribute) => attribute.name.toLowerCase().startsWith('on'))).to.deep.equal([]);
      expect(attributes.filter((attribute) => /href|src/i.test(attribute.name))).to.deep.equal([]);
      const values = attributes.filter((attribute) => attribute.name !== 'xmlns').map((attribute) => attribute.value);
      expect(values.filter((value) => /url\(|https?:|javascript:/i.test(value))).to.deep.equal([]);
      expect(svg.querySelectorAll('script')).to.have.length(0);
      expect(svg.querySelector('title')!.textContent).to.equal('</title><script>alert(2)</script>');
    });

    it('replaces characters XML forbids', () => {
      expect(escapeXml('a\u0000b\u001Fc\uD800d')).to.equal('a\uFFFDb\uFFFDc\uFFFDd');
      expect(escapeXml(`&<>"'`)).to.equal('&amp;&lt;&gt;&quot;&apos;');
    });
  });

  describe('toPNG', () => {
    it('draws the whole graph at scale 1', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const bounds = exportBounds(element.display, readPalette(element).fontFamily);

      const blob = await element.toPNG();

      expect(blob.type).to.equal('image/png');
      expect(await imageSize(blob)).to.deep.equal({ width: bounds.width, height: bounds.height });
    });

    it('doubles the pixel size at scale 2', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const bounds = exportBounds(element.display, readPalette(element).fontFamily);

      const blob = await element.toPNG({ scale: 2 });

      expect(await imageSize(blob)).to.deep.equal({ width: bounds.width * 2, height: bounds.height * 2 });
    });

    it('does not depend on the camera', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      const before = await imageSize(await element.toPNG());
      element.camera = { x: -900, y: 700, k: 0.2 };

      expect(await imageSize(await element.toPNG())).to.deep.equal(before);
    });

    it('fills the background it is given', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });

      const context = await pngContext(await element.toPNG({ background: 'rgb(255, 0, 0)' }));

      expect([...context.getImageData(1, 1, 1, 1).data]).to.deep.equal([255, 0, 0, 255]);
    });

    it('keeps a label placed left inside', async () => {
      // Circles below and right of the alert push its long label to the left of it.
      const graph = createPositionedGraph();
      graph.clear();
      graph.addNode('alert-1', { kind: 'alert', label: 'Possible credential theft through an LSASS memory dump', severity: 'high', x: 0, y: 0 });
      graph.addNode('below', { kind: 'device', label: 'WS-01', x: 0, y: 40 });
      graph.addNode('right', { kind: 'user', label: 'jdoe', x: 60, y: 0 });
      const element = await mountGraph({ graph });
      const bounds = exportBounds(element.display, readPalette(element).fontFamily);

      const context = await pngContext(await element.toPNG({ background: 'rgb(0, 255, 0)' }));
      const isBackground = (data: Uint8ClampedArray, index: number): boolean =>
        data[index] === 0 && data[index + 1] === 255 && data[index + 2] === 0 && data[index + 3] === 255;

      // Only the label can reach 100 world units left of the alert's centre.
      const labelColumns = Math.round(-100 - bounds.x);
      expect(labelColumns, 'columns left of x = -100').to.be.greaterThan(4);
      const left = context.getImageData(0, 0, labelColumns, context.canvas.height).data;
      let drawn = 0;
      for (let index = 0; index < left.length; index += 4) if (!isBackground(left, index)) drawn += 1;
      expect(drawn, 'label pixels left of x = -100').to.be.greaterThan(0);

      const edge = context.getImageData(0, 0, 4, context.canvas.height).data;
      let clipped = 0;
      for (let index = 0; index < edge.length; index += 4) if (!isBackground(edge, index)) clipped += 1;
      expect(clipped, 'drawn pixels in the 4 leftmost columns').to.equal(0);
    });

    it('draws edge labels at zoom 1', async () => {
      // The canvas shows edge labels from a zoom of 1.5 on; the export draws them at its zoom of 1.
      const drawnAboveEdge = async (roles: string[]): Promise<number> => {
        const graph: IncidentGraph = new Graph(INCIDENT_GRAPH_OPTIONS);
        graph.addNode('alert-1', { kind: 'alert', label: 'Ransomware', severity: 'high', x: 0, y: 0 });
        graph.addNode('ip', { kind: 'ip', label: '203.0.113.7', x: 400, y: 0 });
        graph.addDirectedEdge('alert-1', 'ip', { type: 'evidence', roles });
        const element = await mountGraph({ graph });
        const context = await pngContext(await element.toPNG({ background: 'rgb(0, 255, 0)' }));
        const bounds = exportBounds(element.display, readPalette(element).fontFamily);

        // A band 60 units wide and 5 high, from 2 to 7 units above the straight edge's middle at
        // (200, 0): the edge's line stays below it, and the label's text reaches into it.
        const band = context.getImageData(170 - bounds.x, -7 - bounds.y, 60, 5).data;
        let drawn = 0;
        for (let index = 0; index < band.length; index += 4) {
          if (band[index] !== 0 || band[index + 1] !== 255 || band[index + 2] !== 0) drawn += 1;
        }
        return drawn;
      };

      expect(await drawnAboveEdge([]), 'pixels drawn above an edge without a label').to.equal(0);
      expect(await drawnAboveEdge(['attacker']), 'pixels drawn above an edge labelled attacker').to.be.greaterThan(10);
    });

    it('rejects an invalid scale', async () => {
      const element = await mountGraph({ graph: createPositionedGraph() });
      for (const scale of [0, -1, Number.NaN, 1000]) {
        let error: unknown;
        try {
          await element.toPNG({ scale });
        } catch (caught) {
          error = caught;
        }
        expect(error, `scale ${scale}`).to.be.instanceOf(RangeError);
      }
    });
  });
});
