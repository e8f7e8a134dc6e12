/**
 * Resolves the session an element works on and re-renders the element when that session
 * changes. The most explicit source wins: the element's `session` property, then a session of
 * its own loaded from its `adapter` and `incidentId`, then an ancestor's session from context.
 * A session of its own may wait for the session code to load (see session-loader.ts).
 */

import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IncidentDataAdapter } from '../../adapter/adapter.js';
import { sessionContext } from '../../session/context.js';
import type { IncidentSession } from '../../session/session.js';
import { SessionChangeEvent, type SessionKey } from '../../session/session-change.js';
import { loadSessionClass, sessionClassNow } from '../../session/session-loader.js';

/** The properties an element exposes to choose its session. */
export interface SessionSource {
  session?: IncidentSession | undefined;
  adapter?: IncidentDataAdapter | undefined;
  incidentId?: string | undefined;
}

export type SessionHost = ReactiveControllerHost & HTMLElement & SessionSource;

export interface SessionControllerOptions {
  /** The session keys whose changes re-render the host; all keys when omitted. */
  keys?: readonly SessionKey[];
  /** Called after the host was asked to update, with the keys that changed. */
  onChange?: (keys: ReadonlySet<SessionKey>, session: IncidentSession) => void;
  /** Called when the resolved session itself is replaced by another one (or by none). */
  onSessionChange?: (session: IncidentSession | undefined) => void;
}

export class SessionController implements ReactiveController {
  private readonly host: SessionHost;
  private readonly options: SessionControllerOptions;
  private readonly consumer: ContextConsumer<typeof sessionContext, SessionHost>;
  private ownSession: IncidentSession | undefined;
  private loadedAdapter: IncidentDataAdapter | undefined;
  private loadedIncidentId: string | undefined;
  private current: IncidentSession | undefined;
  /** True while the session code is being imported for a session of the element's own. */
  private waitingForSessionCode = false;

  constructor(host: SessionHost, options: SessionControllerOptions = {}) {
    this.host = host;
    this.options = options;
    this.consumer = new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: () => this.resolve(),
    });
    host.addController(this);
  }

  /** The session in effect, or undefined when the element has none yet. */
  get session(): IncidentSession | undefined {
    return this.current;
  }

  /** The session this element created from its own `adapter` and `incidentId`, if any. */
  get ownedSession(): IncidentSession | undefined {
    return this.ownSession;
  }

  hostConnected(): void {
    this.resolve();
  }

  hostDisconnected(): void {
    this.current?.removeEventListener(SessionChangeEvent.type, this.handleChange);
    this.current = undefined;
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** Re-reads the host's properties and context, and switches session if needed. */
  resolve(): void {
    if (!this.host.isConnected) return;
    const next = this.host.session ?? this.sessionFromAdapter() ?? this.consumer.value;
    if (next === this.current) return;

    this.current?.removeEventListener(SessionChangeEvent.type, this.handleChange);
    this.current = next;
    next?.addEventListener(SessionChangeEvent.type, this.handleChange);
    this.options.onSessionChange?.(next);
    this.host.requestUpdate();
  }

  private sessionFromAdapter(): IncidentSession | undefined {
    const { adapter, incidentId } = this.host;
    if (!adapter || !incidentId) return undefined;

    if (!this.ownSession) {
      const SessionClass = sessionClassNow();
      if (!SessionClass) {
        this.loadSessionCode();
        return undefined;
      }
      this.ownSession = new SessionClass();
    }
    if (adapter !== this.loadedAdapter || incidentId !== this.loadedIncidentId) {
      this.loadedAdapter = adapter;
      this.loadedIncidentId = incidentId;
      void this.ownSession.load(adapter, incidentId);
    }
    return this.ownSession;
  }

  /** Imports the session code, then resolves again, which creates the session. */
  private loadSessionCode(): void {
    if (this.waitingForSessionCode) return;
    this.waitingForSessionCode = true;
    loadSessionClass().then(
      () => {
        this.waitingForSessionCode = false;
        this.resolve();
      },
      (error: unknown) => {
        this.waitingForSessionCode = false;
        console.error(`${this.host.localName}: the session code failed to load, so the adapter's incident cannot be shown.`, error);
      },
    );
  }

  private readonly handleChange = (event: Event): void => {
    const { keys } = event as SessionChangeEvent;
    const watchedKeys = this.options.keys;
    if (watchedKeys && !watchedKeys.some((key) => keys.has(key))) return;

    this.host.requestUpdate();
    if (this.current) this.options.onChange?.(keys, this.current);
  };
}
