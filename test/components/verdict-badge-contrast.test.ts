/**
 * Contrast of `<il-verdict-badge>` against WCAG 2.2 AA, computed from the colours the browser
 * resolves in the light and the dark theme. Label text needs 4.5:1 (success criterion 1.4.3),
 * and the icons that carry each state need 3:1 (1.4.11, non-text contrast).
 *
 * Forced-colors mode is checked on the stylesheet: the Chrome launcher of the test runner
 * ignores `emulateMedia({ forcedColors: 'active' })`, so the system colours cannot be measured
 * in this browser. The tests check that the forced-colors rules exist and map every colour to a
 * system colour, and that each state keeps its own icon shape and its own text there.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/verdict-badge/define.js';
import { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';
import { REMEDIATION_STATUSES, VERDICTS } from '../../src/model/types.js';

type Rgb = [number, number, number];

/** Resolves any CSS colour to sRGB channels (0 to 255) through a probe element's computed colour. */
function resolveColor(value: string): Rgb {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();

  const channels = computed.match(/[\d.]+/g)?.map(Number);
  if (!channels || channels.length < 3) throw new Error(`Cannot read colour "${value}" (computed "${computed}").`);
  if (channels.length > 3 && channels[3]! < 1) throw new Error(`Colour "${value}" is translucent, so no single contrast ratio applies.`);
  return [channels[0]!, channels[1]!, channels[2]!];
}

/** Relative luminance as WCAG 2.2 defines it. */
function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Reads a resolved custom property of the badge, such as the theme's surface colour. */
function token(el: Element, name: string): Rgb {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  if (value === '') throw new Error(`Token ${name} is not set.`);
  return resolveColor(value);
}

const STATUSES = [...REMEDIATION_STATUSES, 'vendorQuarantined'];
const FILLED_SHAPE = /fill="currentColor"/;

/** Lists the badges to measure: every verdict (and none), and every status (and an unknown one). */
function badgeCases(): { verdict: string | undefined; status: string }[] {
  const verdicts: (string | undefined)[] = [...VERDICTS, undefined];
  const cases = verdicts.map((verdict, index) => ({ verdict, status: STATUSES[index % STATUSES.length]! }));
  for (const status of STATUSES) cases.push({ verdict: 'unknown', status });
  return cases;
}

