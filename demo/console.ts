/**
 * The demo's SOC console: an incident queue, `<il-incident-view>`, a panel of the data issues
 * of the open incident, and loading of any payload an analyst pastes or drops. Every text of
 * a payload reaches the page through `textContent` or Lit text bindings, never as HTML.
 */

import type { IncidentView } from '../src/components/incident-view/incident-view.js';
import { FORMAT_LABELS, fromAnyFormat, type PayloadFormat } from '../src/formats/index.js';
import type { DataIssue, IncidentSnapshot } from '../src/model/types.js';
import { validateSnapshot } from '../src/model/validate.js';
import { createDemoAdapter, type DemoAdapter } from './demo-adapter.js';
import { simulatedPatch } from './live-simulation.js';

/** Time between two simulated live updates, in milliseconds. */
export const LIVE_UPDATE_INTERVAL_MS = 4000;

/** One incident of the queue and where it came from. */
interface QueueEntry {
  /** The incident's adapter, which also keeps the incident with its live updates and decisions. */
  adapter: DemoAdapter;
  /** Origin of the incident: "Sample" or the file name, with the detected format. */
  source: string;
  /** Number of simulated live updates sent so far. */
  updates: number;
}

/** The result of loading a payload: the incidents added, or the message of what failed. */
export type PayloadResult = { ok: true; format: PayloadFormat; incidentIds: string[] } | { ok: false; message: string };

/** The elements of the console page, found by id inside `root`. */
interface ConsoleElements {
  view: IncidentView;
  list: HTMLUListElement;
  status: HTMLElement;
  issuesSummary: HTMLElement;
  issuesList: HTMLOListElement;
  dialog: HTMLDialogElement;
  payloadText: HTMLTextAreaElement;
  payloadError: HTMLElement;
  fileInput: HTMLInputElement;
  liveToggle: HTMLInputElement;
  dropZone: HTMLElement;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (element === null) throw new Error(`Demo console: the page has no element ${selector}.`);
  return element;
}

export class DemoConsole {
  readonly elements: ConsoleElements;
  private readonly entries = new Map<string, QueueEntry>();
  private openId: string | undefined;
  private liveTimer: ReturnType<typeof setInterval> | undefined;
  private dragDepth = 0;
  /** Removes the page listeners of `bindControls` when aborted. */
  private readonly listeners = new AbortController();

  constructor(root: ParentNode) {
    this.elements = {
      view: required(root, '#view'),
      list: required(root, '#incident-list'),
      status: required(root, '#load-status'),
      issuesSummary: required(root, '#issues-summary'),
      issuesList: required(root, '#issues-list'),
      dialog: required(root, '#paste-dialog'),
      payloadText: required(root, '#payload-text'),
      payloadError: required(root, '#payload-error'),
      fileInput: required(root, '#payload-file'),
      liveToggle: required(root, '#live-toggle'),
      dropZone: required(root, '#drop-zone'),
    };
    this.bindControls(root);
  }

  /** Stops the live updates and removes the listeners this console added to the page. */
  disconnect(): void {
    this.setLiveUpdates(false);
    this.listeners.abort();
  }

  /** Ids of the incidents in the queue, in queue order. */
  get incidentIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Id of the incident shown in the view. */
  get openIncidentId(): string | undefined {
    return this.openId;
  }

  /** Adds snapshots to the queue without opening them, for the bundled samples. */
  addSnapshots(snapshots: IncidentSnapshot[], source: string): void {
    for (const snapshot of snapshots) this.addEntry(snapshot, source);
  }

