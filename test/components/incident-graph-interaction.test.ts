import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { IncidentSession } from '../../src/session/session.js';
import { createFixtureGraph, createFixtureSnapshot } from '../fixtures/graph-snapshot.js';
import {
  clickAt,
  HEIGHT,
  mountGraph,
  nextFrames,
  pagePosition,
  recordSelectionEvents,
  WIDTH,
} from './incident-graph-helpers.js';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';

/** Returns a page position inside the element that no node covers. */
function emptyPagePosition(element: IncidentGraphElement): [number, number] {
  const rect = element.getBoundingClientRect();
  for (let y = 4; y < HEIGHT; y += 12) {
    for (let x = 4; x < WIDTH; x += 12) {
      if (!element.nodeAt({ x, y })) return [Math.round(rect.left + x), Math.round(rect.top + y)];
    }
  }
  throw new Error('No empty point found in the graph.');
}

function activeOptionText(element: IncidentGraphElement): string | null | undefined {
  const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
  const id = listbox.getAttribute('aria-activedescendant');
  return id === null ? undefined : element.shadowRoot!.getElementById(id)?.textContent;
}

describe('<il-incident-graph> interaction', () => {
  describe('pointer', () => {
    it('selects an entity on click', async () => {
      const session = new IncidentSession();
      session.setSnapshot(createFixtureSnapshot());
      const element = await mountGraph({ session });
      const events = recordSelectionEvents(element);

      await clickAt(pagePosition(element, 'process-powershell'));

      expect(events).to.deep.equal([{ entityIds: ['process-powershell'], alertIds: [] }]);
      expect(session.selection).to.deep.equal({ entityIds: ['process-powershell'], alertIds: [] });
    });

    it('selects an alert on click', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const events = recordSelectionEvents(element);

      await clickAt(pagePosition(element, 'alert-c2'));

      expect(events).to.deep.equal([{ entityIds: [], alertIds: ['alert-c2'] }]);
      await nextFrames();
      expect(element.display.byId.get('alert-c2')!.selected).to.be.true;
    });

    it('adds to the selection on shift-click', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const events = recordSelectionEvents(element);

      await clickAt(pagePosition(element, 'ip-c2'));
      await clickAt(pagePosition(element, 'alert-c2'), { shift: true });
      await clickAt(pagePosition(element, 'dns-c2'), { shift: true });
      await clickAt(pagePosition(element, 'ip-c2'), { shift: true });

      expect(events).to.deep.equal([
        { entityIds: ['ip-c2'], alertIds: [] },
        { entityIds: ['ip-c2'], alertIds: ['alert-c2'] },
        { entityIds: ['ip-c2', 'dns-c2'], alertIds: ['alert-c2'] },
        { entityIds: ['dns-c2'], alertIds: ['alert-c2'] },
      ]);
    });

    it('clears the selection on empty space', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      await clickAt(pagePosition(element, 'ip-c2'));
      const events = recordSelectionEvents(element);

      await clickAt(emptyPagePosition(element));

      expect(events).to.deep.equal([{ entityIds: [], alertIds: [] }]);
      await nextFrames();
      expect(element.display.nodes.some((node) => node.selected)).to.be.false;
    });

    it('fires nothing for a click that changes nothing', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const events = recordSelectionEvents(element);
      await clickAt(emptyPagePosition(element));
      expect(events).to.deep.equal([]);
    });

    it('shows a tooltip on hover', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const { sendMouse } = await import('@web/test-runner-commands');
      await sendMouse({ type: 'move', position: pagePosition(element, 'device-ws042') });
      await element.updateComplete;

      const tooltip = element.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tooltip.hidden).to.be.false;
      expect(tooltip.textContent).to.equal('Device · WS-FIN-042 · Malicious');

      await sendMouse({ type: 'move', position: emptyPagePosition(element) });
      await element.updateComplete;
      expect(tooltip.hidden).to.be.true;
    });
  });

  describe('keyboard', () => {
    it('makes the first node active on focus', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
      await element.updateComplete;
      expect(activeOptionText(element)).to.equal('Alert: Suspicious macro started PowerShell. High.');
    });

    it('moves the active node with arrow keys', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
      await element.updateComplete;
      const start = element.display.nodes[0]!;

      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;

      const listbox = element.shadowRoot!.querySelector('[role="listbox"]')!;
      const activeId = listbox.getAttribute('aria-activedescendant')!;
      const activeIndex = Number(activeId.replace('node-', ''));
      const active = element.display.nodes[activeIndex]!;
      expect(active.id).to.not.equal(start.id);
      expect(active.x).to.be.greaterThan(start.x);
      expect(Math.abs(active.y - start.y)).to.be.at.most(active.x - start.x);
    });

    it('goes to the first and last node with Home and End', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();

      await sendKeys({ press: 'End' });
      await element.updateComplete;
      expect(activeOptionText(element)).to.equal('IP address: 203.0.113.45. Malicious. Blocked.');

      await sendKeys({ press: 'Home' });
      await element.updateComplete;
      expect(activeOptionText(element)).to.equal('Alert: Suspicious macro started PowerShell. High.');
    });

    it('selects the active node with Enter', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const events = recordSelectionEvents(element);
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();

      await sendKeys({ press: 'Enter' });
      await element.updateComplete;

      expect(events).to.deep.equal([{ entityIds: [], alertIds: ['alert-macro'] }]);
      const option = element.shadowRoot!.getElementById('node-0')!;
      expect(option.getAttribute('aria-selected')).to.equal('true');
    });

    it('adds with Shift+Space and clears with Escape', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      const events = recordSelectionEvents(element);
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();

      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'End' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Escape' });

      expect(events).to.deep.equal([
        { entityIds: [], alertIds: ['alert-macro'] },
        { entityIds: ['ip-c2'], alertIds: ['alert-macro'] },
        { entityIds: [], alertIds: [] },
      ]);
    });

    it('zooms with plus and minus and fits with 0', async () => {
      const element = await mountGraph({ graph: createFixtureGraph() });
      element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.focus();
      const fitted = element.camera;

      await sendKeys({ press: '+' });
      expect(element.camera.k).to.be.closeTo(fitted.k * 1.25, 1e-9);
      await sendKeys({ press: '-' });
      await sendKeys({ press: '-' });
      expect(element.camera.k).to.be.closeTo(fitted.k / 1.25, 1e-9);

      await sendKeys({ press: '0' });
      await nextFrames();
      expect(element.camera.k).to.be.closeTo(fitted.k, 1e-9);
      expect(element.camera.x).to.be.closeTo(fitted.x, 1e-6);
    });
  });
});
