import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/incident-view/define.js';
import type { IncidentViewTab } from '../src/components/incident-view/tabs.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import { listSnapshotOfSize, listStoryAdapter } from './incident-lists-data.js';
import { sessionOfSize, type IncidentSize } from './incident-page-data.js';

interface TabArgs {
  tab: IncidentViewTab;
  size: IncidentSize;
}

const meta: Meta<TabArgs> = {
  title: 'Elements/il-incident-view/Tabs',
  component: 'il-incident-view',
  parameters: { layout: 'fullscreen' },
  args: { tab: 'summary', size: 'typical' },
  argTypes: {
    tab: { control: 'select', options: ['story', 'summary', 'alerts', 'assets', 'investigations', 'evidence'] },
    size: { control: 'inline-radio', options: ['small', 'typical', 'large'] },
  },
  // The incidents carry pending actions and investigations, and the adapter decides, runs bulk
  // actions and lists investigations, so the assets, investigations and evidence tabs have content.
  render: ({ tab, size }) => {
    const snapshot = listSnapshotOfSize(size);
    return html`
      <il-incident-view style=${styleProperties({ height: '760px' })} tab=${tab} .adapter=${listStoryAdapter(snapshot)} incident-id=${snapshot.incident.id}></il-incident-view>
    `;
  },
};

export default meta;

type Story = StoryObj<TabArgs>;

export const StorySmall: Story = { args: { tab: 'story', size: 'small' } };
export const StoryTypical: Story = { args: { tab: 'story', size: 'typical' } };
export const StoryLarge: Story = { args: { tab: 'story', size: 'large' } };

export const SummarySmall: Story = { args: { tab: 'summary', size: 'small' } };
export const SummaryTypical: Story = { args: { tab: 'summary', size: 'typical' } };
export const SummaryLarge: Story = { args: { tab: 'summary', size: 'large' } };

export const AlertsSmall: Story = { args: { tab: 'alerts', size: 'small' } };
export const AlertsTypical: Story = { args: { tab: 'alerts', size: 'typical' } };
export const AlertsLarge: Story = { args: { tab: 'alerts', size: 'large' } };

/** The assets tab shows `il-asset-list` when it is registered, and a note otherwise. */
export const AssetsSmall: Story = { args: { tab: 'assets', size: 'small' } };
export const AssetsTypical: Story = { args: { tab: 'assets', size: 'typical' } };
export const AssetsLarge: Story = { args: { tab: 'assets', size: 'large' } };

export const InvestigationsSmall: Story = { args: { tab: 'investigations', size: 'small' } };
export const InvestigationsTypical: Story = { args: { tab: 'investigations', size: 'typical' } };
export const InvestigationsLarge: Story = { args: { tab: 'investigations', size: 'large' } };

export const EvidenceSmall: Story = { args: { tab: 'evidence', size: 'small' } };
export const EvidenceTypical: Story = { args: { tab: 'evidence', size: 'typical' } };
export const EvidenceLarge: Story = { args: { tab: 'evidence', size: 'large' } };

/** An alert with a story selected in the attack story: what happened, actions, related events. */
export const AlertStory: Story = {
  render: () => {
    const session = sessionOfSize('small');
    const snapshot = session.snapshot!;
    const alert = snapshot.alerts[1]!;
    session.setSnapshot({
      ...snapshot,
      alerts: [
        snapshot.alerts[0]!,
        {
          ...alert,
          linkReason: 'Same device as the first alert',
          story: {
            whatHappened: 'A credential dumping tool read the memory of lsass.exe on ws-042.',
            actionsTaken: ['Process terminated by Microsoft Defender Antivirus', 'Device isolation requested'],
            relatedEvents: [
              { time: alert.firstActivityTime, title: 'Tool started from a PowerShell session', entityIds: ['process:ws-042:4242'] },
              { time: alert.lastActivityTime, title: 'Memory of lsass.exe read', entityIds: ['user:jdoe', 'device:ws-042'] },
            ],
          },
        },
      ],
    });
    session.select({ alertIds: [alert.id] });
    return html`<il-incident-view style=${styleProperties({ height: '760px' })} .session=${session}></il-incident-view>`;
  },
};

/** A view restored from a URL fragment: the alerts tab with an alert selected and a time window. */
export const FromFragment: Story = {
  render: () => {
    const session = sessionOfSize('typical');
    const bounds = session.timeBounds!;
    const alertId = session.snapshot!.alerts[0]!.id;
    const middle = Math.round((bounds.start + bounds.end) / 2);
    const view = document.createElement('il-incident-view');
    view.style.height = '760px';
    view.session = session;
    view.fromFragment(`#tab=alerts&alert=${encodeURIComponent(alertId)}&range=${bounds.start}~${middle}`);
    return view;
  },
};
