/**
 * The Content Security Policy of the test pages: the header each page carries, the runner's
 * own scripts moved out of the page, and what the policy blocks. A frame under the same policy
 * tries each forbidden thing, so this page itself stays free of violations.
 */

import { expect } from '@open-wc/testing';
import { documentedPolicies } from '../helpers/documented-policy.js';
import { MARKUP_POLICY_NAME } from '../helpers/parse-markup.js';
import type { ProbeResult } from './policy-probe.js';
import { frameReport } from './policy-frame.js';

/** Returns the Content-Security-Policy header of this test page. */
async function pagePolicy(): Promise<string> {
  const response = await fetch(location.href);
  return response.headers.get('content-security-policy') ?? '';
}

/** Adds `name` to the `trusted-types` directive of `policy`. */
function withTrustedType(policy: string, name: string): string {
  return policy.replace(/trusted-types ([^;]*)/, `trusted-types $1 ${name}`);
}

/** Loads the probe in a frame under `policy` and resolves with what it reported. */
async function runProbe(policy: string): Promise<ProbeResult> {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ policy, script: '/test/security/policy-probe.ts' });
  frame.src = `/__il/policy-frame?${query}`;
  return frameReport<ProbeResult>(frame, 'il-policy-probe', 10_000, () => 'The probe frame did not report within 10 s.');
}

describe('test page policy', () => {
  it('is the documented policy', async () => {
    const [documented] = await documentedPolicies();

    expect(await pagePolicy()).to.equal(withTrustedType(documented, MARKUP_POLICY_NAME));
  });

  it('has no inline script', () => {
    const inline = [...document.scripts].filter((script) => !script.src).map((script) => script.textContent?.slice(0, 80));

    expect(inline).to.deep.equal([]);
    expect(window.__ilPolicyViolations, 'violation listener installed').to.be.an('array');
  });

  it('blocks each forbidden thing', async () => {
    const policy = withTrustedType(await pagePolicy(), 'il-test-probe');
    const result = await runProbe(policy);
    const directives = result.violations.map((violation) => violation.directive);
    console.log(`[policy] probe: ${JSON.stringify(result.thrown)}; violations ${directives.join(', ')}`);

    expect(result.thrown['untrusted HTML'], 'innerHTML of a string').to.match(/^TypeError/);
    expect(result.thrown['unlisted Trusted Types policy'], 'unlisted policy').to.match(/^TypeError/);
    expect(result.thrown['eval'], 'eval').to.match(/^EvalError/);
    expect(directives).to.include('script-src-elem');
    expect(directives).to.include('script-src');
    expect(directives).to.include('style-src-elem');
    expect(directives).to.include('style-src-attr');
    expect(directives).to.include('require-trusted-types-for');
    expect(directives).to.include('trusted-types');
    expect(directives).to.include('object-src');
    expect(directives).to.include('base-uri');
  });
});
