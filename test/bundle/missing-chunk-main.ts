/**
 * Main script of the missing-chunk page (test/bundle/autoload.test.ts): loads the script-tag
 * bundle from /__il/bundle-without-element-chunks/, where every element chunk is missing,
 * adds an `<il-alert-timeline>`, and posts the console errors and the rejection of
 * `defineElements` to the parent page.
 */

import type * as Bundle from '../../src/bundle.js';

export interface MissingChunkReport {
  type: 'il-missing-chunk';
  consoleErrors: string[];
  /** Message of the error that `defineElements(['il-alert-timeline'])` rejected with. */
  rejection?: string;
  defined: boolean;
  failure?: string;
}

const bundleUrl = '/__il/bundle-without-element-chunks/incident-lens.bundle.js';
const consoleErrors: string[] = [];
const logError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  consoleErrors.push(args.map(String).join(' '));
  logError(...args);
};

async function run(): Promise<Omit<MissingChunkReport, 'type'>> {
  const api = (await import(/* @vite-ignore */ bundleUrl)) as typeof Bundle;
  document.body.append(document.createElement('il-alert-timeline'));

  let rejection: string | undefined;
  try {
    await api.defineElements(['il-alert-timeline']);
  } catch (error) {
    rejection = error instanceof Error ? error.message : String(error);
  }
  return { consoleErrors, rejection, defined: customElements.get('il-alert-timeline') !== undefined };
}

run().then(
  (report) => parent.postMessage({ type: 'il-missing-chunk', ...report }, parent.location.origin),
  (error: unknown) => parent.postMessage({ type: 'il-missing-chunk', consoleErrors, defined: false, failure: String(error) }, parent.location.origin),
);
