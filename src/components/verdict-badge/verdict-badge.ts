import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  REMEDIATION_STATUSES,
  VERDICTS,
  type KnownRemediationStatus,
  type RemediationStatus,
  type Verdict,
} from '../../model/types.js';
import { msg, registerStrings, remediationLabel, verdictLabel } from '../shared/strings.js';
import { themeTokens, type ThemeName } from '../shared/theme.js';
import { remediationIcon, verdictIcon } from './icons.js';
import { verdictBadgeStyles } from './verdict-badge.styles.js';

registerStrings({
  'badge.verdictName': 'Verdict: {label}',
  'badge.remediationName': 'Remediation: {label}',
});

const VERDICT_SET: ReadonlySet<string> = new Set(VERDICTS);
const REMEDIATION_SET: ReadonlySet<string> = new Set(REMEDIATION_STATUSES);

/** Urgency group of a remediation status, which picks the colour that goes with its shape. */
type RemediationGroup = 'done' | 'pending' | 'failed' | 'partial' | 'neutral';

const REMEDIATION_GROUPS: Record<KnownRemediationStatus, RemediationGroup> = {
  none: 'neutral',
  pendingApproval: 'pending',
  running: 'pending',
  remediated: 'done',
  partiallyRemediated: 'partial',
  prevented: 'done',
  blocked: 'done',
  declined: 'partial',
  unremediated: 'failed',
  notFound: 'neutral',
  active: 'failed',
  failed: 'failed',
};

/**
 * The full form shows icon and text for each. The compact form shows the icons only, each an
 * image whose accessible name and tooltip carry the text ("Verdict: Malicious"). An absent
 * verdict reads "Verdict not provided". The remediation part is left out while
 * `remediationStatus` is absent or empty. A status this library does not know is shown as the
 * source spelled it, with its own neutral icon.
 *
 * The badge is not interactive and takes no focus.
 *
 * @tagname il-verdict-badge
 * @summary An entity's verdict and remediation status as a badge that never relies on colour
 * alone: each verdict and each status has its own icon shape and its own text.
 *
 * @property {Verdict | undefined} verdict - Verdict to show; a string that is not a known verdict counts as not provided. Attribute `verdict`.
 * @property {RemediationStatus | undefined} remediationStatus - Remediation status to show, known or not. Attribute `remediation-status`.
 * @property {boolean} compact - Icons only, with the text as accessible name and tooltip. Attribute `compact`, reflected.
 * @property {ThemeName | undefined} theme - Forces the `light` or the `dark` theme on the badge. Absent or any other value follows `prefers-color-scheme`, or the theme of an enclosing element such as `il-evidence-list`. Attribute `theme`, reflected.
 *
 * @csspart verdict - The verdict: icon and label.
 * @csspart remediation - The remediation status: icon and label.
 * @csspart icon - Each icon (an inline SVG drawn with `currentColor`).
 * @csspart label - Each visible text label (full form only).
 *
 * @cssprop --il-verdict-badge-color-malicious - Colour of the malicious verdict. Defaults to `--il-color-malicious`.
 * @cssprop --il-verdict-badge-color-suspicious - Colour of the suspicious verdict. Defaults to `--il-color-suspicious`.
 * @cssprop --il-verdict-badge-color-clean - Colour of the clean verdict. Defaults to `--il-color-clean`.
 * @cssprop --il-verdict-badge-color-unknown - Colour of the unknown verdict. Defaults to `--il-color-unknown`.
 * @cssprop --il-verdict-badge-color-not-provided - Colour of an absent verdict. Defaults to `--il-color-not-provided`.
 * @cssprop --il-verdict-badge-color-remediated - Colour of remediated, prevented and blocked. Defaults to `--il-color-remediated`.
 * @cssprop --il-verdict-badge-color-pending - Colour of pending approval and running. Defaults to `--il-color-pending`.
 * @cssprop --il-verdict-badge-color-failed - Colour of failed, unremediated and active. Defaults to `--il-color-malicious`.
 * @cssprop --il-verdict-badge-color-partial - Colour of partially remediated and declined. Defaults to `--il-color-suspicious`.
 * @cssprop --il-verdict-badge-color-neutral - Colour of none, not found and unknown statuses. Defaults to `--il-color-text-muted`.
 * @cssprop --il-verdict-badge-background - Background of each pill in the full form. Defaults to `--il-color-surface-raised`.
 * @cssprop --il-verdict-badge-text-color - Colour of the labels. Defaults to `--il-color-text`.
 * @cssprop --il-verdict-badge-radius - Corner radius of each pill. Defaults to fully rounded.
 * @cssprop --il-verdict-badge-gap - Space between the verdict and the remediation status. Defaults to 4px.
 * @cssprop --il-verdict-badge-icon-size - Size of each icon. Defaults to 1.15em.
 * @cssprop --il-verdict-badge-font-size - Font size of the badge. Defaults to 0.875em.
 */
