/**
 * `ColorSchemeController`: calls back when the operating system's colour scheme changes. The
 * canvas reads the theme's colours once per frame, and the theme's defaults follow
 * `prefers-color-scheme`, so a change needs a new frame even though no property changed.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ColorSchemeController implements ReactiveController {
  private query: MediaQueryList | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.query ??= matchMedia('(prefers-color-scheme: dark)');
    this.query.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener('change', this.onChange);
  }
}
