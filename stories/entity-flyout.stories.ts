import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { IncidentDataAdapter } from '../src/adapter/adapter.js';
import '../src/components/entity-flyout/define.js';
import type { EntityFlyout } from '../src/components/entity-flyout/entity-flyout.js';
import type { IncidentSession } from '../src/session/session.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import { scriptedAdapter, withPendingAction, type AdapterScript } from '../test/components/entity-flyout-adapters.js';
import { FLYOUT_IDS, flyoutSession, flyoutSnapshot, longCommandLine } from '../test/fixtures/flyout-snapshot.js';

interface FlyoutArgs {
  width: number;
}

function flyout(session: IncidentSession | undefined, args: FlyoutArgs, entityId?: string): TemplateResult {
  return html`<il-entity-flyout
    style=${styleProperties({ width: `${args.width}px`, height: '640px', border: '1px solid #8886' })}
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
  title: 'Elements/il-entity-flyout',
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
    style=${styleProperties({ '--il-color-surface': '#15171c', '--il-color-surface-raised': '#22252d', '--il-color-text': '#e9eaee', '--il-color-text-muted': '#a1a4ad', '--il-color-border': '#393c45', '--il-color-accent': '#7fb0ff', '--il-color-focus': '#7fb0ff', '--il-entity-flyout-code-font': "'Courier New', monospace", padding: '12px', background: '#0d0e12' })}
  >
    ${flyout(flyoutSession(FLYOUT_IDS.device), args)}
  </div>`,
};

/** Logs the flyout's action events in the browser console, where the story's reader sees them. */
function logActionEvent(event: Event): void {
  console.info(event.type, (event as CustomEvent).detail);
}

/**
 * Builds a story of a flyout on `entityId` whose adapter follows `script`. `drive` runs once the
 * element is on the page and clicks it into the state the story shows.
 */
function actionStory(
  entityId: string,
  script: AdapterScript,
  drive?: (root: ShadowRoot, el: EntityFlyout) => Promise<void>,
): StoryObj<FlyoutArgs> {
  return {
    render: (args) => {
      const snapshot = withPendingAction(flyoutSnapshot());
      const adapter: IncidentDataAdapter = scriptedAdapter(snapshot, script);
      let driven = false;
      return html`<il-entity-flyout
        style=${styleProperties({ width: `${args.width}px`, height: '640px', border: '1px solid #8886' })}
        .session=${flyoutSession(entityId, snapshot)}
        .adapter=${adapter}
        @il-action-request=${logActionEvent}
        @il-action-complete=${logActionEvent}
        @il-action-error=${logActionEvent}
        ${ref((node) => {
          if (!node || driven || !drive) return;
          driven = true;
          const el = node as EntityFlyout;
          void el.updateComplete.then(() => drive(el.shadowRoot!, el));
        })}
      ></il-entity-flyout>`;
    },
  };
}

/** Resolves once `selector` matches inside the flyout, after the adapter's list arrived. */
async function waitFor(root: ShadowRoot, selector: string): Promise<HTMLElement> {
  for (;;) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function clickAction(root: ShadowRoot, actionId: string): Promise<void> {
  (await waitFor(root, `li[data-action-id="${actionId}"] .action-button`)).click();
}

async function clickDecision(root: ShadowRoot, decision: 'approve' | 'reject'): Promise<void> {
  (await waitFor(root, `button[data-decision="${decision}"]`)).click();
}

const never = (): undefined => undefined;

/** The actions the adapter offers for a device. "Isolate device" is destructive. */
export const ActionsIdle: Story = actionStory(FLYOUT_IDS.device, {});

/** The adapter has not listed the actions yet. */
export const ActionsLoading: Story = actionStory(FLYOUT_IDS.device, { actions: never });

/** The adapter could not list the actions. */
export const ActionsUnavailable: Story = actionStory(FLYOUT_IDS.device, {
  actions: () => new Error('The response service timed out after 30 seconds.'),
});

/** A destructive action requests confirmation first and names its target. */
export const ActionConfirming: Story = actionStory(FLYOUT_IDS.device, {}, (root) => clickAction(root, 'isolate'));

/** An action under way: progress shows and the button ignores further clicks. */
export const ActionRunning: Story = actionStory(FLYOUT_IDS.device, { run: never }, (root) => clickAction(root, 'av-scan'));

/** The adapter's message after success. The remediation status comes from its result. */
export const ActionSucceeded: Story = actionStory(
  FLYOUT_IDS.device,
  { run: () => ({ status: 'running', message: 'Antivirus scan started on ws-fin-07.contoso.com.', remediationStatus: 'running' }) },
  (root) => clickAction(root, 'av-scan'),
);

/** The adapter's message after a failure, with a Retry button. */
export const ActionFailed: Story = actionStory(
  FLYOUT_IDS.device,
  { run: () => ({ status: 'failed', message: 'The device is offline. Try again once it reconnects.' }) },
  (root) => clickAction(root, 'collect-package'),
);

/** A pending "stop and quarantine" on the process, waiting for approval. */
export const PendingApproval: Story = actionStory(FLYOUT_IDS.process, {});

/** An approval under way. */
export const Approving: Story = actionStory(FLYOUT_IDS.process, { decide: never }, (root) => clickDecision(root, 'approve'));

/** An approved pending action. The process's remediation status comes from the adapter's result. */
export const Approved: Story = actionStory(
  FLYOUT_IDS.process,
  { decide: () => ({ status: 'succeeded', message: 'Approved. The process was stopped and its file quarantined.', remediationStatus: 'remediated' }) },
  (root) => clickDecision(root, 'approve'),
);

/** A rejected pending action. Its status comes from the adapter's result. */
export const Rejected: Story = actionStory(
  FLYOUT_IDS.process,
  { decide: () => ({ status: 'succeeded', message: 'Rejected. The file stays in place.', remediationStatus: 'declined' }) },
  (root) => clickDecision(root, 'reject'),
);

/** An approval that the adapter reports as failed. */
export const ApprovalFailed: Story = actionStory(
  FLYOUT_IDS.process,
  { decide: () => ({ status: 'failed', message: 'This approval expired. Ask the investigation to request it again.' }) },
  (root) => clickDecision(root, 'approve'),
);

/** The modal drawer: focus stays inside, Escape closes it and focus returns to the button. */
export const ModalDrawer: Story = {
  render: () => {
    const snapshot = withPendingAction(flyoutSnapshot());
    const open = (event: Event): void => {
      const flyout = (event.target as HTMLElement).nextElementSibling as EntityFlyout;
      flyout.open = true;
    };
    return html`<button type="button" @click=${open}>Show ws-fin-07.contoso.com</button>
      <il-entity-flyout
        mode="modal"
        .session=${flyoutSession(FLYOUT_IDS.device, snapshot)}
        .adapter=${scriptedAdapter(snapshot)}
        @il-flyout-close=${(event: Event) => console.info('il-flyout-close', (event as CustomEvent).detail)}
      ></il-entity-flyout>`;
  },
};
