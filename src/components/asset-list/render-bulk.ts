/**
 * Renders the bar of bulk actions over the asset table. The state lives in the
 * `BulkActionController`. These functions draw it and route clicks back to it. Buttons stay
 * focusable while their action runs (`aria-disabled`), and each action has a live region that
 * exists before its text changes.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { ActionDescriptor } from '../../adapter/adapter.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg } from '../shared/strings.js';
import type { BulkActionController, BulkActionState } from './bulk-actions.js';

/**
 * Renders the bar for `checkedCount` checked entities, with `onClear` behind its Clear button
 * and counts in the locale of `format`.
 */
export function renderBulkBar(
  controller: BulkActionController,
  checkedCount: number,
  onClear: () => void,
  format: LocaleFormat,
): TemplateResult {
  return html`<div part="bulk-bar" class="bulk-bar" role="group" aria-label=${msg('assets.bulk.label')}>
    <span class="checked-count">${format.msg('assets.checked', { count: checkedCount })}</span>
    <button type="button" class="text-button" @click=${onClear}>${msg('assets.clearChecked')}</button>
    ${controller.supported ? renderActionList(controller, format) : nothing}
  </div>`;
}

function renderActionList(controller: BulkActionController, format: LocaleFormat): TemplateResult {
  switch (controller.listStatus) {
    case 'initial':
    case 'pending':
      return html`<span class="hint" role="status">${msg('assets.bulk.loading')}</span>`;
    case 'error':
      return html`<span class="hint" role="status">${msg('assets.bulk.loadFailed', { reason: errorText(controller.listError) })}</span>`;
    case 'complete':
      if (controller.actions.length === 0) return html`<span class="hint" role="status">${msg('assets.bulk.none')}</span>`;
      return html`<ul class="bulk-actions">
        ${controller.actions.map((action, index) => renderAction(controller, action, index, format))}
      </ul>`;
  }
}

function renderAction(controller: BulkActionController, action: ActionDescriptor, index: number, format: LocaleFormat): TemplateResult {
  const state = controller.state(action.id);
  const base = `bulk-${index}`;
  return html`<li class="bulk-action" data-action-id=${action.id} data-phase=${state.phase}>
    <button
      type="button"
      class="button"
      part="bulk-button"
      ?data-destructive=${action.destructive === true}
      aria-disabled=${state.phase === 'running' ? 'true' : 'false'}
      aria-expanded=${action.destructive ? String(state.phase === 'confirming') : nothing}
      aria-controls=${action.destructive ? `${base}-confirm` : nothing}
      title=${action.description ?? nothing}
      @click=${(event: MouseEvent) => {
        // The second click of a double-click lands on whatever took the first one's place.
        if (event.detail > 1) return;
        controller.choose(action);
      }}
    >
      ${action.label}
    </button>
    <span id=${`${base}-confirm`} class="confirm" role="group" aria-labelledby=${`${base}-prompt`} ?hidden=${state.phase !== 'confirming'}>
      ${state.phase === 'confirming' ? renderConfirmation(controller, action, state, base, format) : nothing}
    </span>
    <span class="bulk-status" role="status" data-phase=${state.phase}>${statusText(action, state, format)}</span>
  </li>`;
}

function renderConfirmation(
  controller: BulkActionController,
  action: ActionDescriptor,
  state: BulkActionState,
  base: string,
  format: LocaleFormat,
): TemplateResult {
  return html`<span id=${`${base}-prompt`}>${format.msg('assets.bulk.confirmPrompt', { action: action.label, count: state.count ?? 0 })}</span>
    <button type="button" class="button confirm-button" data-destructive @click=${() => controller.run(action)}>
      ${msg('assets.bulk.confirm')}
    </button>
    <button type="button" class="button cancel-button" @click=${() => controller.cancel(action.id)}>${msg('assets.bulk.cancel')}</button>`;
}

function statusText(action: ActionDescriptor, state: BulkActionState, format: LocaleFormat): string {
  if (state.phase === 'running') return format.msg('assets.bulk.runningText', { action: action.label, count: state.count ?? 0 });
  if (state.phase === 'succeeded' || state.phase === 'failed') return state.message ?? '';
  return '';
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
