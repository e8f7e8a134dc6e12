import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { EntityFlyout } from '../../src/components/entity-flyout/entity-flyout.js';
import * as stories from '../../stories/entity-flyout.stories.js';

type StoryName = keyof typeof stories;

/** Renders a story of the flyout with the default arguments. */
async function renderStory(name: StoryName): Promise<EntityFlyout> {
  const story = stories[name] as { render: (args: { width: number }, context: unknown) => TemplateResult };
  const el = await fixture<EntityFlyout>(story.render({ width: 380 }, {}));
  return el;
}

/** The state each action story must reach, as a selector inside the flyout. */
const EXPECTED: Array<[StoryName, string]> = [
  ['ActionsIdle', 'li[data-action-id="isolate"][data-phase="idle"]'],
  ['ActionsLoading', '[part~="actions"] p[role="status"]'],
  ['ActionsUnavailable', '[part~="actions"] .text-button'],
  ['ActionConfirming', 'li[data-action-id="isolate"][data-phase="confirming"]'],
  ['ActionRunning', 'li[data-action-id="av-scan"][data-phase="running"]'],
  ['ActionSucceeded', 'li[data-action-id="av-scan"][data-phase="succeeded"]'],
  ['ActionFailed', 'li[data-action-id="collect-package"][data-phase="failed"]'],
  ['PendingApproval', 'li[data-pending-action-id] button[data-decision="approve"]'],
  ['Approving', 'li[data-pending-action-id][data-phase="deciding"]'],
  ['Approved', 'li[data-pending-action-id][data-phase="decided"]'],
  ['Rejected', 'li[data-pending-action-id][data-phase="decided"]'],
  ['ApprovalFailed', 'li[data-pending-action-id][data-phase="failed"]'],
];

describe('<il-entity-flyout> action stories', () => {
  for (const [name, selector] of EXPECTED) {
    it(`${name} reaches its state and passes axe`, async () => {
      const el = await renderStory(name);
      await waitUntil(() => el.shadowRoot!.querySelector(selector), `${name} never matched ${selector}`);
      await expect(el).to.be.accessible();
    });
  }
});
