/**
 * The Storybook toolbar's theme switch. The library follows `prefers-color-scheme` by default.
 * A host forces a theme by setting the public `--il-*` tokens on an ancestor, because they
 * override the light and the dark defaults alike. This module reads both sets of defaults from
 * the library's own theme stylesheet, so the forced themes stay identical to the built-in ones.
 */

import { themeTokens } from '../src/components/shared/theme.js';

/** The toolbar's choices: a forced theme, or the operating system's preference. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** Attribute on the root element that names the forced theme. It is absent for `system`. */
export const THEME_ATTRIBUTE = 'data-il-theme';

const DARK_MEDIA = '@media (prefers-color-scheme: dark)';

/**
 * Returns the public token values of the light and the dark theme, read from the defaults of
 * the theme stylesheet (`--_il-x: var(--il-x, <default>)`). Tokens without a dark default keep
 * their light one.
 */
export function themeValues(cssText: string = themeTokens.cssText): Record<'light' | 'dark', Map<string, string>> {
  const darkStart = cssText.indexOf(DARK_MEDIA);
  const light = readDefaults(darkStart < 0 ? cssText : cssText.slice(0, darkStart));
  const dark = new Map([...light, ...(darkStart < 0 ? [] : readDefaults(cssText.slice(darkStart)))]);
  return { light, dark };
}

function readDefaults(cssText: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of cssText.matchAll(/--_il-[a-z0-9-]+:\s*var\((--il-[a-z0-9-]+),\s*([^;]+)\);/g)) {
    values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

/** Builds the stylesheet that forces each theme under `[data-il-theme]`, and colours the page to match. */
export function forcedThemeCss(): string {
  const { light, dark } = themeValues();
  const block = (values: Map<string, string>): string => [...values].map(([name, value]) => `  ${name}: ${value};`).join('\n');
  const page = (values: Map<string, string>): string =>
    `background: ${values.get('--il-color-surface') ?? 'Canvas'}; color: ${values.get('--il-color-text') ?? 'CanvasText'};`;

  return [
    `:root[${THEME_ATTRIBUTE}='light'] {\n  color-scheme: light;\n${block(light)}\n}`,
    `:root[${THEME_ATTRIBUTE}='dark'] {\n  color-scheme: dark;\n${block(dark)}\n}`,
    `:root[${THEME_ATTRIBUTE}='light'] body { ${page(light)} }`,
    `:root[${THEME_ATTRIBUTE}='dark'] body { ${page(dark)} }`,
    `${DARK_MEDIA} {\n  :root:not([${THEME_ATTRIBUTE}]) body { ${page(dark)} }\n}`,
  ].join('\n');
}

let installed = false;

/** Adds the forced-theme stylesheet to the document once, and applies `choice` to the root element. */
export function applyTheme(choice: ThemeChoice, document: Document = globalThis.document): void {
  if (!installed) {
    const style = document.createElement('style');
    style.dataset.ilThemeSwitch = '';
    style.textContent = forcedThemeCss();
    document.head.append(style);
    installed = true;
  }
  if (choice === 'system') document.documentElement.removeAttribute(THEME_ATTRIBUTE);
  else document.documentElement.setAttribute(THEME_ATTRIBUTE, choice);
}
