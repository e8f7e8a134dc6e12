/**
 * One incident being investigated: its load state, the snapshot and graph model, the time
 * cursor, the playback state and the selection. Components share one session and talk only
 * through it. DOM-free: it runs in Node as well as the browser.
 */

import type { IncidentDataAdapter } from '../adapter/adapter.js';
import { applyIncidentPatch, syncIncidentGraph } from '../model/apply-patch.js';
import { buildIncidentGraph } from '../model/build-graph.js';
import type { IncidentGraph } from '../model/graph-types.js';
import { incidentTimeBounds } from '../model/time.js';
import type { DataIssue, Entity, EpochMs, IncidentPatch, IncidentSnapshot, PendingAction } from '../model/types.js';
import { validateSnapshot } from '../model/validate.js';
import { filtersAreEmpty, nodePassesFilters, type IncidentFilters } from './filters.js';
import { entityMatchesSearch } from './search.js';
import { SessionChangeEvent, type SessionKey } from './session-change.js';
import { registerSessionClass } from './session-loader.js';

export { SessionChangeEvent, type SessionKey } from './session-change.js';

/** Shortest time between two applications of live updates, in ms. See `receivePatch`. */
export const PATCH_INTERVAL_MS = 50;

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** Selected entities and alerts, by id. */
export interface Selection {
  entityIds: string[];
  alertIds: string[];
}

/** A closed time window in epoch ms. */
export interface TimeRange {
  start: EpochMs;
  end: EpochMs;
}

/** The entity fields that `updateEntity` changes, for example after an adapter's result. */
export type EntityUpdate = Partial<Pick<Entity, 'verdict' | 'remediationStatus'>>;

/** The pending action fields that `updatePendingAction` changes. */
export type PendingActionUpdate = Partial<Pick<PendingAction, 'status'>>;

const EMPTY_SELECTION: Selection = Object.freeze({
  entityIds: Object.freeze([]) as unknown as string[],
  alertIds: Object.freeze([]) as unknown as string[],
});

/**
 * State of one investigation. Setters change state and dispatch a `change` event naming what
 * changed. They never fire DOM events: components fire those, and only for user actions.
 */
export class IncidentSession extends EventTarget {
  loadState: LoadState = 'idle';
  error: unknown = undefined;
  incidentId: string | undefined = undefined;

  /** The adapter of the last `load`, for elements that offer its optional capabilities. */
  adapter: IncidentDataAdapter | undefined = undefined;
  snapshot: IncidentSnapshot | undefined = undefined;
  graph: IncidentGraph | undefined = undefined;

  /** Earliest and latest time of the incident, or undefined before load or without times. */
  timeBounds: TimeRange | undefined = undefined;

  /** The time cursor: what exists at this time is drawn. Starts at the end of the incident. */
  time: EpochMs | undefined = undefined;

  /**
   * Start of the current playback step: a record first seen after this time and at or before
   * the time cursor is new at this step (`isNewNow`). Undefined marks nothing new. The timeline
   * sets it to the previous alert time as it plays or steps, and `setTime` without it clears it.
   */
  stepStart: EpochMs | undefined = undefined;

  /** The time window that restricts the graph and lists, or null for no restriction. */
  range: TimeRange | null = null;

  playing = false;
  speed = 1;
  selection: Selection = EMPTY_SELECTION;
  /** The snapshot's entities by id, for `entityMatchesSearch`, made once per snapshot. */
  private entityIndex: { snapshot: IncidentSnapshot; byId: Map<string, Entity> } | undefined;
  /** Noise controls shared by the graph and the lists. Set through `setFilters`. */
  filters: IncidentFilters = {};

  private loadController: AbortController | undefined;
  private loadGeneration = 0;
  /** Ends the adapter subscription of the current load. Undefined when none is open. */
  private unsubscribe: (() => void) | undefined;
  /** Patches from the subscription waiting for the next application, and its timer. */
  private queuedPatches: IncidentPatch[] = [];
  private patchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPatchAt = -Infinity;

