/**
 * Counts what a page leaves running: workers, timers, animation frames, observers and window or
 * document listeners. It wraps the globals while installed, so it counts only what is started
 * through them after `install()`. A module that kept its own reference to a global before
 * (d3-timer keeps `requestAnimationFrame`) is not counted.
 */

export interface LiveResources {
  workers: number;
  timeouts: number;
  intervals: number;
  animationFrames: number;
  observers: number;
  windowListeners: number;
  documentListeners: number;
}

type ObserverClass = typeof ResizeObserver | typeof IntersectionObserver | typeof MutationObserver;

export class ResourceTracker {
  private readonly workers = new Set<Worker>();
  private readonly timeouts = new Set<number>();
  private readonly intervals = new Set<number>();
  private readonly frames = new Set<number>();
  private readonly observers = new Set<object>();
  private readonly listeners = new Map<EventTarget, Set<string>>();
  private readonly restore: Array<() => void> = [];

  install(): void {
    this.wrapTimers();
    this.wrapWorker();
    for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver'] as const) this.wrapObserver(name);
    this.wrapListeners(window);
    this.wrapListeners(document);
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
  }

  live(): LiveResources {
    return {
      workers: this.workers.size,
      timeouts: this.timeouts.size,
      intervals: this.intervals.size,
      animationFrames: this.frames.size,
      observers: this.observers.size,
      windowListeners: this.listeners.get(window)?.size ?? 0,
      documentListeners: this.listeners.get(document)?.size ?? 0,
    };
  }

  private replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const original = target[key];
    target[key] = value;
    this.restore.push(() => (target[key] = original));
  }

  private wrapTimers(): void {
    const { setTimeout: nativeSetTimeout, clearTimeout: nativeClearTimeout, setInterval: nativeSetInterval, clearInterval: nativeClearInterval } = window;
    const { requestAnimationFrame: nativeRequestFrame, cancelAnimationFrame: nativeCancelFrame } = window;

    this.replace(window, 'setTimeout', ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id: number = nativeSetTimeout(
        (...callArgs: unknown[]) => {
          this.timeouts.delete(id);
          if (typeof handler === 'function') (handler as (...values: unknown[]) => void)(...callArgs);
        },
        delay,
        ...args,
      );
      this.timeouts.add(id);
      return id;
    }) as typeof window.setTimeout);
    this.replace(window, 'clearTimeout', ((id?: number) => {
      if (id !== undefined) this.timeouts.delete(id);
      nativeClearTimeout(id);
    }) as typeof window.clearTimeout);
    this.replace(window, 'setInterval', ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id = nativeSetInterval(handler, delay, ...args);
      this.intervals.add(id);
      return id;
    }) as typeof window.setInterval);
    this.replace(window, 'clearInterval', ((id?: number) => {
      if (id !== undefined) this.intervals.delete(id);
      nativeClearInterval(id);
    }) as typeof window.clearInterval);
    this.replace(window, 'requestAnimationFrame', (callback: FrameRequestCallback) => {
      const id = nativeRequestFrame((time) => {
        this.frames.delete(id);
        callback(time);
      });
      this.frames.add(id);
      return id;
    });
    this.replace(window, 'cancelAnimationFrame', (id: number) => {
      this.frames.delete(id);
      nativeCancelFrame(id);
    });
  }

  private wrapWorker(): void {
    const NativeWorker = window.Worker;
    const workers = this.workers;
    this.replace(window, 'Worker', class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.add(this);
      }

      override terminate(): void {
        workers.delete(this);
        super.terminate();
      }
    });
  }

  private wrapObserver(name: 'ResizeObserver' | 'IntersectionObserver' | 'MutationObserver'): void {
    const Native = window[name] as ObserverClass;
    const observers = this.observers;
    // An observer counts as live from its first observe() until disconnect().
    const Tracked = class extends (Native as typeof ResizeObserver) {
      override observe(...args: Parameters<ResizeObserver['observe']>): void {
        observers.add(this);
        super.observe(...args);
      }

      override disconnect(): void {
        observers.delete(this);
        super.disconnect();
      }
    };
    this.replace(window as unknown as Record<string, unknown>, name, Tracked);
  }

  private wrapListeners(target: Window | Document): void {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const keys = new Set<string>();
    this.listeners.set(target, keys);
    const ids = new WeakMap<object, number>();
    let next = 0;
    const keyOf = (type: string, listener: unknown, options: unknown): string => {
      const capture = typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture);
      if (typeof listener !== 'object' && typeof listener !== 'function') return `${type}|none|${capture}`;
      if (!ids.has(listener as object)) ids.set(listener as object, next++);
      return `${type}|${ids.get(listener as object)}|${capture}`;
    };

    this.replace(target, 'addEventListener', function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const once = typeof options === 'object' && options !== null && (options as AddEventListenerOptions).once;
      if (listener && !once) keys.add(keyOf(type, listener, options));
      add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    } as typeof target.addEventListener);
    this.replace(target, 'removeEventListener', function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      keys.delete(keyOf(type, listener, options));
      remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    } as typeof target.removeEventListener);
  }
}