  /**
   * Detects the format of a pasted or dropped payload, adds its incidents to the queue and
   * opens the first. An incident whose id is already in the queue replaces that entry.
   */
  loadPayload(text: string, sourceName: string): PayloadResult {
    let loaded;
    try {
      loaded = fromAnyFormat(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.showStatus(`Could not load ${sourceName}: ${message}`, true);
      return { ok: false, message };
    }

    if (loaded.snapshots.length === 0) {
      const message = `${sourceName} was read as ${FORMAT_LABELS[loaded.format]}, but it contains no incident.`;
      this.showStatus(message, true);
      return { ok: false, message };
    }

    const source = `${sourceName} · ${FORMAT_LABELS[loaded.format]}`;
    for (const snapshot of loaded.snapshots) this.addEntry(snapshot, source);
    const incidentIds = loaded.snapshots.map((snapshot) => snapshot.incident.id);
    this.open(incidentIds[0]!);

    const incidents = incidentIds.length === 1 ? '1 incident' : `${incidentIds.length} incidents`;
    this.showStatus(`Loaded ${incidents} from ${sourceName}, read as ${FORMAT_LABELS[loaded.format]}.`, false);
    return { ok: true, format: loaded.format, incidentIds };
  }

  /** Shows an incident of the queue in the view and lists its data issues. */
  open(incidentId: string): void {
    const entry = this.entries.get(incidentId);
    if (entry === undefined) return;
    this.openId = incidentId;

    const { view } = this.elements;
    view.adapter = entry.adapter;
    view.incidentId = incidentId;

    for (const button of this.elements.list.querySelectorAll<HTMLButtonElement>('button[data-incident-id]')) {
      button.setAttribute('aria-current', String(button.dataset.incidentId === incidentId));
    }
    this.renderIssues(validateSnapshot(entry.adapter.snapshot).issues);
    history.replaceState(null, '', `#${encodeURIComponent(incidentId)}`);
  }

  /**
   * Sends the next simulated live update to the open incident. Returns false when no incident is
   * open or the open incident has no entities to patch.
   */
  sendLiveUpdate(): boolean {
    const entry = this.openId === undefined ? undefined : this.entries.get(this.openId);
    if (entry === undefined) return false;

    const patch = simulatedPatch(entry.adapter.snapshot, entry.updates + 1);
    if (patch === undefined) return false;
    entry.updates++;
    entry.adapter.push(entry.adapter.snapshot.incident.id, patch);
    this.renderIssues(validateSnapshot(entry.adapter.snapshot).issues);
    return true;
  }

  /** Starts or stops the simulated live updates. */
  setLiveUpdates(on: boolean): void {
    this.elements.liveToggle.checked = on;
    if (this.liveTimer !== undefined) clearInterval(this.liveTimer);
    this.liveTimer = on ? setInterval(() => this.sendLiveUpdate(), LIVE_UPDATE_INTERVAL_MS) : undefined;
  }

  private addEntry(snapshot: IncidentSnapshot, source: string): void {
    const id = snapshot.incident.id;
    this.entries.set(id, { adapter: createDemoAdapter(snapshot), source, updates: 0 });

    const { list } = this.elements;
    list.querySelector(`button[data-incident-id="${CSS.escape(id)}"]`)?.closest('li')?.remove();

    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.incidentId = id;
    button.textContent = snapshot.incident.title;

    const meta = document.createElement('span');
    meta.className = 'meta';
    const alerts = snapshot.alerts.length === 1 ? '1 alert' : `${snapshot.alerts.length} alerts`;
    meta.textContent = `#${id} · ${snapshot.incident.severity} · ${alerts}`;
    const origin = document.createElement('span');
    origin.className = 'meta';
    origin.textContent = source;
    button.append(meta, origin);

    button.addEventListener('click', () => this.open(id));
    item.append(button);
    list.append(item);
  }

  private renderIssues(issues: readonly DataIssue[]): void {
    const { issuesSummary, issuesList } = this.elements;
    const problems = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    issuesSummary.textContent = issues.length === 0 ? 'Everything in this incident was read.' : `${problems} in the data could not be read:`;

    const items = issues.map((issue) => {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = `${issue.id} · ${issue.field}`;
      item.append(where, document.createTextNode(`: ${issue.problem}`));
      return item;
    });
    issuesList.replaceChildren(...items);
  }

  private showStatus(message: string, isError: boolean): void {
    const { status } = this.elements;
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  private bindControls(root: ParentNode): void {
    const { dialog, payloadText, payloadError, fileInput, liveToggle, dropZone } = this.elements;
    const options = { signal: this.listeners.signal };

    required<HTMLButtonElement>(root, '#paste-open').addEventListener('click', () => {
      payloadError.textContent = '';
      dialog.showModal();
      payloadText.focus();
    }, options);

    required<HTMLFormElement>(root, '#paste-form').addEventListener('submit', (event) => {
      // Keeps the dialog open when the payload cannot be read, with the reason inside it.
      event.preventDefault();
      const result = this.loadPayload(payloadText.value, 'pasted payload');
      if (result.ok) {
        payloadText.value = '';
        dialog.close();
      } else {
        payloadError.textContent = result.message;
      }
    }, options);

    required<HTMLButtonElement>(root, '#paste-cancel').addEventListener('click', () => dialog.close(), options);

    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file !== undefined) void this.loadFile(file);
      fileInput.value = '';
    }, options);

    liveToggle.addEventListener('change', () => this.setLiveUpdates(liveToggle.checked), options);

    // Any file dragged over the page can be dropped; the overlay shows while one is over it.
    const target = dropZone.ownerDocument;
    target.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      this.dragDepth++;
      dropZone.hidden = false;
    }, options);
    target.addEventListener('dragleave', (event) => {
      if (!hasFiles(event)) return;
      this.dragDepth = Math.max(0, this.dragDepth - 1);
      if (this.dragDepth === 0) dropZone.hidden = true;
    }, options);
    target.addEventListener('dragover', (event) => {
      if (hasFiles(event)) event.preventDefault();
    }, options);
    target.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      this.dragDepth = 0;
      dropZone.hidden = true;
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void this.loadFile(file);
    }, options);
  }

  /** Reads a dropped or chosen file as text and loads it. */
  async loadFile(file: File): Promise<PayloadResult> {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const message = `The file could not be read (${error instanceof Error ? error.message : String(error)}).`;
      this.showStatus(`Could not load ${file.name}: ${message}`, true);
      return { ok: false, message };
    }
    return this.loadPayload(text, file.name);
  }
}

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true;
}
