/**
 * Registers a custom element once. A second registration of the same tag (the module loaded
 * twice, or two versions of incident-lens on one page) keeps the first and warns once, naming
 * both versions, instead of throwing.
 */

declare const __IL_VERSION__: string | undefined;

/** The package version, replaced at build time; `development` when run from source. */
export const VERSION: string = typeof __IL_VERSION__ === 'string' ? __IL_VERSION__ : 'development';

const warned = new Set<string>();

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;

  const existing = customElements.get(tag);
  if (!existing) {
    Object.defineProperty(element, 'incidentLensVersion', { value: VERSION, configurable: true });
    customElements.define(tag, element);
    return;
  }

  if (existing === element || warned.has(tag)) return;
  warned.add(tag);
  const registeredVersion = (existing as { incidentLensVersion?: string }).incidentLensVersion ?? 'unknown';
  console.warn(
    `incident-lens: <${tag}> is already registered by version ${registeredVersion}; ` +
      `version ${VERSION} keeps that registration. Load incident-lens once per page.`,
  );
}
