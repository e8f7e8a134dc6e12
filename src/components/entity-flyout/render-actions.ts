/**
 * Render helpers for the flyout's "Actions" and "Pending actions" sections. The state lives
 * in the `ActionController`. These functions only draw it and route clicks back to it.
 *
 * Buttons that start work stay in place and in the tab order while it runs. They are
 * `aria-disabled` rather than `disabled`, so focus never drops to the page, and the controller
 * ignores them until the call settles. Each action and pending action has its own live
 * region, which exists before its text changes so that screen readers announce progress and
 * results.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { ActionDescriptor, PendingActionDecision } from '../../adapter/adapter.js';
import type { PendingAction } from '../../model/types.js';
import { renderTime, type LocaleFormat } from '../shared/locale-controller.js';
import { kindLabel, msg } from '../shared/strings.js';
import type { ActionController, ActionScope, ActionState, DecisionState } from './action-controller.js';

/** Pending action statuses that still wait for a decision, compared in lower case. */
const UNDECIDED_STATUSES = new Set(['pending', 'pendingapproval']);

/** Returns true when a pending action still waits for approval or rejection. */
export function isUndecided(pendingAction: PendingAction): boolean {
  return UNDECIDED_STATUSES.has(pendingAction.status.toLowerCase());
}

/** Renders the "Actions" section, or nothing when the adapter lists no actions. */
export function renderActions(controller: ActionController, scope: ActionScope): TemplateResult | typeof nothing {
  if (!scope.adapter?.listActions) return nothing;

  return html`<section part="section actions" aria-labelledby="actions-heading">
    <h3 id="actions-heading">${msg('flyout.section.actions')}</h3>
    ${renderActionList(controller, scope)}
  </section>`;
}

function renderActionList(controller: ActionController, scope: ActionScope): TemplateResult {
  switch (controller.listStatus) {
    case 'initial':
    case 'pending':
      return html`<p class="hint" role="status">${msg('flyout.actions.loading')}</p>`;
    case 'error':
      return html`<p class="hint" role="status">
          ${msg('flyout.actions.loadFailed', { reason: errorText(controller.listError) })}
        </p>
        <button type="button" class="text-button" @click=${() => controller.reloadActions()}>
          ${msg('flyout.actions.reload')}
        </button>`;
    case 'complete':
      if (controller.actions.length === 0) return html`<p class="hint">${msg('flyout.actions.none')}</p>`;
      return html`<ul class="action-list">
        ${controller.actions.map((action, index) => renderAction(controller, scope, action, index))}
      </ul>`;
  }
}

function renderAction(
  controller: ActionController,
  scope: ActionScope,
  action: ActionDescriptor,
  index: number,
): TemplateResult {
  const state = controller.actionState(action.id);
  const running = state.phase === 'running';
  const confirming = state.phase === 'confirming';
  // Ids by position: action ids come from the adapter and may hold any character.
  const base = `action-${index}`;
  const hints = [
    action.destructive ? msg('flyout.action.confirmFirst') : '',
    action.requiresApproval ? msg('flyout.action.requiresApproval') : '',
  ].filter(Boolean);
  const describedBy = [action.description ? `${base}-description` : '', hints.length > 0 ? `${base}-hints` : '']
    .filter(Boolean)
    .join(' ');

  return html`<li class="action" data-action-id=${action.id} data-phase=${state.phase}>
    <button
      type="button"
      class="action-button"
      part="action-button"
      ?data-destructive=${action.destructive === true}
      aria-disabled=${running ? 'true' : 'false'}
      aria-expanded=${action.destructive ? String(confirming) : nothing}
      aria-controls=${action.destructive ? `${base}-confirm` : nothing}
      aria-describedby=${describedBy || nothing}
      @click=${(event: MouseEvent) => {
        if (isRepeatClick(event)) return;
        controller.choose(scope, action);
      }}
    >
      ${action.label}
    </button>
    ${action.description ? html`<p id=${`${base}-description`} class="hint action-description">${action.description}</p>` : nothing}
    ${hints.length > 0 ? html`<p id=${`${base}-hints`} class="hint action-description">${hints.join(' ')}</p>` : nothing}
    <div id=${`${base}-confirm`} class="confirm" role="group" aria-labelledby=${`${base}-prompt`} ?hidden=${!confirming}>
      ${confirming ? renderConfirmation(controller, scope, action, base) : nothing}
    </div>
    <div class="action-status" role="status" data-phase=${state.phase}>${renderActionStatus(action, state)}</div>
    ${state.phase === 'failed'
      ? html`<button
          type="button"
          class="text-button retry-button"
          aria-label=${msg('flyout.action.retryLabel', { action: action.label })}
          @click=${(event: MouseEvent) => {
            if (isRepeatClick(event)) return;
            controller.run(scope, action);
          }}
        >
          ${msg('flyout.action.retry')}
        </button>`
      : nothing}
  </li>`;
}

