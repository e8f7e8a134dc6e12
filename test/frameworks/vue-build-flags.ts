/**
 * Defines what a bundler such as Vite defines for Vue's `esm-bundler` build, which the test
 * runner serves as it is: `process.env.NODE_ENV` and Vue's compile-time feature flags. Import
 * this module before Vue.
 */

const page = globalThis as unknown as Record<string, unknown>;

page['process'] ??= { env: { NODE_ENV: 'development' } };
page['__VUE_OPTIONS_API__'] = true;
page['__VUE_PROD_DEVTOOLS__'] = false;
page['__VUE_PROD_HYDRATION_MISMATCH_DETAILS__'] = false;
