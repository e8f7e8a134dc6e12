/**
 * The minimap's place in `il-incident-graph`. It decides whether the minimap shows, and imports
 * the minimap's code (minimap.ts) the first time it does. A page whose graphs stay small and
 * that never sets `minimap` does not load that code. Once loaded, the minimap shows from the
 * next frame on.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { Minimap, MinimapHost } from './minimap.js';
import type { Palette } from './palette.js';
import { LazyModule } from './lazy-module.js';

/** Graphs with more visible nodes than this show the minimap without the `minimap` attribute. */
export const MINIMAP_NODE_THRESHOLD = 150;

export interface MinimapLoaderHost extends MinimapHost {
  readonly localName: string;
  requestUpdate(): void;
}

/** The minimap's code. Once loaded, the minimaps of later elements show from their first frame. */
const minimapModule = new LazyModule(() => import('./minimap.js'));

export class MinimapLoader {
  private readonly host: MinimapLoaderHost;
  private minimap: Minimap | undefined;
  private loading = false;
  /** The canvas the last render showed, so a new one is drawn once it appears. */
  private canvas: HTMLCanvasElement | null = null;
  /** Set when the import failed, so the minimap stays away and `ready` no longer waits for it. */
  private failed = false;

  constructor(host: MinimapLoaderHost) {
    this.host = host;
  }

  /** Returns true when the minimap shows: `requested`, or the graph has many visible nodes. */
  shown(requested: boolean): boolean {
    return requested || this.host.display.nodes.length > MINIMAP_NODE_THRESHOLD;
  }

  /**
   * Returns true when the minimap does not show, or its code is loaded so frames draw it. With
   * the code loaded, the minimap is created here rather than at the next render, so the frame
   * that calls this does not wait for another one.
   */
  ready(requested: boolean): boolean {
    if (!this.shown(requested)) return true;
    if (!this.minimap && minimapModule.loaded) this.minimap = new minimapModule.loaded.Minimap(this.host);
    return this.minimap !== undefined || this.failed;
  }

  /** Renders the minimap's canvas when it shows, and starts importing its code on first need. */
  render(requested: boolean): TemplateResult | typeof nothing {
    if (!this.shown(requested)) return nothing;
    if (!this.minimap && minimapModule.loaded) this.minimap = new minimapModule.loaded.Minimap(this.host);
    const minimap = this.minimap;
    if (!minimap) {
      this.load();
      return nothing;
    }
    return html`<canvas
      part="minimap"
      class="minimap"
      aria-hidden="true"
      @pointerdown=${minimap.handlePointerDown}
      @pointermove=${minimap.handlePointerMove}
      @pointerup=${minimap.handlePointerUp}
      @pointercancel=${minimap.handlePointerUp}
    ></canvas>`;
  }

  /**
   * Draws a minimap canvas that the last render added, without waiting for the next change
   * (see `MinimapHost.drawMinimap`). The element calls this after each render.
   */
  rendered(root: ParentNode): void {
    const canvas = root.querySelector<HTMLCanvasElement>('canvas.minimap');
    if (canvas && canvas !== this.canvas) this.host.drawMinimap(canvas);
    this.canvas = canvas;
  }

  /** Draws the minimap once its code is loaded. See `Minimap.draw`. */
  draw(canvas: HTMLCanvasElement | null, palette: Palette, pixelRatio: number, options: { reuse?: boolean } = {}): void {
    this.minimap?.draw(canvas, palette, pixelRatio, options);
  }

  private load(): void {
    if (this.loading || this.failed) return;
    this.loading = true;
    minimapModule.load().then(
      (module) => {
        this.minimap ??= new module.Minimap(this.host);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.failed = true;
        this.loading = false;
        console.warn(`${this.host.localName}: the minimap failed to load (${error instanceof Error ? error.message : String(error)}), so it is not shown.`, this.host);
        this.host.scheduleFrame();
      },
    );
  }
}
