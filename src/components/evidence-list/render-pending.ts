/**
 * Renders pending actions with Approve and Reject in place, for the lists. The state lives in
 * `PendingDecisions`, and these functions draw it and route clicks back to it. Like the flyout,
 * buttons stay focusable while a decision runs (`aria-disabled`, not `disabled`), and each
 * pending action has a live region that exists before its text changes.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { PendingActionDecision } from '../../adapter/adapter.js';
import type { PendingAction } from '../../model/types.js';
import type { DecisionState } from '../entity-flyout/action-controller.js';
import { isUndecided } from '../entity-flyout/render-actions.js';
import { msg } from '../shared/strings.js';
import type { PendingDecisions } from './pending-decisions.js';

export { isUndecided };

/**
 * Renders the pending actions of one entity. `idBase` makes element ids unique in the shadow
 * root, so it must be made of characters safe in an id, such as a row index.
 */
export function renderPendingActions(
  decisions: PendingDecisions,
  entityId: string,
  pendingActions: readonly PendingAction[],
  canDecide: boolean,
  idBase: string,
): TemplateResult | typeof nothing {
  if (pendingActions.length === 0) return nothing;

  return html`<ul class="pending-list">
    ${pendingActions.map((pendingAction, index) =>
      renderPendingAction(decisions, entityId, pendingAction, canDecide, `${idBase}-${index}`),
    )}
  </ul>`;
}

function renderPendingAction(
  decisions: PendingDecisions,
  entityId: string,
  pendingAction: PendingAction,
  canDecide: boolean,
  id: string,
): TemplateResult {
  const state = decisions.state(entityId, pendingAction.id);
  const deciding = state.phase === 'deciding';
  const decidable = canDecide && isUndecided(pendingAction) && state.phase !== 'decided';
  const nameId = `${id}-name`;

  const decisionButton = (decision: PendingActionDecision): TemplateResult => html`<button
    type="button"
    class="decision-button"
    data-decision=${decision}
    aria-disabled=${deciding ? 'true' : 'false'}
    aria-label=${msg(decision === 'approve' ? 'flyout.pending.approveLabel' : 'flyout.pending.rejectLabel', {
      action: pendingAction.action,
    })}
    @click=${(event: MouseEvent) => {
      // The second click of a double-click lands on whatever took the first one's place.
      if (event.detail > 1) return;
      decisions.decide(entityId, pendingAction, decision);
    }}
  >
    ${msg(decision === 'approve' ? 'flyout.pending.approve' : 'flyout.pending.reject')}
  </button>`;

  return html`<li class="pending" data-pending-action-id=${pendingAction.id} data-phase=${state.phase}>
    <span id=${nameId} class="pending-name" tabindex="-1">${pendingAction.action}</span>
    <span class="pending-status">${msg('flyout.pending.status', { status: pendingAction.status })}</span>
    ${decidable
      ? html`<span class="decision-buttons" role="group" aria-labelledby=${nameId}>
          ${decisionButton('approve')} ${decisionButton('reject')}
        </span>`
      : nothing}
    <span class="decision-status" role="status" data-phase=${state.phase}>${decisionText(pendingAction, state)}</span>
  </li>`;
}

function decisionText(pendingAction: PendingAction, state: DecisionState): string {
  switch (state.phase) {
    case 'deciding':
      return msg(state.decision === 'approve' ? 'flyout.pending.approving' : 'flyout.pending.rejecting', {
        action: pendingAction.action,
      });
    case 'decided':
    case 'failed':
      return state.message ?? '';
    default:
      return '';
  }
}

/** Moves focus to a decided pending action's name, since its buttons went away. */
export function focusPendingName(root: ParentNode, pendingActionId: string): void {
  const item = root.querySelector(`li[data-pending-action-id="${CSS.escape(pendingActionId)}"]`);
  item?.querySelector<HTMLElement>('.pending-name')?.focus();
}
