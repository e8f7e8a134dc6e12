import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alert-timeline/define.js';
import type { IncidentSnapshot } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import {
  TIMELINE_END,
  TIMELINE_START,
  emptyTimelineSnapshot,
  sameTimeSnapshot,
  timelineSnapshot,
  untimedSnapshot,
} from '../test/fixtures/timeline-snapshot.js';

interface TimelineArgs {
  duration: number;
  timeZone: 'local' | 'UTC';
}

/** Returns a session on `snapshot`, after `prepare` moved its time or selection. */
function sessionOn(snapshot: IncidentSnapshot, prepare?: (session: IncidentSession) => void): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  prepare?.(session);
  return session;
}

function timeline(session: IncidentSession, args: TimelineArgs): ReturnType<typeof html> {
  return html`
    <il-alert-timeline .session=${session} duration=${args.duration} time-zone=${args.timeZone}></il-alert-timeline>
  `;
}

const meta: Meta<TimelineArgs> = {
  title: 'Components/il-alert-timeline',
  component: 'il-alert-timeline',
  tags: ['autodocs'],
  args: { duration: 20_000, timeZone: 'local' },
  argTypes: {
    duration: { control: { type: 'number', min: 1000, step: 1000 } },
    timeZone: { control: 'inline-radio', options: ['local', 'UTC'] },
  },
  render: (args) => timeline(sessionOn(timelineSnapshot()), args),
};

export default meta;

type Story = StoryObj<TimelineArgs>;

/**
 * A one-hour intrusion: one alert of each severity, two at the same instant, one with an
 * activity span, and two without a usable time. The time cursor starts at the end.
 */
export const Default: Story = {};

/** The time cursor halfway through: later alerts are faded. */
export const MidPlayback: Story = {
  render: (args) =>
    timeline(
      sessionOn(timelineSnapshot(), (session) => session.setTime(TIMELINE_START + (TIMELINE_END - TIMELINE_START) / 2)),
      args,
    ),
};

/** One alert selected, as after a click on its marker or elsewhere in the view. */
export const SelectedAlert: Story = {
  render: (args) =>
    timeline(
      sessionOn(timelineSnapshot(), (session) => session.select({ alertIds: ['a-mimikatz'] })),
      args,
    ),
};

/** Twelve alerts at one instant stack in a fixed order: severity, high first, then id. */
export const ManyAlertsAtTheSameTime: Story = {
  render: (args) => timeline(sessionOn(sameTimeSnapshot(12)), args),
};

/** No alert has a time: the axis is replaced by a note, and the alerts are listed under "Time unknown". */
export const AlertsWithoutTimes: Story = {
  render: (args) => timeline(sessionOn(untimedSnapshot()), args),
};

/** An incident without alerts. */
export const EmptyIncident: Story = {
  render: (args) => timeline(sessionOn(emptyTimelineSnapshot()), args),
};

/** The same session shown in UTC and in the viewer's zone. Scrubbing one moves both. */
export const UtcAndLocal: Story = {
  render: (args) => {
    const session = sessionOn(timelineSnapshot());
    return html`
      <h3>UTC</h3>
      <il-alert-timeline .session=${session} duration=${args.duration} time-zone="UTC"></il-alert-timeline>
      <h3>Local (${Intl.DateTimeFormat().resolvedOptions().timeZone})</h3>
      <il-alert-timeline .session=${session} duration=${args.duration} time-zone="local"></il-alert-timeline>
    `;
  },
};