  /**
   * Loads an incident through the adapter. A load that starts while another is under way
   * aborts the earlier one, and its result is discarded. Once loaded, the session subscribes
   * to the adapter's live updates, when it offers `subscribe`, and applies each patch (see
   * `applyPatch`) until the next load, `setSnapshot` or `reset`. Patches that come less than
   * `PATCH_INTERVAL_MS` apart are applied together.
   */
  async load(adapter: IncidentDataAdapter, incidentId: string): Promise<void> {
    this.stopUpdates();
    this.loadController?.abort(new DOMException('Superseded by a newer load.', 'AbortError'));
    const controller = new AbortController();
    this.loadController = controller;
    const generation = ++this.loadGeneration;

    this.adapter = adapter;
    this.incidentId = incidentId;
    this.loadState = 'loading';
    this.error = undefined;
    this.emit('loadState');

    try {
      const snapshot = await adapter.loadIncident(incidentId, { signal: controller.signal });
      if (generation !== this.loadGeneration) return;
      this.setSnapshot(snapshot);
      this.startUpdates(adapter, incidentId);
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.loadState = 'error';
      this.error = error;
      this.emit('loadState');
    } finally {
      if (this.loadController === controller) this.loadController = undefined;
    }
  }

  /**
   * Validates a snapshot, builds its graph and makes it the current incident. The time cursor
   * moves to the end of the incident and the selection is cleared.
   */
  setSnapshot(snapshot: IncidentSnapshot): void {
    this.stopUpdates();
    const valid = validateSnapshot(snapshot);
    this.snapshot = valid;
    this.incidentId = valid.incident.id;
    this.graph = buildIncidentGraph(valid);
    this.timeBounds = incidentTimeBounds(valid);
    this.time = this.timeBounds?.end;
    this.stepStart = undefined;
    this.range = null;
    this.playing = false;
    this.selection = EMPTY_SELECTION;
    this.loadState = 'ready';
    this.error = undefined;
    this.emit('snapshot', 'loadState', 'time', 'range', 'playback', 'selection', 'issues');
  }

  /** Aborts any load under way and returns to `idle`. */
  reset(): void {
    this.stopUpdates();
    this.loadController?.abort(new DOMException('The session was reset.', 'AbortError'));
    this.loadController = undefined;
    this.loadGeneration++;
    this.adapter = undefined;
    this.incidentId = undefined;
    this.snapshot = undefined;
    this.graph = undefined;
    this.timeBounds = undefined;
    this.time = undefined;
    this.stepStart = undefined;
    this.range = null;
    this.playing = false;
    this.selection = EMPTY_SELECTION;
    this.loadState = 'idle';
    this.error = undefined;
    this.emit('snapshot', 'loadState', 'time', 'range', 'playback', 'selection', 'issues');
  }

  /**
   * Moves the time cursor, clamped to the incident's time bounds, and sets `stepStart` (see
   * there): records first seen after `stepStart` are new at this step.
   */
  setTime(time: EpochMs, stepStart?: EpochMs): void {
    const clamped = this.clampTime(time);
    if (clamped === this.time && stepStart === this.stepStart) return;
    this.time = clamped;
    this.stepStart = stepStart;
    this.emit('time');
  }

  setRange(range: TimeRange | null): void {
    const next = range && {
      start: Math.min(range.start, range.end),
      end: Math.max(range.start, range.end),
    };
    if (sameRange(next, this.range)) return;
    this.range = next;
    this.emit('range');
  }

  /**
   * Sets the noise controls the graph and the lists apply (see filters.ts). An empty object or
   * `null` shows everything. Kept across loads of other incidents, like a user's preference.
   */
  setFilters(filters: IncidentFilters | null): void {
    const next = filters && !filtersAreEmpty(filters) ? { ...filters } : {};
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    this.emit('filters');
  }

  /**
   * True when the entity of this id matches a search (see search.ts): its name, id or a
   * property value contains `query`, which `normalizeSearch` made. False for an unknown id.
   */
  entityMatchesSearch(id: string, query: string): boolean {
    const snapshot = this.snapshot;
    if (!snapshot) return false;
    if (this.entityIndex?.snapshot !== snapshot) {
      this.entityIndex = { snapshot, byId: new Map(snapshot.entities.map((entity) => [entity.id, entity])) };
    }
    const entity = this.entityIndex.byId.get(id);
    return entity !== undefined && entityMatchesSearch(entity, query);
  }