for (const theme of ['light', 'dark'] as const) {
  describe(`<il-verdict-badge> contrast, ${theme} theme`, () => {
    before(async () => {
      await emulateMedia({ colorScheme: theme });
    });

    after(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    it('applies the theme', async () => {
      const el = await fixture<VerdictBadge>(html`<il-verdict-badge verdict="clean"></il-verdict-badge>`);
      const surface = luminance(token(el, '--_il-surface'));

      if (theme === 'dark') expect(surface).to.be.below(0.1);
      else expect(surface).to.be.above(0.8);
    });

    for (const { verdict, status } of badgeCases()) {
      const name = `${verdict ?? 'no verdict'} / ${status}`;

      it(`meets AA in full form: ${name}`, async () => {
        const el = await fixture<VerdictBadge>(
          html`<il-verdict-badge .verdict=${verdict} .remediationStatus=${status}></il-verdict-badge>`,
        );
        for (const item of el.shadowRoot!.querySelectorAll<HTMLElement>('.item')) {
          const part = item.getAttribute('part')!;
          const background = resolveColor(getComputedStyle(item).backgroundColor);
          const label = resolveColor(getComputedStyle(item.querySelector('.label')!).color);
          const icon = resolveColor(getComputedStyle(item.querySelector('svg')!).color);

          expect(contrastRatio(label, background), `${part} label`).to.be.at.least(4.5);
          expect(contrastRatio(icon, background), `${part} icon`).to.be.at.least(3);
        }
      });

      it(`meets AA in compact form: ${name}`, async () => {
        const el = await fixture<VerdictBadge>(
          html`<il-verdict-badge compact .verdict=${verdict} .remediationStatus=${status}></il-verdict-badge>`,
        );
        // A compact badge has no background of its own: it sits on the theme's surfaces.
        const surfaces = [token(el, '--_il-surface'), token(el, '--_il-surface-raised')];
        const markColor = token(el, '--_icon-contrast');

        for (const item of el.shadowRoot!.querySelectorAll<HTMLElement>('.item')) {
          const part = item.getAttribute('part')!;
          const svg = item.querySelector('svg')!;
          const icon = resolveColor(getComputedStyle(svg).color);
          for (const surface of surfaces) {
            expect(contrastRatio(icon, surface), `${part} icon on surface`).to.be.at.least(3);
          }
          // The check, cross or bar drawn over a filled shape must stand out from the fill.
          if (FILLED_SHAPE.test(svg.innerHTML) && svg.innerHTML.includes('--_icon-contrast')) {
            expect(contrastRatio(markColor, icon), `${part} mark on its fill`).to.be.at.least(3);
          }
        }
      });
    }
  });
}

describe('<il-verdict-badge> in forced-colors mode', () => {
  /** Returns the rules inside the badge stylesheet's `@media (forced-colors: active)` blocks. */
  function forcedColorRules(): CSSStyleRule[] {
    const sheets = VerdictBadge.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
    const rules: CSSStyleRule[] = [];
    for (const sheet of sheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active')) {
          rules.push(...[...rule.cssRules].filter((inner): inner is CSSStyleRule => inner instanceof CSSStyleRule));
        }
      }
    }
    return rules;
  }

  it('has forced-colors rules', () => {
    expect(forcedColorRules().length).to.be.greaterThan(0);
  });

  it('maps the state colour to a system colour', () => {
    const declarations = forcedColorRules().map((rule) => rule.style);
    const stateColor = declarations.map((style) => style.getPropertyValue('--_state-color').trim().toLowerCase());
    const textColor = declarations.map((style) => style.color.toLowerCase());

    expect(stateColor).to.include('canvastext');
    expect(textColor).to.include('canvastext');
  });

  it('draws marks over filled shapes in the background colour', () => {
    const marks = forcedColorRules()
      .map((rule) => rule.style.getPropertyValue('--_icon-contrast').trim())
      .filter(Boolean);

    expect(marks).to.deep.equal(['Canvas']);
  });

  it('keeps a pill border in the full form', () => {
    const border = forcedColorRules().find((rule) => rule.selectorText.includes(':not([compact])'));

    expect(border, 'a rule for the full form').to.not.equal(undefined);
    expect(border!.style.borderColor.toLowerCase()).to.equal('canvastext');
  });

  it('gives each state its own shape and text', async () => {
    const shapes = new Map<string, string>();
    const texts = new Set<string>();
    const record = async (verdict: string | undefined, status: string | undefined): Promise<void> => {
      const el = await fixture<VerdictBadge>(
        html`<il-verdict-badge .verdict=${verdict} .remediationStatus=${status}></il-verdict-badge>`,
      );
      for (const item of el.shadowRoot!.querySelectorAll<HTMLElement>('.item')) {
        if (item.getAttribute('part') === 'remediation' && status === undefined) continue;
        const key = `${item.getAttribute('part')}:${item.dataset.state}`;
        shapes.set(key, item.querySelector('svg')!.innerHTML.replace(/<!--.*?-->/g, ''));
        texts.add(item.querySelector('.label')!.textContent!.trim());
      }
    };

    for (const verdict of [...VERDICTS, undefined]) await record(verdict, undefined);
    for (const status of REMEDIATION_STATUSES) await record('unknown', status);

    const stateCount = VERDICTS.length + 1 + REMEDIATION_STATUSES.length;
    expect(shapes.size).to.equal(stateCount);
    expect(new Set(shapes.values()).size, 'one shape per state').to.equal(stateCount);
    expect(texts.size, 'one label per state').to.equal(stateCount);
  });
});
