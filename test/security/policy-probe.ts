/**
 * Script of the probe frame of test-page-policy.test.ts. Under the policy of the test pages it
 * tries each thing the policy forbids, records whether the browser threw and which violations
 * it reported, and posts that to the parent page.
 */

/** The parts of a Trusted Types policy the probe uses. Trusted values are typed as strings here. */
interface ProbePolicy {
  createScript(code: string): string;
  createScriptURL(url: string): string;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript?: (code: string) => string; createScriptURL?: (url: string) => string }): ProbePolicy;
}

export interface ProbeResult {
  type: 'il-policy-probe';
  /** For each attempt, the error it threw, or '' when it did not throw. */
  thrown: Record<string, string>;
  violations: Array<{ directive: string; sample: string }>;
}

const violations: ProbeResult['violations'] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push({ directive: event.effectiveDirective, sample: event.sample }), true);

const factory = (globalThis as unknown as { trustedTypes: TrustedTypesFactory }).trustedTypes;
// The frame's policy lists this name, so the probe can pass the Trusted Types checks and reach
// the `script-src` and `object-src` checks behind them.
const probe = factory.createPolicy('il-test-probe', { createScript: (code) => code, createScriptURL: (url) => url });

/** Attempts that the policy must block, by name. */
const attempts: Record<string, () => void> = {
  'inline script': () => {
    const script = document.createElement('script');
    script.textContent = probe.createScript('window.name = "inline script ran"');
    document.head.append(script);
  },
  eval: () => {
    (0, eval)(probe.createScript('1'));
  },
  'style element': () => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  },
  'style attribute': () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'styled' }));
    document.getElementById('styled')!.setAttribute('style', 'color: red');
  },
  'untrusted HTML': () => {
    document.body.innerHTML = '<b>markup</b>';
  },
  'unlisted Trusted Types policy': () => {
    factory.createPolicy('not-listed', {});
  },
  'object element': () => {
    const object = document.createElement('object');
    object.data = probe.createScriptURL('/README.md');
    document.body.append(object);
  },
  'base element': () => {
    document.head.append(Object.assign(document.createElement('base'), { href: '/elsewhere/' }));
  },
};

const thrown: Record<string, string> = {};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    thrown[name] = '';
  } catch (error) {
    thrown[name] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

// Violations are dispatched in tasks of their own, after the attempts.
setTimeout(() => {
  const result: ProbeResult = { type: 'il-policy-probe', thrown, violations };
  parent.postMessage(result, location.origin);
}, 300);
