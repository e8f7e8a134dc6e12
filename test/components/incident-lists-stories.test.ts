import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as assetStories from '../../stories/asset-list.stories.js';
import * as evidenceStories from '../../stories/evidence-list.stories.js';
import * as filterStories from '../../stories/incident-filters.stories.js';
import * as investigationStories from '../../stories/investigations.stories.js';

interface StoryModule {
  default: { args?: Record<string, unknown>; render?: (args: never, context: unknown) => TemplateResult };
  [name: string]: unknown;
}

interface StoryObject {
  args?: Record<string, unknown>;
  render?: (args: never, context: unknown) => TemplateResult;
}

/** Renders a story with the meta's arguments and its own, as Storybook does. */
async function renderStory(module: StoryModule, name: string): Promise<HTMLElement> {
  const story = module[name] as StoryObject;
  const args = { ...module.default.args, ...story.args };
  const render = story.render ?? module.default.render!;
  return fixture<HTMLElement>(render(args as never, {}));
}

/** The element each story shows, and a selector that appears in its shadow root once it has content. */
const CASES: Array<[string, StoryModule, string, string]> = [
  ['asset-list', assetStories as unknown as StoryModule, 'il-asset-list', 'tbody tr'],
  ['evidence-list', evidenceStories as unknown as StoryModule, 'il-evidence-list', '.toolbar'],
  ['investigations', investigationStories as unknown as StoryModule, 'il-investigations', '[part~="details"], p.hint'],
  ['incident-filters', filterStories as unknown as StoryModule, 'il-incident-filters', 'details.facet'],
];

describe('incident list stories', () => {
  for (const [file, module, tag, selector] of CASES) {
    const names = Object.keys(module).filter((name) => name !== 'default');
    for (const name of names) {
      it(`${file} ${name} renders${name === 'Large' ? '' : ' and passes axe'}`, async () => {
        const root = await renderStory(module, name);
        const el = root.localName === tag ? root : root.querySelector<HTMLElement>(tag)!;
        expect(el, `${name} has no <${tag}>`).to.not.equal(null);
        await waitUntil(() => el.shadowRoot?.querySelector(selector), `${name} never showed ${selector}`, { timeout: 5000 });
        // Axe over thousands of rows takes longer than a test may; the small and typical sizes cover the same markup.
        if (name !== 'Large') await expect(el).to.be.accessible();
      });
    }
  }
});
