import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/incident-graph/define.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import { EdgeTable, moveNodes, type NodeView } from '../../src/components/incident-graph/display-model.js';
import type { IncidentGraph } from '../../src/model/graph-types.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { generateIncidentGraph, griddedIncidentGraph } from '../fixtures/generated-incident.js';
import { sendKeys } from '@web/test-runner-commands';
import { HEIGHT, nextFrames, WIDTH } from './incident-graph-helpers.js';

async function mountEmpty(): Promise<IncidentGraphElement> {
  return fixture<IncidentGraphElement>(html`
    <il-incident-graph style=${styleProperties({ width: `${WIDTH}px`, height: `${HEIGHT}px` })}></il-incident-graph>
  `);
}

/** Returns a generated graph of about `nodeCount` nodes, laid out on a grid so no layout runs. */
function griddedGraph(nodeCount: number): IncidentGraph {
  return griddedIncidentGraph(Math.round(nodeCount / 1.1));
}

function activeOption(element: IncidentGraphElement): Element | null {
  const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
  const id = listbox.getAttribute('aria-activedescendant');
  return id === null ? null : element.shadowRoot!.getElementById(id);
}

function nextProgress(element: IncidentGraphElement): Promise<void> {
  return new Promise((resolve) => element.addEventListener('il-layout-progress', () => resolve(), { once: true }));
}

describe('il-incident-graph performance', () => {
  describe('layout progress', () => {
    it('moves node views in place', async function () {
      this.timeout(60_000);
      const graph = generateIncidentGraph({ entityCount: 1000 });
      const element = await mountEmpty();

      element.graph = graph;
      await nextProgress(element);
      // The display model of the live positions may take a few frames to build in slices.
      while (element.display.nodes.length === 0 && element.layoutRunning) await nextFrames();
      const nodes = element.display.nodes;
      const sample = nodes.find((node) => !node.group)!;
      const before = { x: sample.x, y: sample.y };
      await element.layoutSettled;
      await nextFrames();

      expect(element.display.nodes).to.equal(nodes);
      expect(element.display.byId.get(sample.id)).to.equal(sample);
      const { x, y } = graph.getNodeAttributes(sample.id);
      expect([sample.x, sample.y]).to.deep.equal([x, y]);
      expect([sample.x, sample.y]).not.to.deep.equal([before.x, before.y]);
    });

    it('centres a group on its members', () => {
      const node = (id: string, x: number, y: number, group?: NodeView['group']): NodeView => ({
        id, kind: 'file', label: id, alert: false, verdict: undefined, remediationStatus: undefined, severity: undefined,
        ghost: false, firstSeen: undefined, x, y, radius: 10, selected: false, dimmed: false, group,
      });
      const alert = node('alert-1', 0, 0);
      const group = node('group:alert-1:file', 0, 0, { alertKey: 'alert-1', memberIds: ['a', 'b', 'c'], visibleIds: ['a', 'b'], countLabel: '2' });
      const display = { nodes: [alert, group], edges: EdgeTable.empty(), byId: new Map([[alert.id, alert], [group.id, group]]), alertCount: 1, entityCount: 1 };
      const positions = new Map([['alert-1', { x: 5, y: 6 }], ['a', { x: 0, y: 0 }], ['b', { x: 10, y: 20 }], ['c', { x: 20, y: 40 }]]);

      const moved = moveNodes(display, (id) => positions.get(id));

      expect(moved).not.to.equal(display);
      expect(moved.nodes).to.equal(display.nodes);
      expect([alert.x, alert.y]).to.deep.equal([5, 6]);
      expect([group.x, group.y]).to.deep.equal([10, 20]);
    });

    it('rebuilds on a selection change', async function () {
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

  describe('listbox of a big graph', () => {
    let element: IncidentGraphElement;

    beforeEach(async function () {
      this.timeout(60_000);
      element = await mountEmpty();
      element.groupThreshold = 0;
      element.graph = griddedGraph(5000);
      await element.layoutSettled;
      await element.rendered;
      await element.updateComplete;
    });

    it('renders a window of options', () => {
      const options = element.shadowRoot!.querySelectorAll('[role="option"]');

      expect(element.display.nodes.length).to.be.greaterThan(4900);
      expect(options.length).to.be.greaterThan(0);
      expect(options.length).to.be.lessThan(100);
    });

    it('gives each option its place in the whole list', () => {
      const count = element.display.nodes.length;
      const options = [...element.shadowRoot!.querySelectorAll('[role="option"]')];

      options.forEach((option, index) => {
        expect(option.getAttribute('aria-setsize')).to.equal(String(count));
        expect(option.getAttribute('aria-posinset')).to.equal(String(index + 1));
      });
    });

    it('follows the active node across the list', async () => {
      const count = element.display.nodes.length;
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();

      await sendKeys({ press: 'End' });
      await element.updateComplete;
      const last = activeOption(element);
      expect(last, 'the last option').to.exist;
      expect(last!.getAttribute('aria-posinset')).to.equal(String(count));
      expect(last!.getAttribute('aria-setsize')).to.equal(String(count));
      expect(last!.textContent).to.contain(element.display.nodes[count - 1]!.label);

      await sendKeys({ press: 'ArrowLeft' });
      await element.updateComplete;
      const moved = activeOption(element);
      expect(moved, 'the option after a move').to.exist;
      expect(moved).not.to.equal(last);

      await sendKeys({ press: 'Home' });
      await element.updateComplete;
      expect(activeOption(element)!.getAttribute('aria-posinset')).to.equal('1');
      expect(element.shadowRoot!.querySelectorAll('[role="option"]').length).to.be.lessThan(100);
    });

    it('passes the accessibility audit', async function () {
      this.timeout(30_000);
      await expect(element).to.be.accessible();
    });
  });
});
