/**
 * Reads the published sample payloads of the shared data folder, served by the test runner at
 * `/shared-data/`. When a file is missing the test is skipped locally, and fails on CI, where
 * the folder must be there.
 */

declare global {
  interface Window {
    __IL_CI__?: boolean;
  }
}

/** Fetches `path` (relative to the shared data folder) as text, or skips or fails the test. */
export async function readSharedText(context: Mocha.Context, path: string): Promise<string> {
  const response = await fetch(`/shared-data/${path}`);
  if (response.ok) return response.text();

  const message = `Shared sample payload not found: ${path} (HTTP ${response.status}).`;
  if (window.__IL_CI__) throw new Error(`${message} CI must have the shared data folder.`);
  context.skip();
  throw new Error(message);
}

/** Fetches and parses a JSON sample payload; see `readSharedText`. */
export async function readSharedJson(context: Mocha.Context, path: string): Promise<unknown> {
  return JSON.parse(await readSharedText(context, path));
}
