/**
 * The Storybook toolbar's theme switch. The library follows `prefers-color-scheme` by default,
 * and every element takes a `theme` attribute (`light` or `dark`) that forces a theme on it and
 * on the elements it renders. The switch sets that attribute on each `il-*` element of the page,
 * including those a story renders later, and colours the page behind the stories to match.
 */

import { THEME_TOKENS, themeValue, type ThemeName } from '../src/components/shared/theme.js';

/** The toolbar's choices: a forced theme, or the operating system's preference. */
export type ThemeChoice = ThemeName | 'system';

/** Attribute on the root element that names the forced theme, for the page's own colours. It is absent for `system`. */
export const THEME_ATTRIBUTE = 'data-il-theme';

/**
 * Returns the public token values of the light and the dark theme, from the library's token
 * list. Tokens without a dark default keep their light one.
 */
export function themeValues(): Record<ThemeName, Map<string, string>> {
  const values = (theme: ThemeName): Map<string, string> =>
    new Map(THEME_TOKENS.map((token) => [token.property, themeValue(token, theme)]));
  return { light: values('light'), dark: values('dark') };
}

/** Builds the stylesheet that colours the page behind the stories like the chosen theme. */
export function pageThemeCss(): string {
  const { light, dark } = themeValues();
  const page = (values: Map<string, string>): string =>
    `background: ${values.get('--il-color-surface') ?? 'Canvas'}; color: ${values.get('--il-color-text') ?? 'CanvasText'};`;

  return [
    `:root[${THEME_ATTRIBUTE}='light'] { color-scheme: light; }`,
    `:root[${THEME_ATTRIBUTE}='dark'] { color-scheme: dark; }`,
    `:root[${THEME_ATTRIBUTE}='light'] body { ${page(light)} }`,
    `:root[${THEME_ATTRIBUTE}='dark'] body { ${page(dark)} }`,
    `@media (prefers-color-scheme: dark) {\n  :root:not([${THEME_ATTRIBUTE}]) body { ${page(dark)} }\n}`,
  ].join('\n');
}

let installed = false;
let choice: ThemeChoice = 'system';
/** Elements whose `theme` the switch set, so `system` removes only those. */
const themed = new WeakSet<Element>();

/** Sets or removes the forced theme on one `il-*` element, leaving a `theme` that a story set alone. */
function applyToElement(element: Element): void {
  if (!element.localName.startsWith('il-')) return;
  if (element.hasAttribute('theme') && !themed.has(element)) return;

  if (choice === 'system') {
    element.removeAttribute('theme');
    themed.delete(element);
  } else {
    element.setAttribute('theme', choice);
    themed.add(element);
  }
}

function applyToTree(root: ParentNode): void {
  for (const element of root.querySelectorAll('*')) applyToElement(element);
}

/**
 * Applies `choice` to every `il-*` element in the document and to those added later, and
 * colours the page to match. The page's stylesheet and the observer of added elements are set
 * up once.
 */
export function applyTheme(next: ThemeChoice, document: Document = globalThis.document): void {
  choice = next;
  if (!installed) {
    // A constructed stylesheet, which a Content Security Policy without 'unsafe-inline' allows.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageThemeCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          applyToElement(node);
          applyToTree(node);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
    installed = true;
  }

  if (next === 'system') document.documentElement.removeAttribute(THEME_ATTRIBUTE);
  else document.documentElement.setAttribute(THEME_ATTRIBUTE, next);
  applyToTree(document);
}
