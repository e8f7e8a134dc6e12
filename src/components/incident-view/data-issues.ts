/** Renders the visible, dismissible notice of data issues found in the incident's data. */

import { html, nothing, type TemplateResult } from 'lit';
import type { DataIssue } from '../../model/types.js';
import type { LocaleFormat } from '../shared/locale-controller.js';
import { msg, registerStrings } from '../shared/strings.js';
import { CLOSE_ICON } from './alert-details.js';

registerStrings({
  'view.issues.summary': '{count} data issues: some records were left out or corrected. Everything valid is shown.',
  'view.issues.summaryOne': '1 data issue: a record was left out or corrected. Everything valid is shown.',
  'view.issues.item': '{id} · {field}: {problem}',
  'view.issues.dismiss': 'Dismiss data issues',
});

/** Shows at most this many issues in the list; the summary still gives the full count. */
const MAX_LISTED = 50;

export function renderDataIssues(
  issues: readonly DataIssue[],
  dismiss: () => void,
  format: LocaleFormat,
): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;

  const summary = issues.length === 1
    ? msg('view.issues.summaryOne')
    : format.msg('view.issues.summary', { count: issues.length });

  return html`
    <div class="issues" part="issues" role="status">
      <details>
        <summary>${summary}</summary>
        <ul>
          ${issues.slice(0, MAX_LISTED).map(
            (issue) => html`<li>${msg('view.issues.item', { id: issue.id, field: issue.field, problem: issue.problem })}</li>`,
          )}
        </ul>
      </details>
      <button type="button" class="icon-button" aria-label=${msg('view.issues.dismiss')} title=${msg('view.issues.dismiss')} @click=${dismiss}>${CLOSE_ICON}</button>
    </div>
  `;
}