  /** True when the graph node of this id passes the filters. False for an unknown id. */
  passesFilters(id: string): boolean {
    const graph = this.graph;
    if (!graph?.hasNode(id)) return false;
    return nodePassesFilters(this.filters, graph, id, graph.getNodeAttributes(id));
  }

  setPlayback(playing: boolean, speed: number = this.speed): void {
    if (playing === this.playing && speed === this.speed) return;
    this.playing = playing;
    this.speed = speed;
    this.emit('playback');
  }

  select(selection: Partial<Selection>): void {
    const next: Selection = {
      entityIds: [...new Set(selection.entityIds ?? [])],
      alertIds: [...new Set(selection.alertIds ?? [])],
    };
    if (sameSelection(next, this.selection)) return;
    this.selection = next;
    this.emit('selection');
  }

  clearSelection(): void {
    this.select({});
  }

  /**
   * Changes fields of one entity, for example the remediation status an adapter returned after
   * an action, and the matching graph node attributes. The snapshot is replaced by a copy with
   * the changed entity, so caches keyed by the snapshot object see the change. The graph is
   * changed in place, so its listeners get graphology's attribute events. Emits `entities`,
   * not `snapshot`, because the incident stays the same. Returns false when the entity is not
   * in the snapshot.
   */
  updateEntity(entityId: string, changes: EntityUpdate): boolean {
    const snapshot = this.snapshot;
    const index = snapshot?.entities.findIndex((entity) => entity.id === entityId) ?? -1;
    if (!snapshot || index < 0) return false;

    const entities = [...snapshot.entities];
    entities[index] = { ...entities[index]!, ...changes };
    this.snapshot = { ...snapshot, entities };

    const graph = this.graph;
    if (graph?.hasNode(entityId)) {
      if ('verdict' in changes) {
        if (changes.verdict === undefined) graph.removeNodeAttribute(entityId, 'verdict');
        else graph.setNodeAttribute(entityId, 'verdict', changes.verdict);
      }
      if ('remediationStatus' in changes) {
        if (changes.remediationStatus === undefined) graph.removeNodeAttribute(entityId, 'remediationStatus');
        else graph.setNodeAttribute(entityId, 'remediationStatus', changes.remediationStatus);
      }
    }

    this.emit('entities');
    return true;
  }

  /**
   * Changes fields of one pending action, for example its status after an approval. Like
   * `updateEntity`, it replaces the snapshot by a copy. Emits `pendingActions`. Returns false
   * when the snapshot has no pending action with this id.
   */
  updatePendingAction(id: string, changes: PendingActionUpdate): boolean {
    const snapshot = this.snapshot;
    const actions = snapshot?.pendingActions;
    const index = actions?.findIndex((action) => action.id === id) ?? -1;
    if (!snapshot || !actions || index < 0) return false;

    const pendingActions = [...actions];
    pendingActions[index] = { ...pendingActions[index]!, ...changes };
    this.snapshot = { ...snapshot, pendingActions };
    this.emit('pendingActions');
    return true;
  }

  /**
   * Applies a live update to the open incident (see `applyIncidentPatch`): alerts, entities,
   * relations, investigations and pending actions are added, replaced or removed, and the
   * snapshot is validated again. The graph is changed in place, so every node already there
   * keeps its position and new nodes are laid out beside their neighbours. A time cursor at the end
   * of the incident follows a new end. Emits `entities` and `issues`, and `time`, `selection`
   * or `pendingActions` when those changed. Returns false when no incident is open.
   */
  applyPatch(patch: IncidentPatch): boolean {
    return this.applyPatches([patch]);
  }

