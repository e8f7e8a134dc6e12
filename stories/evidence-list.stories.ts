import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/evidence-list/define.js';
import type { EvidenceShow } from '../src/components/evidence-list/evidence-list.js';
import { listSessionOfSize, listStoryAdapter, type ListIncidentSize } from './incident-lists-data.js';

interface EvidenceArgs {
  size: ListIncidentSize;
  show: EvidenceShow;
  search: string;
}

function render({ size, show, search }: EvidenceArgs, options: { failing?: boolean } = {}) {
  const session = listSessionOfSize(size);
  const adapter = listStoryAdapter(session.snapshot!, options);
  return html`<il-evidence-list .session=${session} .adapter=${adapter} show=${show} search=${search}></il-evidence-list>`;
}

const meta: Meta<EvidenceArgs> = {
  title: 'Elements/il-evidence-list',
  component: 'il-evidence-list',
  tags: ['autodocs'],
  args: { size: 'typical', show: 'all', search: '' },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'typical', 'large'] },
    show: { control: 'select', options: ['all', 'pendingApproval', 'malicious', 'unremediated', 'remediated'] },
  },
  render: (args) => render(args),
};

export default meta;

type Story = StoryObj<EvidenceArgs>;

/** The hand-written incident, with a pending action on its first entity. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample with pending actions: approve or reject them in place. */
export const Typical: Story = {};

/** A generated incident of 3,000 entities, 100 rows at a time. */
export const Large: Story = { args: { size: 'large' } };

/** Only the entities waiting for approval. */
export const PendingApproval: Story = { args: { show: 'pendingApproval' } };

/** Every decision fails, to show the message in place. */
export const FailingDecisions: Story = { args: { show: 'pendingApproval' }, render: (args) => render(args, { failing: true }) };

/** Rows narrowed by a search text. */
export const Searched: Story = { args: { size: 'large', search: 'device' } };
