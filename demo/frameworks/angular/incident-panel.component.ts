/**
 * An Angular standalone component that embeds `<il-incident-view>`. `CUSTOM_ELEMENTS_SCHEMA`
 * lets the template use the `il-` tags. `[adapter]` binds a DOM property, so the element gets
 * the object itself, and `(il-selection-change)` listens for the element's event.
 *
 * The decorator is applied as a function call, because this project compiles without
 * TypeScript's legacy decorators. In an Angular CLI project, write `@Component({...})` above
 * the class. The template is compiled in the browser (JIT) when `@angular/compiler` is
 * loaded, as in the test. The CLI compiles it ahead of time instead.
 */

import { Component, CUSTOM_ELEMENTS_SCHEMA, EventEmitter } from '@angular/core';
import { createStaticAdapter } from '../../../src/adapter/index.js';
import type { IncidentDataAdapter } from '../../../src/adapter/adapter.js';
import type { SelectionChangeDetail, SelectionChangeEvent } from '../../../src/components/shared/events.js';
import type { IncidentSnapshot } from '../../../src/model/types.js';
import '../../../src/components/incident-view/define.js';

/** Shows one snapshot in the incident view and names the entities and alerts the user selected. */
export class IncidentPanelComponent {
  /** The incident to show, set through the `snapshot` input. */
  snapshot: IncidentSnapshot | undefined;

  /** Emits once for each selection the user makes in the view. */
  readonly selectionChange = new EventEmitter<SelectionChangeDetail>();

  selection: SelectionChangeDetail = { entityIds: [], alertIds: [] };

  private adapterSnapshot: IncidentSnapshot | undefined;
  private cachedAdapter: IncidentDataAdapter | undefined;

  /** The adapter of the current snapshot, created again only when the snapshot changes. */
  get adapter(): IncidentDataAdapter | undefined {
    if (this.snapshot !== this.adapterSnapshot) {
      this.adapterSnapshot = this.snapshot;
      this.cachedAdapter = this.snapshot ? createStaticAdapter(this.snapshot) : undefined;
    }
    return this.cachedAdapter;
  }

  get selectedText(): string {
    const selected = [...this.selection.entityIds, ...this.selection.alertIds];
    return selected.length > 0 ? `Selected: ${selected.join(', ')}` : 'Nothing selected';
  }

  handleSelectionChange(event: SelectionChangeEvent): void {
    this.selection = event.detail;
    this.selectionChange.emit(event.detail);
  }
}

Component({
  selector: 'incident-panel',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  inputs: ['snapshot'],
  outputs: ['selectionChange'],
  // Style bindings set properties through the CSSOM, which a Content Security Policy without
  // 'unsafe-inline' in style-src allows. A static style attribute would be blocked.
  template: `
    <section class="incident-panel">
      <il-incident-view
        [style.display]="'block'"
        [style.height.px]="640"
        [adapter]="adapter"
        [incidentId]="snapshot?.incident?.id"
        (il-selection-change)="handleSelectionChange($event)"
      ></il-incident-view>
      <p class="selection" role="status">{{ selectedText }}</p>
    </section>
  `,
})(IncidentPanelComponent);