export class VerdictBadge extends LitElement {
  static override styles = [themeTokens, verdictBadgeStyles];

  static override properties = {
    verdict: { type: String },
    remediationStatus: { type: String, attribute: 'remediation-status' },
    compact: { type: Boolean, reflect: true },
    theme: { reflect: true },
  };

  declare verdict: Verdict | undefined;
  declare remediationStatus: RemediationStatus | undefined;
  declare compact: boolean;
  declare theme: ThemeName | undefined;

  constructor() {
    super();
    this.verdict = undefined;
    this.remediationStatus = undefined;
    this.compact = false;
    this.theme = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A removed attribute arrives as null; treat it like an absent property.
    if (changed.has('verdict') && this.verdict === null) this.verdict = undefined;
    if (changed.has('remediationStatus') && this.remediationStatus === null) {
      this.remediationStatus = undefined;
    }
  }

  protected override render(): TemplateResult {
    return html`${this.renderVerdict()}${this.renderRemediation()}`;
  }

  private renderVerdict(): TemplateResult {
    const verdict = knownVerdict(this.verdict);
    const label = verdictLabel(verdict);
    return this.renderItem(
      'verdict',
      { 'data-state': verdict ?? 'notProvided' },
      verdictIcon(verdict),
      label,
      msg('badge.verdictName', { label }),
    );
  }

  private renderRemediation(): TemplateResult | typeof nothing {
    const status = this.remediationStatus;
    if (status === undefined || status === '') return nothing;

    const known = REMEDIATION_SET.has(status) ? (status as KnownRemediationStatus) : undefined;
    const label = remediationLabel(status);
    return this.renderItem(
      'remediation',
      { 'data-group': known ? REMEDIATION_GROUPS[known] : 'neutral', 'data-state': status },
      remediationIcon(known),
      label,
      msg('badge.remediationName', { label }),
    );
  }

  private renderItem(
    part: 'verdict' | 'remediation',
    data: { 'data-state': string; 'data-group'?: string },
    icon: TemplateResult,
    label: string,
    name: string,
  ): TemplateResult {
    if (this.compact) {
      return html`<span
        part=${part}
        class="item"
        role="img"
        aria-label=${name}
        title=${name}
        data-state=${data['data-state']}
        data-group=${data['data-group'] ?? nothing}
        >${icon}</span
      >`;
    }

    // Screen readers read the full name ("Verdict: Malicious") from the hidden text. The
    // visible label is hidden from them so that it is not read twice.
    return html`<span
      part=${part}
      class="item"
      title=${name}
      data-state=${data['data-state']}
      data-group=${data['data-group'] ?? nothing}
      >${icon}<span class="visually-hidden">${name}</span><span
        part="label"
        class="label"
        aria-hidden="true"
        >${label}</span
      ></span
    >`;
  }
}

function knownVerdict(value: string | undefined): Verdict | undefined {
  return value !== undefined && VERDICT_SET.has(value) ? (value as Verdict) : undefined;
}