function renderConfirmation(
  controller: ActionController,
  scope: ActionScope,
  action: ActionDescriptor,
  base: string,
): TemplateResult {
  const prompt = msg('flyout.action.confirmPrompt', {
    action: action.label,
    kind: kindLabel(scope.target.kind).toLowerCase(),
    target: scope.entityName,
  });

  return html`<p id=${`${base}-prompt`} class="confirm-prompt">${prompt}</p>
    <div class="confirm-buttons">
      <button
        type="button"
        class="confirm-button"
        part="confirm-button"
        aria-label=${msg('flyout.action.confirmLabel', { action: action.label, target: scope.entityName })}
        @click=${(event: MouseEvent) => {
          if (isRepeatClick(event)) return;
          controller.run(scope, action);
        }}
      >
        ${msg('flyout.action.confirm')}
      </button>
      <button type="button" class="cancel-button" @click=${() => controller.cancel(action.id)}>
        ${msg('flyout.action.cancel')}
      </button>
    </div>`;
}

function renderActionStatus(action: ActionDescriptor, state: ActionState): TemplateResult | typeof nothing {
  switch (state.phase) {
    case 'running':
      return html`<progress aria-hidden="true"></progress><span>${msg('flyout.action.running', { action: action.label })}</span>`;
    case 'succeeded':
    case 'failed':
      return html`<span>${state.message}</span>`;
    default:
      return nothing;
  }
}

/**
 * Renders the "Pending actions" section, or nothing when no pending action names the entity.
 * The heading counts the actions that still wait for a decision. Once every one is decided, it
 * reads "Decided actions" with their count, and the section stays so the outcome stays in sight.
 */
export function renderPendingActions(
  controller: ActionController,
  scope: ActionScope,
  pendingActions: readonly PendingAction[],
  format: LocaleFormat,
): TemplateResult | typeof nothing {
  if (pendingActions.length === 0) return nothing;

  const waiting = pendingActions.filter(isUndecided).length;
  const heading =
    waiting > 0
      ? format.msg('flyout.section.pending', { count: waiting })
      : format.msg('flyout.section.decided', { count: pendingActions.length });
  return html`<section part="section pending-actions" aria-labelledby="pending-heading">
    <h3 id="pending-heading">${heading}</h3>
    <ul class="action-list">
      ${pendingActions.map((pendingAction, index) => renderPendingAction(controller, scope, pendingAction, index, format))}
    </ul>
  </section>`;
}

function renderPendingAction(
  controller: ActionController,
  scope: ActionScope,
  pendingAction: PendingAction,
  index: number,
  format: LocaleFormat,
): TemplateResult {
  const state = controller.decisionState(pendingAction.id);
  const deciding = state.phase === 'deciding';
  const canDecide = isUndecided(pendingAction) && scope.adapter?.decidePendingAction !== undefined;
  const nameId = `pending-${index}-name`;
  const requested = renderTime(format, pendingAction.requestedTime);

  const decisionButton = (decision: PendingActionDecision): TemplateResult => html`<button
    type="button"
    class=${decision === 'approve' ? 'action-button approve-button' : 'action-button reject-button'}
    data-decision=${decision}
    aria-disabled=${deciding ? 'true' : 'false'}
    aria-label=${msg(decision === 'approve' ? 'flyout.pending.approveLabel' : 'flyout.pending.rejectLabel', {
      action: pendingAction.action,
    })}
    @click=${(event: MouseEvent) => {
      if (isRepeatClick(event)) return;
      controller.decide(scope, pendingAction, decision);
    }}
  >
    ${msg(decision === 'approve' ? 'flyout.pending.approve' : 'flyout.pending.reject')}
  </button>`;

  return html`<li class="action pending-action" data-pending-action-id=${pendingAction.id} data-phase=${state.phase}>
    <p id=${nameId} class="item-title pending-name" tabindex="-1">${pendingAction.action}</p>
    <p class="item-meta">
      ${pendingAction.requestedBy ? html`<span>${msg('flyout.pending.requestedBy', { name: pendingAction.requestedBy })}</span>` : nothing}
      ${requested ?? nothing}
      <span>${msg('flyout.pending.status', { status: pendingAction.status })}</span>
    </p>
    ${canDecide
      ? html`<div class="decision-buttons" role="group" aria-labelledby=${nameId}>
          ${decisionButton('approve')} ${decisionButton('reject')}
        </div>`
      : nothing}
    <div class="action-status" role="status" data-phase=${state.phase}>${renderDecisionStatus(pendingAction, state)}</div>
  </li>`;
}

function renderDecisionStatus(pendingAction: PendingAction, state: DecisionState): TemplateResult | typeof nothing {
  switch (state.phase) {
    case 'deciding': {
      const key = state.decision === 'approve' ? 'flyout.pending.approving' : 'flyout.pending.rejecting';
      return html`<progress aria-hidden="true"></progress><span>${msg(key, { action: pendingAction.action })}</span>`;
    }
    case 'decided':
    case 'failed':
      return html`<span>${state.message}</span>`;
    default:
      return nothing;
  }
}

/**
 * Returns true for the second click of a double-click (`detail` counts clicks in a row,
 * and keyboard activation gives 0). It lands on whatever control took the first one's place.
 */
function isRepeatClick(event: MouseEvent): boolean {
  return event.detail > 1;
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
