/**
 * End to end: the demo as `npm start` (the Vite dev server) and `vite preview` (the built demo)
 * serve it, under the Content Security Policy of demo/vite.config.ts. The test server opens it
 * in a tab of its own and goes through every sample, a pasted payload, a dropped file, a click
 * on a graph node and the live updates (scripts/demo-under-policy.mjs). This file checks that
 * the page carried the documented policy, that every step worked and that no violation was seen.
 * The Vue and Angular examples under /frameworks/ get their framework's allowances on top of
 * that policy, and must render their incident view with no violation either.
 */

import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { frameworkContentSecurityPolicy } from '../../scripts/content-security-policy.mjs';
import { sampleSnapshot } from '../../demo/frameworks/sample.js';
import { sampleIncidents } from '../../demo/samples/index.js';
import { documentedPolicies } from '../helpers/documented-policy.js';
import { readSharedText } from '../helpers/shared-data.js';

const PASTED = 'defender/defender-xdr-api_list-incidents.response.json';
const DROPPED = 'sentinel/sentinel-securityalert-row.eventhub.ndjson';

interface IncidentState {
  id: string;
  loadState: string;
  nodes: number;
}

interface DemoReport {
  url: string;
  policy: string;
  violations: Array<{ directive: string; blockedURI: string; source: string; sample: string }>;
  errors: string[];
  warnings: string[];
  samples: IncidentState[];
  paste: IncidentState & { status: string };
  drop: IncidentState & { status: string };
  fileError: { status: string; isError: boolean; inViewport: boolean; uncovered: boolean };
  entity: { id: string; label: string; flyoutShowsLabel: boolean };
  live: { nodesBefore: number; nodesAfter: number };
}

interface FrameworkExampleReport {
  url: string;
  policy: string;
  violations: DemoReport['violations'];
  errors: string[];
  view: IncidentState;
}

async function walkThroughDemo(context: Mocha.Context, server: 'dev' | 'build'): Promise<DemoReport> {
  const paste = { text: await readSharedText(context, PASTED) };
  const drop = { name: 'alerts.ndjson', text: await readSharedText(context, DROPPED) };
  const report = (await executeServerCommand('demo-under-policy', { server, paste, drop })) as DemoReport;
  const steps = `${report.samples.length} samples, pasted ${report.paste.id}, dropped ${report.drop.id}, flyout of ${report.entity.id}, live ${report.live.nodesBefore} -> ${report.live.nodesAfter} nodes`;
  console.log(`[demo ${server}] ${report.url}: ${steps}; ${report.violations.length} violations, ${report.errors.length} errors, ${report.warnings.length} warnings`);
  return report;
}

function expectDemoWorked(report: DemoReport, policy: string): void {
  expect(report.policy, 'Content-Security-Policy header of the demo page').to.equal(policy);
  expect(report.violations, 'policy violations').to.deep.equal([]);
  expect(report.errors, 'page errors and console errors').to.deep.equal([]);
  expect(report.warnings.filter((warning) => warning.includes('layout worker')), 'layout worker warnings').to.deep.equal([]);

  expect(report.samples.map((sample) => sample.id), 'sample incidents in the queue').to.deep.equal(sampleIncidents.map((payload) => String(payload.id)));
  for (const sample of report.samples) expect(sample.nodes, `graph nodes of sample ${sample.id}`).to.be.greaterThan(0);
  expect(report.paste.id, 'incident of the pasted payload').to.equal('924565');
  expect(report.paste.status).to.contain('read as Defender XDR');
  expect(report.drop.status).to.contain('alerts.ndjson, read as Microsoft Sentinel');
  expect(report.drop.nodes, 'graph nodes of the dropped file').to.be.greaterThan(0);
  expect(report.fileError.status, 'status after a file of no known format').to.contain('Could not load colour.json');
  expect(report.fileError.isError, 'file error styled as an error').to.equal(true);
  expect(report.fileError.inViewport, 'file error inside the viewport').to.equal(true);
  expect(report.fileError.uncovered, 'file error not covered by another element').to.equal(true);
  expect(report.entity.flyoutShowsLabel, `flyout names ${report.entity.label}`).to.equal(true);
  expect(report.live.nodesAfter, 'nodes after a live update').to.be.greaterThan(report.live.nodesBefore);
}

describe('demo under its policy', () => {
  it('works on the dev server', async function () {
    this.timeout(120_000);
    const [policy] = await documentedPolicies();
    expectDemoWorked(await walkThroughDemo(this, 'dev'), policy);
  });

  it('works when built', async function () {
    this.timeout(120_000);
    const [policy] = await documentedPolicies();
    expectDemoWorked(await walkThroughDemo(this, 'build'), policy);
  });

  it('renders the react example on the dev server', async function () {
    this.timeout(120_000);
    const [policy] = await documentedPolicies();
    const report = (await executeServerCommand('demo-under-policy', { server: 'dev', frameworkExample: '/frameworks/react/' })) as FrameworkExampleReport;
    console.log(`[demo dev] ${report.url}: ${report.view.nodes} nodes; ${report.violations.length} violations, ${report.errors.length} errors`);

    // React needs no allowance, so its example gets the demo's own policy.
    expect(report.policy, 'Content-Security-Policy header of the example page').to.equal(policy);
    expect(report.violations, 'policy violations').to.deep.equal([]);
    expect(report.errors, 'page errors and console errors').to.deep.equal([]);
    expect(report.view.id, 'incident of the example').to.equal(sampleSnapshot().incident.id);
    expect(report.view.nodes, 'graph nodes of the example').to.be.greaterThan(0);
  });

  for (const example of ['angular', 'vue'] as const) {
    it(`renders the ${example} example on the dev server`, async function () {
      this.timeout(120_000);
      const report = (await executeServerCommand('demo-under-policy', { server: 'dev', frameworkExample: `/frameworks/${example}/` })) as FrameworkExampleReport;
      console.log(`[demo dev] ${report.url}: ${report.view.nodes} nodes; ${report.violations.length} violations, ${report.errors.length} errors`);

      expect(report.policy, 'Content-Security-Policy header of the example page').to.equal(frameworkContentSecurityPolicy(example));
      expect(report.policy, 'Trusted Types stay required').to.contain("require-trusted-types-for 'script'");
      expect(report.policy, 'no plain eval').not.to.contain("'unsafe-eval'");
      expect(report.violations, 'policy violations').to.deep.equal([]);
      expect(report.errors, 'page errors and console errors').to.deep.equal([]);
      expect(report.view.id, 'incident of the example').to.equal(sampleSnapshot().incident.id);
      expect(report.view.nodes, 'graph nodes of the example').to.be.greaterThan(0);
    });
  }
});
