import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alert-timeline/define.js';
import type { Alert, IncidentSnapshot, Severity } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import {
  TIMELINE_END,
  TIMELINE_START,
  emptyTimelineSnapshot,
  sameTimeSnapshot,
  timelineAlert,
  timelineSnapshot,
  untimedSnapshot,
} from '../test/fixtures/timeline-snapshot.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SEVERITY_CYCLE: Severity[] = ['low', 'medium', 'informational', 'high', 'low', 'medium'];

function storyIncident(id: string, title: string, alerts: Alert[]): IncidentSnapshot {
  return {
    incident: { id, title, severity: 'high', status: 'active', tags: [] },
    alerts,
    entities: [],
    relations: [],
    issues: [],
  };
}

/** Builds an incident of one alert with an activity span of ten minutes. */
function oneAlertSnapshot(): IncidentSnapshot {
  return storyIncident('story-one', 'One alert', [
    timelineAlert('one-ransomware', 'Ransomware behaviour detected', 'high', TIMELINE_START, TIMELINE_START + 10 * MINUTE),
  ]);
}

/**
 * Builds a dense burst, as a noisy detection rule produces: 240 alerts in three minutes, with six
 * alerts before and one after. The burst aggregates into counted clusters.
 */
function denseBurstSnapshot(): IncidentSnapshot {
  const alerts: Alert[] = [];
  for (let index = 0; index < 6; index++) {
    alerts.push(timelineAlert(`calm-${index}`, `Reconnaissance step ${index + 1}`, 'low', TIMELINE_START + index * 9 * MINUTE));
  }
  const burstStart = TIMELINE_START + 30 * MINUTE;
  for (let index = 0; index < 240; index++) {
    const severity = SEVERITY_CYCLE[index % SEVERITY_CYCLE.length]!;
    alerts.push(timelineAlert(`burst-${String(index).padStart(3, '0')}`, `Mass file encryption ${index + 1}`, severity, burstStart + index * 750));
  }
  alerts.push(timelineAlert('after-burst', 'Ransom note dropped', 'high', TIMELINE_START + 55 * MINUTE));
  return storyIncident('story-burst', 'Dense burst of alerts', alerts);
}

/** Builds five days of a slow intrusion: one to three alerts a day, two of them with spans of hours or days. */
function multiDaySnapshot(): IncidentSnapshot {
  const day = 24 * HOUR;
  const alerts: Alert[] = [
    timelineAlert('md-phish', 'Phishing email delivered', 'medium', TIMELINE_START),
    timelineAlert('md-macro', 'Office macro started PowerShell', 'high', TIMELINE_START + 2 * HOUR),
    timelineAlert('md-beacon', 'Periodic beaconing to a rare domain', 'medium', TIMELINE_START + day, TIMELINE_START + 3 * day),
    timelineAlert('md-recon', 'Domain reconnaissance', 'low', TIMELINE_START + day + 5 * HOUR),
    timelineAlert('md-cred', 'Credential dumping', 'high', TIMELINE_START + 2 * day + 3 * HOUR),
    timelineAlert('md-lateral', 'Lateral movement with remote services', 'high', TIMELINE_START + 3 * day + HOUR),
    timelineAlert('md-staging', 'Data staged in an archive', 'medium', TIMELINE_START + 4 * day),
    timelineAlert('md-exfil', 'Large upload to cloud storage', 'high', TIMELINE_START + 4 * day + 6 * HOUR, TIMELINE_START + 4 * day + 9 * HOUR),
    timelineAlert('md-info', 'Mailbox rule changed', 'informational', TIMELINE_START + 4 * day + 7 * HOUR),
  ];
  return storyIncident('story-multi-day', 'Five-day intrusion', alerts);
}

interface TimelineArgs {
  duration: number;
  /** `local`, `UTC` or an IANA zone name. */
  timeZone: string;
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
  title: 'Elements/il-alert-timeline',
  component: 'il-alert-timeline',
  tags: ['autodocs'],
  args: { duration: 20_000, timeZone: 'local' },
  argTypes: {
    duration: { control: { type: 'number', min: 1000, step: 1000 } },
    timeZone: { control: 'inline-radio', options: ['local', 'UTC', 'Europe/Paris', 'Asia/Tokyo'] },
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

/** An incident of a single alert, with an activity span. */
export const OneAlert: Story = {
  render: (args) => timeline(sessionOn(oneAlertSnapshot()), args),
};

/**
 * 240 alerts in three minutes aggregate into counted clusters instead of overlapping. Press a
 * cluster, or use the wheel on the track, to zoom in until single alerts show.
 */
export const DenseBurst: Story = {
  render: (args) => timeline(sessionOn(denseBurstSnapshot()), args),
};

/** Five days: tick labels show dates, and zooming in shows hours, minutes and seconds. */
export const MultiDayIncident: Story = {
  render: (args) => timeline(sessionOn(multiDaySnapshot()), args),
};

/**
 * Playback from the start, which the host starts through the session. Loop is on, so playback
 * keeps going. The time cursor sweeps (or steps, with reduced motion), and the live region
 * announces the time at most every two seconds.
 */
export const Playing: Story = {
  render: (args) =>
    html`<il-alert-timeline loop .session=${sessionOn(multiDaySnapshot(), (session) => {
      session.setTime(TIMELINE_START);
      session.setPlayback(true, 2);
    })} duration=${args.duration} time-zone=${args.timeZone}></il-alert-timeline>`,
};

/** A selected range, as after a drag on the axis row: the band, its readout and a clear button. */
export const RangeSelected: Story = {
  render: (args) =>
    timeline(
      sessionOn(timelineSnapshot(), (session) => {
        session.setRange({ start: TIMELINE_START + 10 * MINUTE, end: TIMELINE_START + 40 * MINUTE });
        session.setTime(TIMELINE_START + 30 * MINUTE);
      }),
      args,
    ),
};

/** The one-alert-per-second speed, chosen in the speed menu, playing a dense burst. */
export const OneAlertPerSecond: Story = {
  render: (args) =>
    timeline(
      sessionOn(denseBurstSnapshot(), (session) => {
        session.setTime(TIMELINE_START);
        session.setPlayback(true, 0);
      }),
      args,
    ),
};
