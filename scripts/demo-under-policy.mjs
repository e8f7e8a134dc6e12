// A test-runner plugin that opens the demo the way `npm start` and `vite preview` serve it, with
// the Content Security Policy of demo/vite.config.ts. It goes through what an analyst does:
// every sample incident, a pasted payload, a dropped file, a chosen file that fails to load, a
// click on a graph node and the simulated live updates. It runs in Node and drives a new tab of the test browser, because the
// demo comes from a Vite server on another origin than the test page.
//
// The browser test calls it with `executeServerCommand('demo-under-policy', payload)` and asserts
// on the report it returns. The listener of the tab is added through the DevTools protocol
// before the demo's own scripts, so the demo is served unchanged.
//
// Payload: { server: 'dev' | 'build', paste: { text }, drop: { name, text } }, or
// { server, frameworkExample: '/frameworks/vue/' } to open one framework example and wait for
// its incident view instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, createServer, preview } from 'vite';

export const DEMO_COMMAND = 'demo-under-policy';

/** Polls `predicate` in the page every 100 ms until it returns a truthy value, and returns that value. */
async function waitInPage(page, description, predicate, arg, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`The demo page timed out after ${timeout} ms waiting for ${description}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Returns the open incident of the demo once its view is ready: id, load state and node count. */
function openIncident(page, expectedId) {
  return waitInPage(page, `incident ${expectedId ?? '(any)'} to be ready`, async (id) => {
    const view = document.querySelector('#view');
    if (!view || (id !== undefined && view.incidentId !== id) || view.loadState !== 'ready') return undefined;
    const graph = view.shadowRoot.querySelector('il-incident-graph');
    await graph?.layoutSettled;
    return { id: view.incidentId, loadState: view.loadState, nodes: view.graph?.order ?? 0 };
  }, expectedId);
}

/** Goes through the demo in `page` at `url` and returns what it saw. */
async function walkThroughDemo(page, url, { paste, drop }) {
  const record = { url, policy: '', violations: [], errors: [], warnings: [], samples: [], paste: undefined, drop: undefined, fileError: undefined, entity: undefined, live: undefined };
  page.on('pageerror', (error) => record.errors.push(String(error.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text());
    if (message.type() === 'warn' && !message.text().startsWith('Lit is in dev mode')) record.warnings.push(message.text());
  });
  await page.evaluateOnNewDocument(() => {
    window.__ilDemoViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__ilDemoViolations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}`, sample: event.sample });
    }, true);
  });
  await page.setViewport({ width: 1400, height: 900 });

  const response = await page.goto(url, { waitUntil: 'load' });
  record.policy = response?.headers()['content-security-policy'] ?? '';
  await openIncident(page);

  // Every sample of the queue, opened by a click on its button.
  const sampleIds = await page.evaluate(() => [...document.querySelectorAll('#incident-list button')].map((button) => button.dataset.incidentId));
  for (const id of sampleIds) {
    await page.click(`#incident-list button[data-incident-id="${id}"]`);
    record.samples.push(await openIncident(page, id));
  }

  // A pasted payload, through the dialog.
  await page.click('#paste-open');
  await page.evaluate((text) => {
    document.querySelector('#payload-text').value = text;
  }, paste.text);
  await page.click('#paste-load');
  const pasted = await openIncident(page, await waitInPage(page, 'the pasted payload to open', () => !document.querySelector('#paste-dialog').open && document.querySelector('#view').incidentId));
  record.paste = { ...pasted, status: await page.$eval('#load-status', (element) => element.textContent) };

  // A dropped file. The drag events are made in the page, as a file drop from the desktop cannot be.
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, drop);
  await waitInPage(page, 'the dropped file to load', (name) => document.querySelector('#load-status').textContent.includes(name), drop.name);
  record.drop = { ...(await openIncident(page)), status: await page.$eval('#load-status', (element) => element.textContent) };

  // A chosen file of no known format fails to load, and its error must show where the user
  // acted even with a queue longer than the window: inside the viewport and not covered.
  await page.evaluate(() => {
    const input = document.querySelector('#payload-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"colour": "red"}'], 'colour.json'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitInPage(page, 'the file error to show', () => document.querySelector('#load-status').textContent.includes('colour.json'));
  record.fileError = await page.evaluate(() => {
    const status = document.querySelector('#load-status');
    const box = status.getBoundingClientRect();
    const inViewport = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { status: status.textContent, isError: status.classList.contains('error'), inViewport, uncovered: hit !== null && status.contains(hit) };
  });

  // A click on an entity node opens the flyout, which renders the entity's details.
  const target = await page.evaluate(async () => {
    const view = document.querySelector('#view');
    const graph = view.shadowRoot.querySelector('il-incident-graph');
    const id = view.graph.findNode((_node, attributes) => attributes.kind !== 'alert');
    await graph.fit();
    const point = graph.toScreen(id);
    const box = graph.getBoundingClientRect();
    return { id, label: view.graph.getNodeAttribute(id, 'label'), x: box.left + point.x, y: box.top + point.y };
  });
  await page.mouse.click(Math.round(target.x), Math.round(target.y));
  const flyoutText = await waitInPage(page, 'the entity flyout', () => document.querySelector('#view').shadowRoot.querySelector('il-entity-flyout')?.shadowRoot?.textContent);
  record.entity = { id: target.id, label: target.label, flyoutShowsLabel: flyoutText.includes(target.label) };

  // Live updates, which the demo sends every 4 seconds while the toggle is on.
  const before = await page.evaluate(() => document.querySelector('#view').graph.order);
  await page.click('#live-toggle');
  const after = await waitInPage(page, 'a live update to add nodes', (count) => {
    const order = document.querySelector('#view').graph.order;
    return order > count ? order : undefined;
  }, before, 15_000);
  await page.click('#live-toggle');
  record.live = { nodesBefore: before, nodesAfter: after };

  // Violations are dispatched in tasks of their own, so give the last ones a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  record.violations = await page.evaluate(() => window.__ilDemoViolations);
  return record;
}

/**
 * Opens the framework example at `path` (such as `/frameworks/angular/`) of the demo server at
 * `url` and returns its policy header, its violations and errors, and its incident view's state.
 */
async function openFrameworkExample(page, url, path) {
  const record = { url: new URL(path, url).href, policy: '', violations: [], errors: [], view: undefined };
  page.on('pageerror', (error) => record.errors.push(String(error.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(`${message.text()} (${message.location()?.url ?? 'no URL'})`);
  });
  await page.evaluateOnNewDocument(() => {
    window.__ilDemoViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__ilDemoViolations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}`, sample: event.sample });
    }, true);
  });
  await page.setViewport({ width: 1400, height: 900 });

  const response = await page.goto(record.url, { waitUntil: 'load' });
  record.policy = response?.headers()['content-security-policy'] ?? '';
  record.view = await waitInPage(page, `the incident view of ${path} to be ready`, async () => {
    const view = document.querySelector('il-incident-view');
    if (!view || view.loadState !== 'ready') return undefined;
    await view.shadowRoot.querySelector('il-incident-graph')?.layoutSettled;
    return { id: view.incidentId, loadState: view.loadState, nodes: view.graph?.order ?? 0 };
  });

  await new Promise((resolve) => setTimeout(resolve, 200));
  record.violations = await page.evaluate(() => window.__ilDemoViolations);
  return record;
}

/** Creates the plugin. The demo is built into `cacheDir` for the `build` server. */
export function demoUnderPolicy({ rootDir, cacheDir }) {
  const configFile = join(rootDir, 'demo/vite.config.ts');
  const buildDir = join(cacheDir, 'demo-build');
  const servers = new Map();

  /** Starts the server of `kind` once and resolves with its URL. */
  function serverUrl(kind) {
    if (!servers.has(kind)) {
      servers.set(kind, (async () => {
        // Port 0 takes any free port, so the test never collides with a running `npm start`.
        const common = { configFile, logLevel: 'error', clearScreen: false, cacheDir: join(cacheDir, 'vite-demo') };
        let server;
        if (kind === 'dev') {
          server = await createServer({ ...common, server: { port: 0, strictPort: false } });
          await server.listen();
        } else {
          mkdirSync(buildDir, { recursive: true });
          await build({ ...common, build: { outDir: buildDir, emptyOutDir: true } });
          server = await preview({ ...common, preview: { port: 0, strictPort: false }, build: { outDir: buildDir } });
        }
        return { server, url: server.resolvedUrls.local[0] };
      })());
    }
    return servers.get(kind).then(({ url }) => url);
  }

  return {
    name: 'demo-under-policy',

    async executeCommand({ command, payload, session }) {
      if (command !== DEMO_COMMAND) return undefined;
      if (payload?.server !== 'dev' && payload?.server !== 'build') {
        throw new Error(`${DEMO_COMMAND}: payload.server must be "dev" or "build" (got ${JSON.stringify(payload?.server)}).`);
      }
      if (payload.frameworkExample !== undefined && !/^\/frameworks\/[a-z]+\/$/.test(payload.frameworkExample)) {
        throw new Error(`${DEMO_COMMAND}: payload.frameworkExample must be a path like "/frameworks/vue/" (got ${JSON.stringify(payload.frameworkExample)}).`);
      }
      const url = await serverUrl(payload.server);
      const page = await session.browser.getPage(session.id).browserContext().newPage();
      try {
        if (payload.frameworkExample !== undefined) return await openFrameworkExample(page, url, payload.frameworkExample);
        return await walkThroughDemo(page, url, payload);
      } finally {
        await page.close();
      }
    },

    async serverStop() {
      for (const started of servers.values()) {
        const { server } = await started.catch(() => ({}));
        await server?.close();
      }
    },
  };
}
