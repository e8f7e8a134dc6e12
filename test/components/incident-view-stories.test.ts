import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as queueStories from '../../stories/alert-queue.stories.js';
import * as summaryStories from '../../stories/incident-summary.stories.js';
import * as tabStories from '../../stories/incident-view-tabs.stories.js';

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
    it(`il-incident-view ${name} opens its tab`, async () => {
      const module = tabStories as unknown as StoryModule;
      const element = await renderStory(module, name);
      const view = element as HTMLElement & { loaded: Promise<void>; tab: string };
      await view.loaded;
      const expected = ((module[name] as Story).args?.tab as string | undefined) ?? (name === 'FromFragment' ? 'alerts' : 'story');
      expect(view.tab).to.equal(expected);
      expect(view.shadowRoot!.querySelector(`[role="tabpanel"]#panel-${expected}`)).to.not.equal(null);
    });
  }
});
