// The Content Security Policy that the README documents and that the demo and every test page
// run under: no inline or evaluated script or style, no plugins, no <base>, and Trusted Types
// required for every script sink. Both demo/vite.config.ts and web-test-runner.config.mjs build
// their header from here, so the demo, the tests and the README name one policy. The Vue and
// Angular examples need a few more allowances, listed once in FRAMEWORK_POLICY_OPTIONS.

/** Trusted Types policies that the library creates: Lit's renderer and the layout worker's URL. */
export const LIBRARY_TRUSTED_TYPES = ['lit-html', 'incident-lens'];

/**
 * Returns the policy as one header value. `blobWorkers: false` leaves `blob:` out of
 * `worker-src`, so the inlined layout worker cannot start. `trustedTypes` lists the policy
 * names the page may create, and `scriptSources` adds sources to `script-src`.
 *
 * @param {import('./content-security-policy.d.mts').ContentSecurityPolicyOptions} [options]
 * @returns {string}
 */
export function contentSecurityPolicy({ blobWorkers = true, trustedTypes = LIBRARY_TRUSTED_TYPES, scriptSources = [] } = {}) {
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    "style-src 'self'",
    blobWorkers ? "worker-src 'self' blob:" : "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes.join(' ')}`,
  ];
  return directives.join('; ');
}

/**
 * Allowances that the framework examples need beyond the library's policy, by example name.
 * Vue's runtime creates a `vue` Trusted Types policy for the static markup it inserts. The
 * Angular example compiles its component in the page (JIT), and the compiler runs the generated
 * code with `new Function` on a TrustedScript of its `angular#unsafe-jit` policy.
 * `'trusted-types-eval'` allows that eval only for TrustedScript values, unlike `'unsafe-eval'`.
 */
export const FRAMEWORK_POLICY_OPTIONS = {
  vue: { trustedTypes: ['vue'], scriptSources: [] },
  angular: { trustedTypes: ['angular', 'angular#unsafe-jit'], scriptSources: ["'trusted-types-eval'"] },
};

/**
 * Returns the policy of a page of the framework example `framework` ("vue" or "angular"): the
 * library's policy with `trustedTypes` (the library's policies by default) and the example's
 * allowances.
 *
 * @param {keyof typeof FRAMEWORK_POLICY_OPTIONS} framework
 * @param {{ trustedTypes?: string[] }} [options]
 * @returns {string}
 */
export function frameworkContentSecurityPolicy(framework, { trustedTypes = LIBRARY_TRUSTED_TYPES } = {}) {
  const allowances = FRAMEWORK_POLICY_OPTIONS[framework];
  if (allowances === undefined) {
    throw new Error(`frameworkContentSecurityPolicy: unknown framework ${JSON.stringify(framework)}; expected one of ${Object.keys(FRAMEWORK_POLICY_OPTIONS).join(', ')}.`);
  }
  return contentSecurityPolicy({
    trustedTypes: [...trustedTypes, ...allowances.trustedTypes],
    scriptSources: allowances.scriptSources,
  });
}
