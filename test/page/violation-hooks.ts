/**
 * Root hooks of every test page, loaded after the test framework: each violation recorded by
 * violation-listener.ts is labelled with the test that was running, and the test file fails
 * after its last test with the list of them.
 */

// A module, so its names stay out of the global scope it would otherwise share with the
// listener script.
export {};

const violations = window.__ilPolicyViolations;
let labelled = 0;

/** Labels the violations recorded since the last call with `when`. */
function label(when: string): void {
  for (; labelled < violations.length; labelled++) violations[labelled]!.when = when;
}

mocha.suite.beforeEach(function () {
  label(`before "${this.currentTest?.fullTitle()}" started`);
});

mocha.suite.afterEach(function () {
  label(`during "${this.currentTest?.fullTitle()}"`);
});

mocha.suite.afterAll(async function () {
  // A violation is reported in a task of its own, so one raised by the last test may still be queued.
  await new Promise((resolve) => setTimeout(resolve, 0));
  label('after the last test');
  if (violations.length === 0) return;

  const lines = violations.map(({ directive, blockedURI, source, sample, when }) => {
    const details = [blockedURI && `blocked ${blockedURI}`, source && `in ${source}`, sample && `sample "${sample}"`].filter(Boolean);
    return `- ${directive} ${when}: ${details.join(', ')}`;
  });
  throw new Error(`Content Security Policy violations on this test page: ${violations.length}\n${lines.join('\n')}`);
});
