import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/verdict-badge/define.js';
import { styleProperties } from '../src/components/shared/style-properties.js';
import { REMEDIATION_STATUSES, VERDICTS } from '../src/model/types.js';

interface BadgeArgs {
  verdict: string | undefined;
  remediationStatus: string | undefined;
  compact: boolean;
}

const NOT_PROVIDED = '(not provided)';

function badge({ verdict, remediationStatus, compact }: BadgeArgs): TemplateResult {
  return html`<il-verdict-badge
    .verdict=${verdict === NOT_PROVIDED ? undefined : verdict}
    .remediationStatus=${remediationStatus === NOT_PROVIDED ? undefined : remediationStatus}
    ?compact=${compact}
  ></il-verdict-badge>`;
}

const meta: Meta<BadgeArgs> = {
  title: 'Elements/il-verdict-badge',
  component: 'il-verdict-badge',
  tags: ['autodocs'],
  args: { verdict: 'malicious', remediationStatus: 'remediated', compact: false },
  argTypes: {
    verdict: { control: 'select', options: [...VERDICTS, NOT_PROVIDED] },
    remediationStatus: { control: 'select', options: [...REMEDIATION_STATUSES, 'vendorQuarantined', NOT_PROVIDED] },
    compact: { control: 'boolean' },
  },
  render: badge,
};

export default meta;

type Story = StoryObj<BadgeArgs>;

export const Full: Story = {};

export const Compact: Story = {
  args: { compact: true },
};

/**
 * The `theme` attribute forces the light or the dark theme on a badge, whatever the toolbar or
 * the system prefers. Each badge sits on its theme's surface colour.
 */
export const ForcedThemes: Story = {
  render: (args) => html`${(['light', 'dark'] as const).map(
    (theme) => html`<p style=${styleProperties({ padding: '8px', background: theme === 'light' ? '#ffffff' : '#18181c' })}>
      <il-verdict-badge
        theme=${theme}
        .verdict=${args.verdict === NOT_PROVIDED ? undefined : args.verdict}
        .remediationStatus=${args.remediationStatus === NOT_PROVIDED ? undefined : args.remediationStatus}
        ?compact=${args.compact}
      ></il-verdict-badge>
    </p>`,
  )}`,
};

/** An entity whose source gives no verdict and no remediation status. */
export const NotProvided: Story = {
  args: { verdict: NOT_PROVIDED, remediationStatus: NOT_PROVIDED },
};

/** A status this library does not know is shown as the source spelled it. */
export const UnknownStatus: Story = {
  args: { verdict: 'suspicious', remediationStatus: 'vendorQuarantined' },
};

const cell = 'padding: 6px 12px; border-bottom: 1px solid #8884; text-align: start; font: 13px system-ui;';

/** Every verdict and "not provided", full and compact. */
export const AllVerdicts: Story = {
  render: () => html`<table style="border-collapse: collapse">
    <tr><th style=${cell}>verdict</th><th style=${cell}>full</th><th style=${cell}>compact</th></tr>
    ${[...VERDICTS, undefined].map(
      (verdict) => html`<tr>
        <td style=${cell}><code>${verdict ?? 'undefined'}</code></td>
        <td style=${cell}><il-verdict-badge .verdict=${verdict}></il-verdict-badge></td>
        <td style=${cell}><il-verdict-badge compact .verdict=${verdict}></il-verdict-badge></td>
      </tr>`,
    )}
  </table>`,
};

/** Every remediation status, and one the library does not know, full and compact. */
export const AllRemediationStatuses: Story = {
  render: () => html`<table style="border-collapse: collapse">
    <tr><th style=${cell}>status</th><th style=${cell}>full</th><th style=${cell}>compact</th></tr>
    ${[...REMEDIATION_STATUSES, 'vendorQuarantined'].map(
      (status) => html`<tr>
        <td style=${cell}><code>${status}</code></td>
        <td style=${cell}><il-verdict-badge verdict="unknown" remediation-status=${status}></il-verdict-badge></td>
        <td style=${cell}><il-verdict-badge compact verdict="unknown" remediation-status=${status}></il-verdict-badge></td>
      </tr>`,
    )}
  </table>`,
};

/** Every verdict against every remediation status, in the compact form. */
export const Matrix: Story = {
  render: () => html`<table style="border-collapse: collapse">
    <tr>
      <th style=${cell}></th>
      ${[...VERDICTS, 'not provided'].map((verdict) => html`<th style=${cell}>${verdict}</th>`)}
    </tr>
    ${REMEDIATION_STATUSES.map(
      (status) => html`<tr>
        <th style=${cell}><code>${status}</code></th>
        ${[...VERDICTS, undefined].map(
          (verdict) => html`<td style=${cell}>
            <il-verdict-badge compact .verdict=${verdict} remediation-status=${status}></il-verdict-badge>
          </td>`,
        )}
      </tr>`,
    )}
  </table>`,
};

/** The public custom properties, set on the element. */
export const Themed: Story = {
  render: () => html`<il-verdict-badge
    verdict="malicious"
    remediation-status="pendingApproval"
    style="--il-verdict-badge-color-malicious: #8b0000; --il-verdict-badge-color-pending: #1f4e9c; --il-verdict-badge-radius: 2px; --il-verdict-badge-font-size: 1rem; --il-verdict-badge-icon-size: 1.4em"
  ></il-verdict-badge>`,
};

/** Styled through `::part`: bold labels, square pills. */
export const StyledParts: Story = {
  render: () => html`<style>
      .parts-demo::part(label) { font-weight: 700; }
      .parts-demo::part(verdict),
      .parts-demo::part(remediation) { border-radius: 0; }
    </style>
    <il-verdict-badge class="parts-demo" verdict="suspicious" remediation-status="partiallyRemediated"></il-verdict-badge>`,
};
