import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-summary/define.js';
import { sessionOfSize, type IncidentSize } from './incident-page-data.js';

interface SummaryArgs {
  size: IncidentSize;
}

const meta: Meta<SummaryArgs> = {
  title: 'Elements/il-incident-summary',
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

/**
 * The large incident under `lang="de-DE"` on the element: times in German order
 * (`14.03.2026, 09:00:00 UTC`) and counts with German grouping (`3.000`). The strings stay those
 * of the string table.
 */
export const GermanLocale: Story = {
  args: { size: 'large' },
  render: ({ size }) => html`<il-incident-summary lang="de-DE" .session=${sessionOfSize(size)}></il-incident-summary>`,
};

/** The typical incident under `lang="ar-EG"`: dates and counts in Arabic-Indic digits. */
export const ArabicDigits: Story = {
  render: ({ size }) => html`<il-incident-summary lang="ar-EG" .session=${sessionOfSize(size)}></il-incident-summary>`,
};

/** No incident yet. */
export const Empty: Story = { render: () => html`<il-incident-summary></il-incident-summary>` };
