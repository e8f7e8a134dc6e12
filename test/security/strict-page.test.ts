import { expect } from '@open-wc/testing';
import { documentedPolicies } from '../helpers/documented-policy.js';
import type { StrictPageRecord } from './strict-page-listen.js';
import { frameReport } from './policy-frame.js';

interface StrictPageResult {
  type: 'il-strict-page';
  loadState?: string;
  nodes?: number;
  error?: string;
  record: StrictPageRecord;
}

/**
 * The documented policy without its `trusted-types` directive: no inline or evaluated script or
 * style, and Trusted Types required for every script sink, whatever the policies are named.
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

/**
 * Loads the strict page in a frame under `policy` and resolves with what it reported. `main` is
 * the page's main script, and `workerUrl` goes to it as the `worker-url` query parameter.
 */
async function runStrictPage(policy: string, { main = 'strict-page-main.ts', workerUrl }: { main?: string; workerUrl?: string } = {}): Promise<StrictPageResult> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  // The test server sends `policy` as the frame's Content-Security-Policy header, so the frame
  // runs under it alone. A srcdoc frame would inherit the policy of this page as well.
  const query = new URLSearchParams({ policy });
  query.append('script', '/test/security/strict-page-listen.ts');
  query.append('script', `/test/security/${main}`);
  if (workerUrl) query.append('worker-url', workerUrl);
  frame.src = `/__il/policy-frame?${query}`;

  return frameReport<StrictPageResult>(frame, 'il-strict-page', 30_000, () => {
    const record = (frame.contentWindow as (Window & { __ilStrictPage?: StrictPageRecord }) | null)?.__ilStrictPage;
    const text = record ? `stage ${record.stage}, errors ${JSON.stringify(record.errors)}, warnings ${JSON.stringify(record.warnings)}, ${record.violations.length} violations` : 'nothing';
    return `The strict page did not report within 30 s; it recorded ${text}.`;
  });
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
    const [, withoutBlobWorkers] = await documentedPolicies();
    const result = await runStrictPage(withoutBlobWorkers!);
    console.log(`[strict] ${withoutBlobWorkers}\n[strict] ${summary(result)}`);
    for (const warning of result.record.warnings) console.log(`[strict] warning ${warning}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.loadState).to.equal('ready');
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.warnings.filter((warning) => warning.includes('layout worker could not start')), 'fallback warnings').to.have.length(1);
    const directives = result.record.violations.map((violation) => violation.directive);
    expect(directives, 'violations: the refused worker only').to.deep.equal(['worker-src']);
  });

  it('starts a same-origin worker without blob', async function () {
    this.timeout(40_000);
    const [, withoutBlobWorkers] = await documentedPolicies();
    const result = await runStrictPage(withoutBlobWorkers!, { main: 'strict-worker-main.ts', workerUrl: '/dist/layout-worker.js' });
    console.log(`[strict] ${withoutBlobWorkers} with worker-url /dist/layout-worker.js\n[strict] ${summary(result)}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.workerErrors, 'worker errors').to.deep.equal([]);
    expect(result.record.workersStarted, 'workers started').to.equal(1);
    expect(result.record.warnings.filter((warning) => warning.includes('layout worker')), 'worker warnings').to.deep.equal([]);
  });

  it('runs under the documented policy', async function () {
    this.timeout(40_000);
    const [policy] = await documentedPolicies();
    const result = await runStrictPage(policy!);
    console.log(`[strict] ${policy}\n[strict] ${summary(result)}`);

    expect(result.error, 'error in the strict page').to.equal(undefined);
    expect(result.loadState).to.equal('ready');
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.workerErrors, 'worker errors').to.deep.equal([]);
    expect(result.record.workersStarted, 'workers started').to.be.greaterThan(0);
  });
});
