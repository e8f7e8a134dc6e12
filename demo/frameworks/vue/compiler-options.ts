/**
 * Vue template compiler options for pages that use incident-lens elements in templates or
 * single-file components. Without `isCustomElement`, Vue tries to resolve `<il-incident-view>`
 * as a Vue component and warns that it failed. Pass them to the compiler in the build setup,
 * for example `vue({ template: { compilerOptions: incidentLensCompilerOptions } })` with
 * `@vitejs/plugin-vue`. Render functions, as in incident-panel.ts, need no option.
 */

/** Returns whether a template tag is an incident-lens element. */
export function isIncidentLensElement(tag: string): boolean {
  return tag.startsWith('il-');
}

export const incidentLensCompilerOptions = { isCustomElement: isIncidentLensElement };
