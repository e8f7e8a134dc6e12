// The Content Security Policy that the README documents and that the demo and every test page
// run under: no inline or evaluated script or style, no plugins, no <base>, and Trusted Types
// required for every script sink. Both demo/vite.config.ts and web-test-runner.config.mjs build
// their header from here, so the demo, the tests and the README name one policy.

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
