import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/verdict-badge/define.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import { REMEDIATION_STATUSES, VERDICTS, type Verdict } from '../../src/model/types.js';
import { remediationLabel, setStrings, verdictLabel } from '../../src/components/shared/strings.js';

function part(el: VerdictBadge, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function labelOf(el: VerdictBadge, name: 'verdict' | 'remediation'): string | undefined {
  return part(el, name)?.querySelector('[part~="label"]')?.textContent?.trim();
}

function iconMarkup(el: VerdictBadge, name: 'verdict' | 'remediation'): string {
  const icon = part(el, name)!.querySelector('svg')!;
  return icon.innerHTML.replace(/<!--.*?-->/g, '');
}

describe('<il-verdict-badge>', () => {
  describe('accessibility', () => {
    it('passes axe in the full form', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge verdict="malicious" remediation-status="remediated"></il-verdict-badge>`,
      );
      await expect(el).to.be.accessible();
    });

    it('passes axe in the compact form', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge compact verdict="suspicious" remediation-status="pendingApproval"></il-verdict-badge>`,
      );
      await expect(el).to.be.accessible();
    });

    it('passes axe with nothing provided', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge compact></il-verdict-badge>`);
      await expect(el).to.be.accessible();
    });

    it('names each compact icon by its text', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge compact verdict="clean" remediation-status="blocked"></il-verdict-badge>`,
      );
      const verdict = part(el, 'verdict')!;
      const remediation = part(el, 'remediation')!;

      expect(verdict.getAttribute('role')).to.equal('img');
      expect(verdict.getAttribute('aria-label')).to.equal('Verdict: No threats found');
      expect(verdict.title).to.equal('Verdict: No threats found');
      expect(remediation.getAttribute('role')).to.equal('img');
      expect(remediation.getAttribute('aria-label')).to.equal('Remediation: Blocked');
      expect(part(el, 'label')).to.equal(null);
    });

    it('reads the full form with its prefix', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge verdict="malicious" remediation-status="failed"></il-verdict-badge>`,
      );
      const hidden = [...el.shadowRoot!.querySelectorAll('.visually-hidden')].map((node) => node.textContent);

      expect(hidden).to.deep.equal(['Verdict: Malicious', 'Remediation: Remediation failed']);
      expect(part(el, 'label')!.getAttribute('aria-hidden')).to.equal('true');
    });
  });

  describe('verdicts', () => {
    for (const verdict of VERDICTS) {
      it(`shows the ${verdict} verdict`, async () => {
        const el = await fixture<VerdictBadge>(html`<il-verdict-badge .verdict=${verdict}></il-verdict-badge>`);

        expect(labelOf(el, 'verdict')).to.equal(verdictLabel(verdict));
        expect(labelOf(el, 'verdict'), 'a label, not the raw verdict').to.not.equal(verdict);
        expect(part(el, 'verdict')!.dataset.state).to.equal(verdict);
      });
    }

    it('shows "not provided" without a verdict', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge></il-verdict-badge>`);

      expect(labelOf(el, 'verdict')).to.equal('Verdict not provided');
      expect(part(el, 'verdict')!.dataset.state).to.equal('notProvided');
    });

    it('treats an unknown verdict string as not provided', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge verdict="noThreatsFound"></il-verdict-badge>`);

      expect(labelOf(el, 'verdict')).to.equal('Verdict not provided');
    });

    it('draws a distinct icon for each verdict', async () => {
      const shapes = new Set<string>();
      for (const verdict of [...VERDICTS, undefined] as (Verdict | undefined)[]) {
        const el = await fixture<VerdictBadge>(html`<il-verdict-badge .verdict=${verdict}></il-verdict-badge>`);
        shapes.add(iconMarkup(el, 'verdict'));
      }
      expect(shapes.size).to.equal(VERDICTS.length + 1);
    });

    it('returns to "not provided" when the attribute is removed', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge verdict="malicious"></il-verdict-badge>`);
      el.removeAttribute('verdict');
      await el.updateComplete;

      expect(el.verdict).to.equal(undefined);
      expect(labelOf(el, 'verdict')).to.equal('Verdict not provided');
    });
  });

  describe('remediation statuses', () => {
    for (const status of REMEDIATION_STATUSES) {
      it(`shows the ${status} status`, async () => {
        const el = await fixture<VerdictBadge>(
          html`<il-verdict-badge verdict="unknown" remediation-status=${status}></il-verdict-badge>`,
        );

        expect(labelOf(el, 'remediation')).to.equal(remediationLabel(status));
        expect(labelOf(el, 'remediation'), 'a label, not the raw status').to.not.equal(status);
      });
    }

    it('shows an unknown status as given', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge remediation-status="quarantinedByVendor"></il-verdict-badge>`,
      );

      expect(labelOf(el, 'remediation')).to.equal('quarantinedByVendor');
      expect(part(el, 'remediation')!.dataset.group).to.equal('neutral');
    });

    it('shows an unknown status as given in the compact name', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge compact remediation-status="quarantinedByVendor"></il-verdict-badge>`,
      );

      expect(part(el, 'remediation')!.getAttribute('aria-label')).to.equal('Remediation: quarantinedByVendor');
    });

    it('leaves the remediation part out without a status', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge verdict="clean"></il-verdict-badge>`);

      expect(part(el, 'remediation')).to.equal(null);
      expect(part(el, 'verdict')).to.not.equal(null);
    });

    it('draws a distinct icon for each status', async () => {
      const shapes = new Set<string>();
      for (const status of [...REMEDIATION_STATUSES, 'somethingElse']) {
        const el = await fixture<VerdictBadge>(
          html`<il-verdict-badge remediation-status=${status}></il-verdict-badge>`,
        );
        shapes.add(iconMarkup(el, 'remediation'));
      }
      expect(shapes.size).to.equal(REMEDIATION_STATUSES.length + 1);
    });
  });

  describe('properties', () => {
    it('reflects compact to its attribute', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge></il-verdict-badge>`);
      el.compact = true;
      await el.updateComplete;

      expect(el.hasAttribute('compact')).to.equal(true);
    });

    it('shows replaced strings', async () => {
      setStrings({ 'verdict.malicious': 'Bösartig', 'badge.verdictName': 'Urteil: {label}' });
      try {
        const el = await fixture<VerdictBadge>(html`<il-verdict-badge compact verdict="malicious"></il-verdict-badge>`);
        expect(part(el, 'verdict')!.getAttribute('aria-label')).to.equal('Urteil: Bösartig');
      } finally {
        setStrings({ 'verdict.malicious': undefined, 'badge.verdictName': undefined });
      }
    });

    it('renders data as text only', async () => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge remediation-status="<img src=x>"></il-verdict-badge>`,
      );

      expect(labelOf(el, 'remediation')).to.equal('<img src=x>');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });
});
