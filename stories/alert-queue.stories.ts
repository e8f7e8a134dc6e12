import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alert-queue/define.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import { sessionOfSize, type IncidentSize } from './incident-page-data.js';

interface QueueArgs {
  size: IncidentSize;
  sortBy: string;
  sortDirection: string;
}

const meta: Meta<QueueArgs> = {
  title: 'Elements/il-alert-queue',
  component: 'il-alert-queue',
  tags: ['autodocs'],
  args: { size: 'typical', sortBy: 'time', sortDirection: 'ascending' },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'typical', 'large'] },
    sortBy: { control: 'select', options: ['time', 'severity', 'title', 'status', 'category', 'source'] },
    sortDirection: { control: 'inline-radio', options: ['ascending', 'descending'] },
  },
  render: ({ size, sortBy, sortDirection }) => html`
    <il-alert-queue sort-by=${sortBy} sort-direction=${sortDirection} .session=${sessionOfSize(size)}></il-alert-queue>
  `,
};

export default meta;

type Story = StoryObj<QueueArgs>;

/** Two alerts in time order. */
export const Small: Story = { args: { size: 'small' } };

/** The phishing sample's alerts with their entities and evidence roles. */
export const Typical: Story = {};

/** 300 alerts: the first 200 rows and a "Show more" button. */
export const Large: Story = { args: { size: 'large' } };

/** Sorted by severity, high first. */
export const BySeverity: Story = { args: { sortBy: 'severity', sortDirection: 'descending' } };

/** Only high-severity alerts, chosen in the filter bar. */
export const Filtered: Story = {
  render: () => html`<il-alert-queue .filters=${{ severities: ['high'] }} .session=${sessionOfSize('typical')}></il-alert-queue>`,
};

/** A time window on the session: the alerts outside it are hidden and a note gives their count. */
export const TimeWindow: Story = {
  render: () => {
    const session = sessionOfSize('typical');
    const bounds = session.timeBounds;
    if (bounds) session.setRange({ start: bounds.start, end: bounds.start + (bounds.end - bounds.start) / 2 });
    return html`<il-alert-queue .session=${session}></il-alert-queue>`;
  },
};

/** An alert selected in the session. */
export const Selected: Story = {
  render: () => {
    const session = sessionOfSize('typical');
    const alert = session.snapshot!.alerts[0];
    if (alert) session.select({ alertIds: [alert.id] });
    return html`<il-alert-queue .session=${session}></il-alert-queue>`;
  },
};

/**
 * The typical incident 674 px wide, as in the stacked layout of a 700 px page: first activity,
 * headers and entity kinds wrap, and the table fits without scrolling sideways.
 */
export const Narrow: Story = {
  render: () => html`
    <il-alert-queue style=${styleProperties({ display: 'block', width: '674px' })} .session=${sessionOfSize('typical')}></il-alert-queue>
  `,
};
