// The Node half that every browser benchmark shares: bundling a bench page, serving it on
// 127.0.0.1 and launching headless Chromium on it.
import { createServer } from 'node:http';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWPORT = { width: 1280, height: 800 };

/** Flags for Chromium in a container: no sandbox and no GPU, and no background connections (updates, sync). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Serves the bench page and its bundle from `directory` on 127.0.0.1, on a free port. */
async function serve(directory) {
  const files = { '/': ['index.html', 'text/html'], '/index.html': ['index.html', 'text/html'], '/bench.js': ['bench.js', 'text/javascript'] };
  const server = createServer(async (request, response) => {
    const file = files[new URL(request.url, 'http://127.0.0.1').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    response.end(await readFile(join(directory, file[0])));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Bundles `<folder>/bench.ts` with esbuild into a temporary directory, serves it there with
 * `<folder>/index.html` and launches headless Chromium (`CHROME_PATH`, else /usr/bin/chromium).
 * `folder` is relative to the repository root, for example `bench/graph`. Returns the browser,
 * the page's URL, the temporary directory, and `close`, which stops all three.
 */
export async function startBench(folder, { protocolTimeoutMs, chromiumArgs = [] }) {
  const workDirectory = await mkdtemp(join(tmpdir(), `${folder.replaceAll('/', '-')}-`));
  let server;
  let browser;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    await rm(workDirectory, { recursive: true, force: true });
  };

  try {
    await build({
      entryPoints: [join(root, folder, 'bench.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(workDirectory, 'bench.js'),
      logLevel: 'warning',
    });
    await copyFile(join(root, folder, 'index.html'), join(workDirectory, 'index.html'));
    server = await serve(workDirectory);

    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, ...chromiumArgs, `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
      defaultViewport: VIEWPORT,
      protocolTimeout: protocolTimeoutMs,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, url: `http://127.0.0.1:${server.address().port}/`, workDirectory, close };
}

/** Returns a line naming the browser version, the CPUs and the Node version the figures come from. */
export async function describeMachine(browser) {
  return `${await browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`;
}
