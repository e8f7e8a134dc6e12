// Types of content-security-policy.mjs, for demo/vite.config.ts.

export declare const LIBRARY_TRUSTED_TYPES: string[];

export interface ContentSecurityPolicyOptions {
  /** Allows `blob:` in `worker-src` (the default), which the inlined layout worker needs. */
  blobWorkers?: boolean;
  /** Names of the Trusted Types policies the page may create. Defaults to the library's. */
  trustedTypes?: string[];
  /** Sources added to `script-src`. */
  scriptSources?: string[];
}

export declare function contentSecurityPolicy(options?: ContentSecurityPolicyOptions): string;
