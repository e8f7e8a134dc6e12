// Types of content-security-policy.mjs, for demo/vite.config.ts and the tests.

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

export type FrameworkExample = 'vue' | 'angular';

export declare const FRAMEWORK_POLICY_OPTIONS: Record<FrameworkExample, { trustedTypes: string[]; scriptSources: string[] }>;

export declare function frameworkContentSecurityPolicy(framework: FrameworkExample, options?: { trustedTypes?: string[] }): string;