  /**
   * Applies several live updates in order, like `applyPatch` each, but validates the snapshot
   * and changes the graph once, and emits one change.
   */
  applyPatches(patches: readonly IncidentPatch[]): boolean {
    const snapshot = this.snapshot;
    if (!snapshot || !this.graph) return false;

    const next = validateSnapshot(patches.reduce(applyIncidentPatch, snapshot));
    syncIncidentGraph(this.graph, buildIncidentGraph(next));
    this.snapshot = next;
    const keys: SessionKey[] = ['entities', 'issues'];
    if (next.pendingActions !== snapshot.pendingActions) keys.push('pendingActions');

    const followsEnd = this.time === undefined || this.time === this.timeBounds?.end;
    this.timeBounds = incidentTimeBounds(next);
    const time = followsEnd ? this.timeBounds?.end : this.clampTime(this.time!);
    if (time !== this.time) {
      this.time = time;
      keys.push('time');
    }

    const graph = this.graph;
    const entityIds = this.selection.entityIds.filter((id) => graph.hasNode(id));
    const alertIds = this.selection.alertIds.filter((id) => next.alerts.some((alert) => alert.id === id));
    if (entityIds.length !== this.selection.entityIds.length || alertIds.length !== this.selection.alertIds.length) {
      this.selection = { entityIds, alertIds };
      keys.push('selection');
    }

    this.emit(...keys);
    return true;
  }

  /** Data issues of the current snapshot. */
  get issues(): readonly DataIssue[] {
    return this.snapshot?.issues ?? [];
  }

  /**
   * Returns true when a record with this first-seen time exists at the time cursor and falls
   * inside the selected `range`, if any. A record without a first-seen time always exists.
   */
  existsNow(firstSeen: EpochMs | undefined): boolean {
    if (firstSeen === undefined) return true;
    if (this.range && (firstSeen < this.range.start || firstSeen > this.range.end)) return false;
    return this.time === undefined || firstSeen <= this.time;
  }

  /** Returns true when a record with this first-seen time is new at the current step. See `stepStart`. */
  isNewNow(firstSeen: EpochMs | undefined): boolean {
    if (firstSeen === undefined || this.stepStart === undefined || this.time === undefined) return false;
    return firstSeen > this.stepStart && firstSeen <= this.time;
  }

  private startUpdates(adapter: IncidentDataAdapter, incidentId: string): void {
    if (typeof adapter.subscribe !== 'function') return;
    let open = true;
    let unsubscribe: (() => void) | undefined;
    try {
      unsubscribe = adapter.subscribe(incidentId, (patch) => {
        if (open) this.receivePatch(patch);
      });
    } catch (error) {
      console.warn(`IncidentSession: the adapter's subscribe failed for incident ${JSON.stringify(incidentId)}, so the incident gets no live updates.`, error);
      return;
    }
    // A patch that arrives after unsubscribing, from an adapter that delivers late, is ignored.
    this.unsubscribe = () => {
      open = false;
      unsubscribe?.();
    };
  }

  private stopUpdates(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    unsubscribe?.();
    clearTimeout(this.patchTimer);
    this.patchTimer = undefined;
    this.queuedPatches = [];
  }

  /**
   * Applies a patch from the subscription at once when the last one was applied more than
   * `PATCH_INTERVAL_MS` ago, else queues it and applies the queue together once that time has
   * passed. A flood of patches then costs one validation and one graph change per interval
   * instead of one per patch, and a lone patch still shows at once.
   */
  private receivePatch(patch: IncidentPatch): void {
    this.queuedPatches.push(patch);
    if (this.patchTimer !== undefined) return;
    const wait = this.lastPatchAt + PATCH_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.flushPatches();
      return;
    }
    this.patchTimer = setTimeout(() => {
      this.patchTimer = undefined;
      this.flushPatches();
    }, wait);
  }

  private flushPatches(): void {
    const patches = this.queuedPatches;
    this.queuedPatches = [];
    this.lastPatchAt = performance.now();
    if (patches.length > 0) this.applyPatches(patches);
  }

  private clampTime(time: EpochMs): EpochMs {
    if (!Number.isFinite(time)) return this.time ?? 0;
    if (!this.timeBounds) return time;
    return Math.min(this.timeBounds.end, Math.max(this.timeBounds.start, time));
  }

  private emit(...keys: SessionKey[]): void {
    this.dispatchEvent(new SessionChangeEvent(new Set(keys)));
  }
}

function sameSelection(a: Selection, b: Selection): boolean {
  return sameIds(a.entityIds, b.entityIds) && sameIds(a.alertIds, b.alertIds);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function sameRange(a: TimeRange | null, b: TimeRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start === b.start && a.end === b.end;
}

registerSessionClass(IncidentSession);
