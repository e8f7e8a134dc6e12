import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { moveNodes, type NodeView } from '../../src/components/incident-graph/display-model.js';
import { generateIncidentGraph } from '../fixtures/generated-incident.js';
import { HEIGHT, nextFrames, WIDTH } from './incident-graph-helpers.js';

async function mountEmpty(): Promise<IncidentGraphElement> {
  return fixture<IncidentGraphElement>(html`
    <il-incident-graph style=${`width: ${WIDTH}px; height: ${HEIGHT}px`}></il-incident-graph>
  `);
}

function nextProgress(element: IncidentGraphElement): Promise<void> {
  return new Promise((resolve) => element.addEventListener('il-layout-progress', () => resolve(), { once: true }));
}

describe('il-incident-graph performance', () => {
  describe('layout progress', () => {
    it('moves the node views in place instead of rebuilding them', async function () {
      this.timeout(60_000);
      const graph = generateIncidentGraph({ entityCount: 1000 });
      const element = await mountEmpty();

      element.graph = graph;
      await nextProgress(element);
      await nextFrames();
      const nodes = element.display.nodes;
      const sample = nodes.find((node) => !node.group)!;
      const before = { x: sample.x, y: sample.y };
      await nextProgress(element);
      await nextFrames();

      expect(element.display.nodes).to.equal(nodes);
      expect(element.display.byId.get(sample.id)).to.equal(sample);
      expect([sample.x, sample.y]).not.to.deep.equal([before.x, before.y]);

      await element.layoutSettled;
      await nextFrames();
      expect(element.display.nodes).to.equal(nodes);
      const { x, y } = graph.getNodeAttributes(sample.id);
      expect([sample.x, sample.y]).to.deep.equal([x, y]);
    });

    it('places a group node at the centroid of its members as they move', () => {
      const node = (id: string, x: number, y: number, group?: NodeView['group']): NodeView => ({
        id, kind: 'file', label: id, alert: false, verdict: undefined, remediationStatus: undefined, severity: undefined,
        ghost: false, firstSeen: undefined, x, y, radius: 10, selected: false, dimmed: false, group,
      });
      const alert = node('alert-1', 0, 0);
      const group = node('group:alert-1:file', 0, 0, { alertKey: 'alert-1', memberIds: ['a', 'b', 'c'], visibleIds: ['a', 'b'] });
      const display = { nodes: [alert, group], edges: [], byId: new Map([[alert.id, alert], [group.id, group]]), alertCount: 1, entityCount: 1 };
      const positions = new Map([['alert-1', { x: 5, y: 6 }], ['a', { x: 0, y: 0 }], ['b', { x: 10, y: 20 }], ['c', { x: 20, y: 40 }]]);

      const moved = moveNodes(display, (id) => positions.get(id));

      expect(moved).not.to.equal(display);
      expect(moved.nodes).to.equal(display.nodes);
      expect([alert.x, alert.y]).to.deep.equal([5, 6]);
      expect([group.x, group.y]).to.deep.equal([10, 20]);
    });

    it('rebuilds the display model when the selection changes', async function () {
      this.timeout(60_000);
      const graph = generateIncidentGraph({ entityCount: 1000 });
      const element = await mountEmpty();
      element.graph = graph;
      await element.layoutSettled;
      await element.rendered;
      const nodes = element.display.nodes;

      element.selectByUser(nodes[0]!.id, false);
      await nextFrames();

      expect(element.display.nodes).not.to.equal(nodes);
      expect(element.display.nodes[0]!.selected).to.be.true;
    });
  });
});
