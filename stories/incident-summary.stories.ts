import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-summary/define.js';
import { sessionOfSize, type IncidentSize } from './incident-page-data.js';

interface SummaryArgs {
  size: IncidentSize;
}

const meta: Meta<SummaryArgs> = {
  title: 'Components/il-incident-summary',
  component: 'il-incident-summary',
  tags: ['autodocs'],
  args: { size: 'typical' },
  argTypes: { size: { control: 'inline-radio', options: ['small', 'typical', 'large'] } },
  render: ({ size }) => html`<il-incident-summary .session=${sessionOfSize(size)}></il-incident-summary>`,
};

export default meta;

type Story = StoryObj<SummaryArgs>;

/** Two alerts, three assets: the kill chain shows the tactics passed between them. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample: mail, device and user assets, several tactics. */
export const Typical: Story = {};

/** 3,000 entities and 300 alerts: the lists stop at their limits and give the count of the rest. */
export const Large: Story = { args: { size: 'large' } };

/** No incident yet. */
export const Empty: Story = { render: () => html`<il-incident-summary></il-incident-summary>` };
