import { expect } from '@open-wc/testing';
import type { StrictPageRecord } from './strict-page-listen.js';

interface StrictPageResult {
  type: 'il-strict-page';
  loadState?: string;
  nodes?: number;
  error?: string;
  record: StrictPageRecord;
}

/**
 * The policy the library must work under: no inline or evaluated script or style, and Trusted
 * Types required for every script sink. `blob:` workers are allowed, as a page that wants the
 * layout worker must allow them or host a same-origin copy.
 */
const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** The strict policy without `blob:` workers, so the layout falls back to the main thread. */
const NO_BLOB_WORKER_POLICY = STRICT_POLICY.replace("worker-src 'self' blob:", "worker-src 'self'");

/** Loads the strict page in a frame under `policy` and resolves with what it reported. */
async function runStrictPage(policy: string): Promise<StrictPageResult> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  // The policy comes in a meta element, so it covers everything after it: both module scripts.
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<script type="module" src="/test/security/strict-page-listen.ts"></script>
<script type="module" src="/test/security/strict-page-main.ts"></script>
</head><body></body></html>`;

  const result = new Promise<StrictPageResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      const record = (frame.contentWindow as (Window & { __ilStrictPage?: StrictPageRecord }) | null)?.__ilStrictPage;
      const text = record ? `stage ${record.stage}, errors ${JSON.stringify(record.errors)}, warnings ${JSON.stringify(record.warnings)}, ${record.violations.length} violations` : 'nothing';
      reject(new Error(`The strict page did not report within 30 s; it recorded ${text}.`));
    }, 30_000);
    window.addEventListener('message', function listen(event: MessageEvent<StrictPageResult>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'il-strict-page') return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(event.data);
    });
  });
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}

function summary(result: StrictPageResult): string {
  const { violations, warnings, workersStarted, workerErrors } = result.record;
  const directives = [...new Set(violations.map((violation) => violation.directive))].join(', ') || 'none';
  return `${result.nodes ?? 0} nodes, ${violations.length} violations (${directives}), ${workersStarted} workers started, ${workerErrors.length} worker errors, ${warnings.length} warnings`;
}

describe('strict page', () => {
  it('runs under a strict policy', async function () {
    this.timeout(40_000);
    const result = await runStrictPage(STRICT_POLICY);
    console.log(`[strict] ${STRICT_POLICY}\n[strict] ${summary(result)}`);
    for (const violation of result.record.violations.slice(0, 5)) console.log(`[strict] violation ${JSON.stringify(violation)}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.loadState).to.equal('ready');
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.warnings.filter((warning) => warning.includes('layout worker')), 'worker warnings').to.deep.equal([]);
  });

  it('falls back without blob workers', async function () {
    this.timeout(40_000);
    const result = await runStrictPage(NO_BLOB_WORKER_POLICY);
    console.log(`[strict] without blob: workers: ${summary(result)}`);
    for (const warning of result.record.warnings) console.log(`[strict] warning ${warning}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.loadState).to.equal('ready');
    expect(result.record.warnings.some((warning) => warning.includes('layout worker could not start')), 'fallback warning').to.equal(true);
    const directives = result.record.violations.map((violation) => violation.directive);
    expect(directives.filter((directive) => directive !== 'worker-src'), 'violations other than the refused worker').to.deep.equal([]);
  });

  it('runs with a trusted-types allow list', async function () {
    this.timeout(40_000);
    const policy = `${STRICT_POLICY}; trusted-types lit-html incident-lens`;
    const result = await runStrictPage(policy);
    console.log(`[strict] with trusted-types lit-html incident-lens: ${summary(result)}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.loadState).to.equal('ready');
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.workerErrors, 'worker errors').to.deep.equal([]);
    expect(result.record.workersStarted, 'workers started').to.be.greaterThan(0);
  });
});
