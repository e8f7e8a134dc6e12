/**
 * Theme tokens shared by every element. Public tokens are `--il-*` custom properties that a
 * host sets on any ancestor. Inside, elements read private `--_il-*` copies. A colour copy takes
 * the host's value when there is one, else the forced theme's default when the element or an
 * enclosing element has a `theme` attribute, else the light or dark default by
 * `prefers-color-scheme`. The canvas reads the same tokens through `readColor`.
 *
 * The forced theme reaches the elements that an element renders in its shadow root by
 * inheritance: `:host([theme])` sets private `--_il-theme-*` custom properties, which every
 * descendant inherits and reads in its own colour copies. Every stylesheet rule here is built
 * from `THEME_TOKENS`, so the forced themes and the `prefers-color-scheme` defaults cannot drift.
 */

import { unsafeCSS, type CSSResult } from 'lit';

/** One theme token: the public custom property, the private copy the stylesheets read, and its defaults. */
export interface ThemeToken {
  /** Custom property a host sets, such as `--il-color-surface`. */
  readonly property: string;
  /** Private copy that the elements' stylesheets read, such as `--_il-surface`. */
  readonly privateProperty: string;
  /** Default in the light theme. */
  readonly light: string;
  /** Default in the dark theme. Absent for a token that is the same in both, such as a font. */
  readonly dark?: string;
}

/** Name of a forced theme, the values of the elements' `theme` attribute. */
export type ThemeName = 'light' | 'dark';

/** Every theme token in the order of the README's table. */
export const THEME_TOKENS: readonly ThemeToken[] = [
  { property: '--il-font-family', privateProperty: '--_il-font', light: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif" },
  { property: '--il-font-size', privateProperty: '--_il-font-size', light: '14px' },
  { property: '--il-radius', privateProperty: '--_il-radius', light: '6px' },
  { property: '--il-space', privateProperty: '--_il-space', light: '8px' },
  { property: '--il-color-surface', privateProperty: '--_il-surface', light: '#ffffff', dark: '#18181c' },
  { property: '--il-color-surface-raised', privateProperty: '--_il-surface-raised', light: '#f5f5f7', dark: '#232329' },
  { property: '--il-color-text', privateProperty: '--_il-text', light: '#1b1b1f', dark: '#ececf1' },
  { property: '--il-color-text-muted', privateProperty: '--_il-text-muted', light: '#5c5c66', dark: '#a4a4ad' },
  { property: '--il-color-border', privateProperty: '--_il-border', light: '#d1d1d6', dark: '#3a3a42' },
  { property: '--il-color-accent', privateProperty: '--_il-accent', light: '#0f62c9', dark: '#6aa6ff' },
  { property: '--il-color-focus', privateProperty: '--_il-focus', light: '#0f62c9', dark: '#6aa6ff' },
  { property: '--il-color-edge', privateProperty: '--_il-edge', light: '#8a8a94', dark: '#74747e' },
  { property: '--il-color-malicious', privateProperty: '--_il-verdict-malicious', light: '#c50f1f', dark: '#ff6b6b' },
  { property: '--il-color-suspicious', privateProperty: '--_il-verdict-suspicious', light: '#b35900', dark: '#ffa64d' },
  { property: '--il-color-clean', privateProperty: '--_il-verdict-clean', light: '#107c10', dark: '#5ec75e' },
  { property: '--il-color-unknown', privateProperty: '--_il-verdict-unknown', light: '#616161', dark: '#a4a4ad' },
  { property: '--il-color-not-provided', privateProperty: '--_il-verdict-none', light: '#8a8a94', dark: '#74747e' },
  { property: '--il-color-severity-high', privateProperty: '--_il-severity-high', light: '#c50f1f', dark: '#ff6b6b' },
  { property: '--il-color-severity-medium', privateProperty: '--_il-severity-medium', light: '#b35900', dark: '#ffa64d' },
  { property: '--il-color-severity-low', privateProperty: '--_il-severity-low', light: '#8a6a00', dark: '#e6c84d' },
  { property: '--il-color-severity-informational', privateProperty: '--_il-severity-informational', light: '#0f62c9', dark: '#6aa6ff' },
  { property: '--il-color-severity-unknown', privateProperty: '--_il-severity-unknown', light: '#616161', dark: '#a4a4ad' },
  { property: '--il-color-remediated', privateProperty: '--_il-remediated', light: '#107c10', dark: '#5ec75e' },
  { property: '--il-color-pending', privateProperty: '--_il-pending', light: '#8a4fc9', dark: '#c39bff' },
];

/** Returns the token's value in `theme`: its dark default in the dark theme when it has one. */
export function themeValue(token: ThemeToken, theme: ThemeName): string {
  return theme === 'dark' && token.dark !== undefined ? token.dark : token.light;
}

/** Private custom property that carries a forced theme's value of a colour token to descendants. */
function forcedProperty(token: ThemeToken): string {
  return token.privateProperty.replace('--_il-', '--_il-theme-');
}

const colorTokens = THEME_TOKENS.filter((token) => token.dark !== undefined);
const fixedTokens = THEME_TOKENS.filter((token) => token.dark === undefined);

/** Declares each colour's private copy with the defaults of `theme`, under a forced theme's value. */
function colorCopies(theme: ThemeName): string {
  return colorTokens
    .map((token) => `${token.privateProperty}: var(${token.property}, var(${forcedProperty(token)}, ${themeValue(token, theme)}));`)
    .join('\n');
}

/** Declares the values that a `theme` attribute forces on the element and its descendants. */
function forcedValues(theme: ThemeName): string {
  const values = colorTokens.map((token) => `${forcedProperty(token)}: ${themeValue(token, theme)};`);
  return [...values, `--_il-theme-scheme: ${theme};`].join('\n');
}

function buildThemeTokens(): CSSResult {
  const fixed = fixedTokens.map((token) => `${token.privateProperty}: var(${token.property}, ${token.light});`).join('\n');
  // Built from constants of this module only, never from data.
  return unsafeCSS(`
    :host {
      ${fixed}
      ${colorCopies('light')}
      color-scheme: var(--_il-theme-scheme, light dark);
    }

    @media (prefers-color-scheme: dark) {
      :host {
        ${colorCopies('dark')}
      }
    }

    :host([theme='light']) {
      ${forcedValues('light')}
    }

    :host([theme='dark']) {
      ${forcedValues('dark')}
    }
  `);
}

/**
 * The theme stylesheet that every element adopts first. An element without a `theme` attribute
 * follows `prefers-color-scheme`, unless an enclosing element forces a theme.
 */
export const themeTokens: CSSResult = buildThemeTokens();

/**
 * Reads a colour token from an element's computed style, for drawing on a canvas. Returns
 * `fallback` when the token is not set (for example before the element is connected).
 */
export function readColor(element: Element, token: string, fallback: string): string {
  const value = getComputedStyle(element).getPropertyValue(token).trim();
  return value || fallback;
}
