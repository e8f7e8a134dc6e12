/**
 * The layout worker of the script-tag bundle. Its source is a chunk loaded on first use, and it
 * starts from a `blob:` URL under the README's policy. Where `blob:` workers are blocked, the
 * layout falls back to the main thread, and `worker-url` starts dist/layout-worker.js instead. Each case runs test/bundle/bundle-graph-main.ts in a frame under its policy.
 */

import { expect } from '@open-wc/testing';
import { documentedPolicies } from '../helpers/documented-policy.js';
import { frameReport } from '../security/policy-frame.js';
import type { StrictPageRecord } from '../security/strict-page-listen.js';

interface GraphPageResult {
  type: 'il-strict-page';
  nodes?: number;
  error?: string;
  record: StrictPageRecord;
}

async function runGraphPage(policy: string, workerUrl?: string): Promise<GraphPageResult> {
  const query = new URLSearchParams({ policy });
  query.append('script', '/test/security/strict-page-listen.ts');
  query.append('script', '/test/bundle/bundle-graph-main.ts');
  if (workerUrl) query.append('worker-url', workerUrl);
  const frame = document.createElement('iframe');
  frame.style.width = '1100px';
  frame.style.height = '800px';
  frame.src = `/__il/policy-frame?${query}`;

  return frameReport<GraphPageResult>(frame, 'il-strict-page', 30_000, () => {
    const record = (frame.contentWindow as (Window & { __ilStrictPage?: StrictPageRecord }) | null)?.__ilStrictPage;
    return `The bundle's graph page did not report within 30 s; it reached stage ${record?.stage ?? 'none'} with errors ${JSON.stringify(record?.errors ?? [])}.`;
  });
}

describe('script-tag bundle layout worker', () => {
  it('starts from a blob URL', async function () {
    this.timeout(40_000);
    const [policy] = await documentedPolicies();
    const result = await runGraphPage(policy!);

    expect(result.error, 'error in the graph page').to.equal(undefined);
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.workerErrors, 'worker errors').to.deep.equal([]);
    expect(result.record.workersStarted, 'workers started').to.equal(1);
  });

  it('falls back without blob workers', async function () {
    this.timeout(40_000);
    const [, withoutBlobWorkers] = await documentedPolicies();
    const result = await runGraphPage(withoutBlobWorkers!);

    expect(result.error, 'error in the graph page').to.equal(undefined);
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.warnings.filter((warning) => warning.includes('layout worker could not start')), 'fallback warnings').to.have.length(1);
    const directives = result.record.violations.map((violation) => violation.directive);
    expect(directives, 'violations: the refused worker only').to.deep.equal(['worker-src']);
  });

  it('starts a same-origin worker without blob', async function () {
    this.timeout(40_000);
    const [, withoutBlobWorkers] = await documentedPolicies();
    const result = await runGraphPage(withoutBlobWorkers!, '/dist/layout-worker.js');

    expect(result.error, 'error in the graph page').to.equal(undefined);
    expect(result.nodes).to.be.greaterThan(400);
    expect(result.record.violations, 'policy violations').to.deep.equal([]);
    expect(result.record.workerErrors, 'worker errors').to.deep.equal([]);
    expect(result.record.workersStarted, 'workers started').to.equal(1);
  });
});
