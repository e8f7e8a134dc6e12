import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/asset-list/define.js';
import type { AssetCategory } from '../src/components/asset-list/asset-columns.js';
import { entityKindsSnapshot } from '../test/fixtures/entity-kinds-snapshot.js';
import { IncidentSession } from '../src/session/session.js';
import { listSessionOfSize, listStoryAdapter, type ListIncidentSize } from './incident-lists-data.js';

interface AssetArgs {
  size: ListIncidentSize;
  category: AssetCategory | '';
}

function render({ size, category }: AssetArgs, options: { failing?: boolean } = {}) {
  const session = listSessionOfSize(size);
  const adapter = listStoryAdapter(session.snapshot!, options);
  return html`<il-asset-list .session=${session} .adapter=${adapter} category=${category || ''}></il-asset-list>`;
}

const meta: Meta<AssetArgs> = {
  title: 'Elements/il-asset-list',
  component: 'il-asset-list',
  tags: ['autodocs'],
  args: { size: 'typical', category: '' },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'typical', 'large'] },
    category: { control: 'select', options: ['', 'devices', 'users', 'mailboxes', 'apps', 'cloudResources'] },
  },
  render: (args) => render(args),
};

export default meta;

type Story = StoryObj<AssetArgs>;

/** The hand-written incident: one device and one user. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample: a device, a user and two mailboxes. Check rows to see the bulk actions. */
export const Typical: Story = {};

/** A generated incident of 3,000 entities: hundreds of devices, users and mailboxes. */
export const Large: Story = { args: { size: 'large' } };

/** Every asset category filled, from the fixture with one entity of every kind. */
export const EveryCategory: Story = {
  render: () => {
    const session = new IncidentSession();
    session.setSnapshot(entityKindsSnapshot());
    return html`<il-asset-list .session=${session} .adapter=${listStoryAdapter(session.snapshot!)} category="cloudResources"></il-asset-list>`;
  },
};

/** Every bulk action fails, to show the message in place. */
export const FailingActions: Story = { render: (args) => render(args, { failing: true }) };

/** Only malicious and suspicious assets, through the session's filters. */
export const Filtered: Story = {
  args: { size: 'large' },
  render: ({ size }) => {
    const session = listSessionOfSize(size);
    session.setFilters({ verdicts: ['malicious', 'suspicious'] });
    return html`<il-asset-list .session=${session} .adapter=${listStoryAdapter(session.snapshot!)}></il-asset-list>`;
  },
};
