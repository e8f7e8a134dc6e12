import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/entity-flyout/define.js';
import type { IncidentSession } from '../src/session/session.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot, longCommandLine } from '../test/fixtures/flyout-snapshot.js';

interface FlyoutArgs {
  width: number;
}

function flyout(session: IncidentSession | undefined, args: FlyoutArgs, entityId?: string): TemplateResult {
  return html`<il-entity-flyout
    style=${`width: ${args.width}px; height: 640px; border: 1px solid #8886`}
    .session=${session}
    .entityId=${entityId}
    @il-flyout-close=${(event: Event) => console.info('il-flyout-close', (event as CustomEvent).detail)}
  ></il-entity-flyout>`;
}

/** A story showing the fixture entity selected in the session. */
function entityStory(entityId: string): StoryObj<FlyoutArgs> {
  return { render: (args) => flyout(flyoutSession(entityId), args) };
}

const meta: Meta<FlyoutArgs> = {
  title: 'Components/il-entity-flyout',
  component: 'il-entity-flyout',
  tags: ['autodocs'],
  args: { width: 380 },
  argTypes: { width: { control: { type: 'range', min: 220, max: 720, step: 10 } } },
  render: (args) => flyout(flyoutSession(FLYOUT_IDS.process), args),
};

export default meta;

type Story = StoryObj<FlyoutArgs>;

export const Device: Story = entityStory(FLYOUT_IDS.device);
export const User: Story = entityStory(FLYOUT_IDS.user);
export const Mailbox: Story = entityStory(FLYOUT_IDS.mailbox);
export const MailMessage: Story = entityStory(FLYOUT_IDS.mailMessage);
export const File: Story = entityStory(FLYOUT_IDS.file);

/** A process with a 600-character encoded PowerShell command line. */
export const Process: Story = entityStory(FLYOUT_IDS.process);

/** A parent process that other evidence names but that is not evidence itself. */
export const GhostProcess: Story = entityStory(FLYOUT_IDS.parentProcess);
export const IpAddress: Story = entityStory(FLYOUT_IDS.ip);

/** A URL from the data is shown as text, never as a link. */
export const Url: Story = entityStory(FLYOUT_IDS.url);
export const RegistryKey: Story = entityStory(FLYOUT_IDS.registryKey);
export const RegistryValue: Story = entityStory(FLYOUT_IDS.registryValue);
export const CloudApp: Story = entityStory(FLYOUT_IDS.cloudApp);

/** A source type without a mapper: every raw property, the source type first. */
export const Other: Story = entityStory(FLYOUT_IDS.other);

/** The session has an incident but nothing is selected. */
export const NothingSelected: Story = {
  render: (args) => flyout(flyoutSession(), args),
};

/** `entity-id` names an entity that the incident does not have. */
export const NotFound: Story = {
  render: (args) => flyout(flyoutSession(), args, 'device:retired-laptop'),
};

/** No session at all. */
export const NoIncident: Story = {
  render: (args) => flyout(undefined, args),
};

/** A 10,000-character command line and a very long name in a narrow pane. */
export const LongValues: Story = {
  args: { width: 280 },
  render: (args) => {
    const snapshot = flyoutSnapshot();
    const process = snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.process)!;
    process.displayName = `powershell_${'x'.repeat(180)}.exe`;
    process.properties.processCommandLine = longCommandLine(10_000);
    process.properties.imageFilePath = `C:\\${'Very Long Folder Name\\'.repeat(12)}bin`;
    return flyout(flyoutSession(FLYOUT_IDS.process, snapshot), args);
  },
};

/** Markup in the data is shown as text. */
export const MarkupInData: Story = {
  render: (args) => {
    const snapshot = flyoutSnapshot();
    const user = snapshot.entities.find((entity) => entity.id === FLYOUT_IDS.user)!;
    user.displayName = '<img src=x onerror="alert(1)">';
    user.webUrl = 'javascript:alert(1)';
    return flyout(flyoutSession(FLYOUT_IDS.user, snapshot), args);
  },
};

/** The same process with its first alert selected, as after a click in the Alerts list. */
export const AlertSelected: Story = {
  render: (args) => {
    const session = flyoutSession(FLYOUT_IDS.process);
    session.select({ entityIds: [FLYOUT_IDS.process], alertIds: [FLYOUT_IDS.alertPowerShell] });
    return flyout(session, args);
  },
};

/** Dark colours through the public custom properties. */
export const Themed: Story = {
  render: (args) => html`<div
    style="--il-color-surface: #15171c; --il-color-surface-raised: #22252d; --il-color-text: #e9eaee; --il-color-text-muted: #a1a4ad; --il-color-border: #393c45; --il-color-accent: #7fb0ff; --il-color-focus: #7fb0ff; --il-entity-flyout-code-font: 'Courier New', monospace; padding: 12px; background: #0d0e12"
  >
    ${flyout(flyoutSession(FLYOUT_IDS.device), args)}
  </div>`,
};
