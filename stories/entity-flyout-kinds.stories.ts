import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/entity-flyout/define.js';
import { kindLabel } from '../src/components/shared/strings.js';
import type { EntityKind } from '../src/model/types.js';
import { ENTITY_KINDS } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';
import { KIND_IDS, entityKindsSnapshot } from '../test/fixtures/entity-kinds-snapshot.js';

interface KindArgs {
  width: number;
}

function sessionOn(entityId: string): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(entityKindsSnapshot());
  session.select({ entityIds: [entityId] });
  return session;
}

function flyout(kind: EntityKind, args: KindArgs, height = 640): TemplateResult {
  return html`<il-entity-flyout
    style=${`width: ${args.width}px; height: ${height}px; border: 1px solid #8886`}
    .session=${sessionOn(KIND_IDS[kind])}
  ></il-entity-flyout>`;
}

function kindStory(kind: EntityKind): StoryObj<KindArgs> {
  return { render: (args) => flyout(kind, args) };
}

const meta: Meta<KindArgs> = {
  title: 'Elements/il-entity-flyout/Entity kinds',
  component: 'il-entity-flyout',
  args: { width: 380 },
  argTypes: { width: { control: { type: 'range', min: 200, max: 900, step: 10 } } },
  render: (args) => flyout('device', args),
};

export default meta;

type Story = StoryObj<KindArgs>;

/** One flyout per entity kind, side by side, to compare what each kind shows first. */
export const AllKinds: Story = {
  args: { width: 320 },
  render: (args) => html`<div style="display: flex; flex-wrap: wrap; gap: 16px; align-items: start">
    ${ENTITY_KINDS.map(
      (kind) => html`<figure style="margin: 0">
        <figcaption style="font: 600 13px system-ui, sans-serif; margin-block-end: 4px">${kindLabel(kind)} (<code>${kind}</code>)</figcaption>
        ${flyout(kind, args, 560)}
      </figure>`,
    )}
  </div>`,
};

export const Device: Story = kindStory('device');
export const User: Story = kindStory('user');
export const Mailbox: Story = kindStory('mailbox');
export const MailMessage: Story = kindStory('mailMessage');

/** A cluster of messages grouped by sender, with the query that found them. */
export const MailCluster: Story = kindStory('mailCluster');
export const File: Story = kindStory('file');
export const Process: Story = kindStory('process');
export const IpAddress: Story = kindStory('ip');
export const Url: Story = kindStory('url');

/** A domain with the address it resolved to and its DNS server, read from nested objects. */
export const DnsName: Story = kindStory('dnsName');
export const CloudApp: Story = kindStory('cloudApp');
export const OAuthApp: Story = kindStory('oauthApp');

/** An Azure storage account; its long resource id truncates in the middle. */
export const CloudResource: Story = kindStory('cloudResource');
export const RegistryKey: Story = kindStory('registryKey');
export const RegistryValue: Story = kindStory('registryValue');
export const SecurityGroup: Story = kindStory('securityGroup');

/** A privileged container with its image, command and arguments. */
export const Container: Story = kindStory('container');

/** A source type without a mapper: every raw property, the source type first. */
export const Other: Story = kindStory('other');

/**
 * The same file at a wide and a narrow width. The wide pane fits the hashes, so they offer no
 * Expand button. The narrow one cuts them in the middle and offers it.
 */
export const ExpandOnlyWhenCut: Story = {
  render: () => html`<div style="display: flex; flex-wrap: wrap; gap: 16px; align-items: start">
    ${flyout('file', { width: 760 })} ${flyout('file', { width: 240 })}
  </div>`,
};
