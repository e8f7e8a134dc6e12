/**
 * The first script of every test page. It is a classic script, so it runs before any module
 * and before the events of violations raised while the page parses are dispatched. It records
 * each Content Security Policy violation of the page for violation-hooks.ts, which fails the
 * test file, and posts it to the test server, which counts the violations of the run.
 */

/** One violation, and when it was recorded: which test ran, or what came before or after. */
interface PagePolicyViolation {
  directive: string;
  blockedURI: string;
  source: string;
  sample: string;
  when?: string;
}

interface Window {
  __ilPolicyViolations: PagePolicyViolation[];
}

window.__ilPolicyViolations = [];

document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    // Paths without this page's origin, which the runner would otherwise read as stack frames.
    const violation: PagePolicyViolation = {
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI.replace(location.origin, ''),
      source: event.sourceFile ? `${event.sourceFile.replace(location.origin, '')} line ${event.lineNumber}` : '',
      sample: event.sample,
    };
    window.__ilPolicyViolations.push(violation);
    navigator.sendBeacon('/__il/csp-violation', JSON.stringify({ page: location.href, ...violation }));
  },
  true,
);
