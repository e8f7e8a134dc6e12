/**
 * Theme tokens shared by every element. Public tokens are `--il-*` custom properties that a
 * host sets on any ancestor. Inside, elements read private `--_il-*` copies, which fall back to
 * the light or dark defaults by `prefers-color-scheme`. The canvas reads the same tokens
 * through `readColor`.
 */

import { css } from 'lit';

export const themeTokens = css`
  :host {
    --_il-font: var(--il-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_il-font-size: var(--il-font-size, 14px);
    --_il-radius: var(--il-radius, 6px);
    --_il-space: var(--il-space, 8px);
    --_il-surface: var(--il-color-surface, #ffffff);
    --_il-surface-raised: var(--il-color-surface-raised, #f5f5f7);
    --_il-text: var(--il-color-text, #1b1b1f);
    --_il-text-muted: var(--il-color-text-muted, #5c5c66);
    --_il-border: var(--il-color-border, #d1d1d6);
    --_il-accent: var(--il-color-accent, #0f62c9);
    --_il-focus: var(--il-color-focus, #0f62c9);
    --_il-edge: var(--il-color-edge, #8a8a94);
    --_il-verdict-malicious: var(--il-color-malicious, #c50f1f);
    --_il-verdict-suspicious: var(--il-color-suspicious, #b35900);
    --_il-verdict-clean: var(--il-color-clean, #107c10);
    --_il-verdict-unknown: var(--il-color-unknown, #616161);
    --_il-verdict-none: var(--il-color-not-provided, #8a8a94);
    --_il-severity-high: var(--il-color-severity-high, #c50f1f);
    --_il-severity-medium: var(--il-color-severity-medium, #b35900);
    --_il-severity-low: var(--il-color-severity-low, #8a6a00);
    --_il-severity-informational: var(--il-color-severity-informational, #0f62c9);
    --_il-severity-unknown: var(--il-color-severity-unknown, #616161);
    --_il-remediated: var(--il-color-remediated, #107c10);
    --_il-pending: var(--il-color-pending, #8a4fc9);
    color-scheme: light dark;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_il-surface: var(--il-color-surface, #18181c);
      --_il-surface-raised: var(--il-color-surface-raised, #232329);
      --_il-text: var(--il-color-text, #ececf1);
      --_il-text-muted: var(--il-color-text-muted, #a4a4ad);
      --_il-border: var(--il-color-border, #3a3a42);
      --_il-accent: var(--il-color-accent, #6aa6ff);
      --_il-focus: var(--il-color-focus, #6aa6ff);
      --_il-edge: var(--il-color-edge, #74747e);
      --_il-verdict-malicious: var(--il-color-malicious, #ff6b6b);
      --_il-verdict-suspicious: var(--il-color-suspicious, #ffa64d);
      --_il-verdict-clean: var(--il-color-clean, #5ec75e);
      --_il-verdict-unknown: var(--il-color-unknown, #a4a4ad);
      --_il-verdict-none: var(--il-color-not-provided, #74747e);
      --_il-severity-high: var(--il-color-severity-high, #ff6b6b);
      --_il-severity-medium: var(--il-color-severity-medium, #ffa64d);
      --_il-severity-low: var(--il-color-severity-low, #e6c84d);
      --_il-severity-informational: var(--il-color-severity-informational, #6aa6ff);
      --_il-severity-unknown: var(--il-color-severity-unknown, #a4a4ad);
      --_il-remediated: var(--il-color-remediated, #5ec75e);
      --_il-pending: var(--il-color-pending, #c39bff);
    }
  }
`;

/**
 * Reads a colour token from an element's computed style, for drawing on a canvas. Returns
 * `fallback` when the token is not set (for example before the element is connected).
 */
export function readColor(element: Element, token: string, fallback: string): string {
  const value = getComputedStyle(element).getPropertyValue(token).trim();
  return value || fallback;
}
