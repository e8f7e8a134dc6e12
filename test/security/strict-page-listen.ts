/**
 * First script of the strict test page: it records policy violations and warnings before any
 * library module loads, so violations raised while the modules load are counted too.
 */

export interface StrictPageRecord {
  violations: Array<{ directive: string; blockedURI: string; sample: string }>;
  warnings: string[];
  workersStarted: number;
  workerErrors: string[];
  /** The last step the main script reached, for a page that stops reporting. */
  stage: string;
  errors: string[];
}

declare global {
  interface Window {
    __ilStrictPage: StrictPageRecord;
  }
}

const record: StrictPageRecord = { violations: [], warnings: [], workersStarted: 0, workerErrors: [], stage: 'listening', errors: [] };
window.__ilStrictPage = record;

document.addEventListener('securitypolicyviolation', (event) => {
  record.violations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample });
});

window.addEventListener('error', (event) => record.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason)));

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  record.warnings.push(args.map(String).join(' '));
  warn(...args);
};

const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    record.workersStarted++;
    this.addEventListener('error', (event) => record.workerErrors.push(event.message || 'worker error event'));
  }
};
