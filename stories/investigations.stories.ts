import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/investigations/define.js';
import type { IncidentDataAdapter } from '../src/adapter/adapter.js';
import { listSessionOfSize, listStoryAdapter, type ListIncidentSize } from './incident-lists-data.js';

interface InvestigationArgs {
  size: ListIncidentSize;
}

const meta: Meta<InvestigationArgs> = {
  title: 'Elements/il-investigations',
  component: 'il-investigations',
  tags: ['autodocs'],
  args: { size: 'typical' },
  argTypes: { size: { control: 'inline-radio', options: ['small', 'typical', 'large'] } },
  render: ({ size }) => {
    const session = listSessionOfSize(size);
    return html`<il-investigations .session=${session} .adapter=${listStoryAdapter(session.snapshot!)}></il-investigations>`;
  },
};

export default meta;

type Story = StoryObj<InvestigationArgs>;

/** The hand-written incident's two investigations. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample: one investigation waiting for approval, one remediated. */
export const Typical: Story = {};

/** A generated incident of 3,000 entities, whose first investigation waits on 40 actions. */
export const Large: Story = { args: { size: 'large' } };

/** Without `listInvestigations`: the snapshot's investigations, with no name and no history. */
export const FromSnapshot: Story = {
  render: () => {
    const session = listSessionOfSize('typical');
    const { listInvestigations: _unused, ...adapter } = listStoryAdapter(session.snapshot!);
    return html`<il-investigations .session=${session} .adapter=${adapter as IncidentDataAdapter}></il-investigations>`;
  },
};

/** The adapter failed to list the investigations. */
export const LoadError: Story = {
  render: () => {
    const session = listSessionOfSize('typical');
    const adapter: IncidentDataAdapter = {
      ...listStoryAdapter(session.snapshot!),
      listInvestigations: async () => {
        throw new Error('The service returned HTTP 403: the account may not read investigations.');
      },
    };
    return html`<il-investigations .session=${session} .adapter=${adapter}></il-investigations>`;
  },
};
