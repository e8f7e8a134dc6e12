/**
 * The Storybook theme toolbar's switch, which sets the elements' `theme` attribute, and the
 * README's theming table: both follow the library's theme token list.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { applyTheme, THEME_ATTRIBUTE, themeValues } from '../../.storybook/theme-switch.js';
import '../../src/components/verdict-badge/define.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';

async function badgeFixture(): Promise<VerdictBadge> {
  return fixture<VerdictBadge>(html`<il-verdict-badge verdict="malicious"></il-verdict-badge>`);
}

function surfaceOf(element: Element): string {
  return getComputedStyle(element).getPropertyValue('--_il-surface').trim();
}

describe('Storybook theme switch', () => {
  const { light, dark } = themeValues();

  afterEach(async () => {
    applyTheme('system');
    await emulateMedia({ colorScheme: 'light' });
  });

  it('reads every token of both themes', () => {
    expect(light.size, 'light tokens').to.be.greaterThan(20);
    expect([...dark.keys()]).to.deep.equal([...light.keys()]);
    expect(dark.get('--il-color-surface')).to.not.equal(light.get('--il-color-surface'));
  });

  it('forces dark under a light preference', async () => {
    await emulateMedia({ colorScheme: 'light' });
    applyTheme('dark');

    const badge = await badgeFixture();
    expect(document.documentElement.getAttribute(THEME_ATTRIBUTE)).to.equal('dark');
    expect(badge.getAttribute('theme')).to.equal('dark');
    expect(surfaceOf(badge)).to.equal(dark.get('--il-color-surface'));
  });

  it('forces light under a dark preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const badge = await badgeFixture();
    applyTheme('light');

    expect(badge.getAttribute('theme')).to.equal('light');
    expect(surfaceOf(badge)).to.equal(light.get('--il-color-surface'));
  });

  it('follows the preference on system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const badge = await badgeFixture();
    applyTheme('light');
    applyTheme('system');

    expect(document.documentElement.hasAttribute(THEME_ATTRIBUTE)).to.equal(false);
    expect(badge.hasAttribute('theme')).to.equal(false);
    expect(surfaceOf(badge)).to.equal(dark.get('--il-color-surface'));
  });

  it('keeps a theme the story set', async () => {
    const badge = await fixture<VerdictBadge>(html`<il-verdict-badge theme="light" verdict="clean"></il-verdict-badge>`);
    applyTheme('dark');
    applyTheme('system');

    expect(badge.getAttribute('theme')).to.equal('light');
  });
});

describe('README theming table', () => {
  it('lists every theme token with its defaults', async () => {
    const readme = await (await fetch('/README.md')).text();
    const { light, dark } = themeValues();

    for (const [name, value] of light) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `row of ${name}`).to.not.equal(undefined);
      if (!name.startsWith('--il-color-')) continue;
      expect(row, `light ${name}`).to.contain(`\`${value}\``);
      expect(row, `dark ${name}`).to.contain(`\`${dark.get(name)}\``);
    }
  });
});
