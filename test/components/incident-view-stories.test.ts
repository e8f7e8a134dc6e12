import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { IncidentGraphElement } from '../../src/components/incident-graph/incident-graph.js';
import * as queueStories from '../../stories/alert-queue.stories.js';
import * as summaryStories from '../../stories/incident-summary.stories.js';
import * as tabStories from '../../stories/incident-view-tabs.stories.js';
import * as viewStories from '../../stories/incident-view.stories.js';

interface StoryModule {
  default: { args?: Record<string, unknown>; render?: StoryRender };
  [name: string]: unknown;
}

type StoryRender = (args: Record<string, unknown>, context: unknown) => TemplateResult | HTMLElement;

interface Story {
  args?: Record<string, unknown>;
  render?: StoryRender;
}

/** Renders a story with its meta's arguments and render function where it has none of its own. */
async function renderStory(module: StoryModule, name: string): Promise<HTMLElement> {
  const story = module[name] as Story;
  const render = story.render ?? module.default.render!;
  const result = render({ ...module.default.args, ...story.args }, {});
  return fixture<HTMLElement>(result instanceof HTMLElement ? html`${result}` : result);
}

function storyNames(module: StoryModule): string[] {
  return Object.keys(module).filter((name) => name !== 'default' && name !== '__namedExportsOrder');
}

/** Waits until the element's shadow root has its loaded content, not a status message. */
async function waitForContent(element: HTMLElement, selector: string): Promise<void> {
  await waitUntil(() => element.shadowRoot?.querySelector(selector), `${element.localName} never rendered ${selector}`, { timeout: 8000 });
}

describe('incident page stories', () => {
  afterEach(() => fixtureCleanup());

  for (const name of storyNames(summaryStories as unknown as StoryModule)) {
    it(`il-incident-summary ${name} renders and passes axe`, async () => {
      const element = await renderStory(summaryStories as unknown as StoryModule, name);
      await waitForContent(element, name === 'Empty' ? '[part="status"]' : '[part~="categories"]');
      await expect(element).to.be.accessible();
    });
  }

  for (const name of storyNames(queueStories as unknown as StoryModule)) {
    it(`il-alert-queue ${name} renders and passes axe`, async () => {
      const element = await renderStory(queueStories as unknown as StoryModule, name);
      await waitForContent(element, '[part="table"]');
      await expect(element).to.be.accessible();
    });
  }

  for (const name of storyNames(tabStories as unknown as StoryModule)) {
    it(`il-incident-view ${name} shows its tab`, async () => {
      const module = tabStories as unknown as StoryModule;
      const element = await renderStory(module, name);
      const view = element as HTMLElement & { loaded: Promise<void>; tab: string };
      await view.loaded;
      const expected = ((module[name] as Story).args?.tab as string | undefined) ?? (name === 'FromFragment' ? 'alerts' : 'story');
      expect(view.tab).to.equal(expected);
      expect(view.shadowRoot!.querySelector(`[role="tabpanel"]#panel-${expected}`)).to.not.equal(null);
      await expectTabContent(view, expected);
      // Axe over the large incident's thousands of rows takes longer than a test may.
      if (!name.endsWith('Large')) await expect(view).to.be.accessible();
    });
  }

  it('il-incident-view SeveralSelected lists the selection', async () => {
    const view = (await renderStory(viewStories as unknown as StoryModule, 'SeveralSelected')) as HTMLElement & { loaded: Promise<void> };
    await view.loaded;
    const selection = view.shadowRoot!.querySelector<HTMLElement>('[part="selection"]');
    expect(selection, 'the selection pane').to.not.equal(null);
    expect(selection!.querySelectorAll('li')).to.have.length(3);
    await expect(view).to.be.accessible();
  });

  it('il-incident-view NarrowInPage makes its graph cooperative', async () => {
    const view = (await renderStory(viewStories as unknown as StoryModule, 'NarrowInPage')) as HTMLElement & { loaded: Promise<void> };
    await view.loaded;
    const graph = view.shadowRoot!.querySelector<IncidentGraphElement>('il-incident-graph')!;
    await waitUntil(() => graph.getAttribute('gesture-handling') === 'cooperative', 'the narrow view never made its graph cooperative');
    expect(view.getBoundingClientRect().width).to.equal(390);
  });
});

/** Checks that the open tab shows the incident: its alerts, rows, investigations or graph nodes. */
async function expectTabContent(view: HTMLElement, tab: string): Promise<void> {
  const root = view.shadowRoot!;
  const graph = root.querySelector<IncidentGraphElement>('il-incident-graph')!;
  const snapshot = graph.session!.snapshot!;
  const panel = root.querySelector<HTMLElement>(`#panel-${tab}`)!;
  const inner = (tag: string): HTMLElement & { updateComplete: Promise<unknown> } => {
    const element = panel.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(tag);
    expect(element, `${tag} in the ${tab} tab`).to.not.equal(null);
    return element!;
  };

  if (tab === 'story') {
    const drawn = graph.display.nodes.flatMap((node) => (node.group ? node.group.memberIds : [node.id]));
    expect(drawn.length, 'nodes drawn').to.equal(graph.session!.graph!.order);
    return;
  }

  const tags: Record<string, string> = {
    summary: 'il-incident-summary',
    alerts: 'il-alert-queue',
    assets: 'il-asset-list',
    investigations: 'il-investigations',
    evidence: 'il-evidence-list',
  };
  const element = inner(tags[tab]!);
  await element.updateComplete;
  const shadow = element.shadowRoot!;

  if (tab === 'summary') {
    const heading = shadow.querySelector('#alerts-heading')!.textContent!;
    expect(heading).to.contain(String(snapshot.alerts.length));
  } else if (tab === 'alerts') {
    // A story may restore a time window, and the queue lists only the alerts that start in it.
    const range = graph.session!.range;
    const inWindow = snapshot.alerts.filter((alert) => {
      const time = alert.firstActivityTime;
      return !range || time === undefined || (time >= range.start && time <= range.end);
    });
    expect(shadow.querySelectorAll('tbody tr').length).to.equal(Math.min(inWindow.length, 200));
  } else if (tab === 'assets') {
    expect(shadow.querySelectorAll('tbody tr').length).to.be.greaterThan(0);
  } else if (tab === 'investigations') {
    await waitUntil(() => shadow.querySelector('[part~="history"] li'), 'the investigations never loaded', { timeout: 8000 });
    expect(shadow.querySelectorAll('[part~="investigation-button"]').length).to.equal(snapshot.investigations!.length);
  } else if (tab === 'evidence') {
    expect(shadow.querySelectorAll('tbody tr').length).to.equal(Math.min(snapshot.entities.length, 100));
    expect(shadow.querySelector('.decision-button'), 'approve and reject buttons').to.not.equal(null);
  }
}
