/**
 * The Storybook theme toolbar's switch, and the README's theming table: both follow the
 * defaults of the library's theme stylesheet.
 */

import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { applyTheme, THEME_ATTRIBUTE, themeValues } from '../../.storybook/theme-switch.js';
import '../../src/components/verdict-badge/define.js';
import type { VerdictBadge } from '../../src/components/verdict-badge/verdict-badge.js';

async function surfaceOf(): Promise<string> {
  const badge = await fixture<VerdictBadge>(html`<il-verdict-badge verdict="malicious"></il-verdict-badge>`);
  return getComputedStyle(badge).getPropertyValue('--_il-surface').trim();
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

    expect(document.documentElement.getAttribute(THEME_ATTRIBUTE)).to.equal('dark');
    expect(await surfaceOf()).to.equal(dark.get('--il-color-surface'));
  });

  it('forces light under a dark preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    applyTheme('light');

    expect(await surfaceOf()).to.equal(light.get('--il-color-surface'));
  });

  it('follows the preference on system', async () => {
    applyTheme('dark');
    applyTheme('system');
    await emulateMedia({ colorScheme: 'dark' });

    expect(document.documentElement.hasAttribute(THEME_ATTRIBUTE)).to.equal(false);
    expect(await surfaceOf()).to.equal(dark.get('--il-color-surface'));
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
