import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { AlertTimeline } from '../../src/components/alert-timeline/alert-timeline.js';
import { styleProperties } from '../../src/components/shared/style-properties.js';
import { TIMELINE_START } from '../fixtures/timeline-snapshot.js';
import * as stories from '../../stories/alert-timeline.stories.js';

type StoryName = Exclude<keyof typeof stories, 'default'>;
type Render = (args: unknown, context: unknown) => TemplateResult;

/** Renders a story with the default arguments of the stories file, in a fixed width. */
async function renderStory(name: StoryName): Promise<AlertTimeline> {
  const meta = stories.default as { args: unknown; render: Render };
  const story = stories[name] as { render?: Render };
  const render = story.render ?? meta.render;
  const wrapper = await fixture<HTMLElement>(
    // The wrapper fixes the width, so clusters and ticks are the same on every machine.
    html`<div style=${styleProperties({ width: '900px' })}>${render(meta.args, {})}</div>`,
  );
  const element = wrapper.querySelector('il-alert-timeline')!;
  await element.updateComplete;
  return element;
}

function shadow(element: AlertTimeline): ShadowRoot {
  return element.shadowRoot!;
}

describe('<il-alert-timeline> stories', () => {
  it('EmptyIncident shows a message', async () => {
    const element = await renderStory('EmptyIncident');
    expect(shadow(element).querySelector('[part~="message"]')?.textContent).to.equal('This incident has no alerts.');
    await expect(element).to.be.accessible();
  });

  it('OneAlert shows one marker with a span', async () => {
    const element = await renderStory('OneAlert');
    expect(shadow(element).querySelectorAll('button.marker')).to.have.length(1);
    expect(shadow(element).querySelectorAll('[part~="span"]')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('DenseBurst aggregates into clusters', async () => {
    const element = await renderStory('DenseBurst');
    await waitUntil(() => shadow(element).querySelector('button.cluster'), 'no cluster in DenseBurst');
    await expect(element).to.be.accessible();
  });

  it('MultiDayIncident labels days', async () => {
    const element = await renderStory('MultiDayIncident');
    const labels = [...shadow(element).querySelectorAll('.tick')].map((tick) => tick.textContent ?? '');

    expect(shadow(element).querySelectorAll('button.marker')).to.have.length(9);
    expect(labels.filter((label) => /Mar 1[2-6]/.test(label)).length, labels.join(' | ')).to.be.at.least(2);
    await expect(element).to.be.accessible();
  });

  it('Playing moves the time cursor', async () => {
    const element = await renderStory('Playing');
    const session = element.session!;

    expect(session.playing).to.be.true;
    await waitUntil(() => session.time! > TIMELINE_START, 'the time cursor never moved');
    expect(element.loop).to.be.true;
  });

  it('RangeSelected shows the band and readout', async () => {
    const element = await renderStory('RangeSelected');
    expect(shadow(element).querySelector('[part~="range"]')).to.not.equal(null);
    expect(shadow(element).querySelector('[part~="range-readout"]')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('every story renders the element', async () => {
    const names = Object.keys(stories).filter((name): name is StoryName => name !== 'default');
    for (const name of names) {
      const element = await renderStory(name);
      expect(shadow(element).querySelector('[role="group"]'), name).to.not.equal(null);
    }
  });
});
