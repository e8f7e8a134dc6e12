/**
 * A long value (a path, a command line, a hash) in a monospace block. Collapsed, it stays on
 * one line and truncates in the middle, so both the start and the end (usually the file name)
 * stay visible. Expanded, it wraps anywhere. Neither form widens its container. A copy button
 * writes the whole value to the clipboard and reports the outcome in place.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../shared/strings.js';

/**
 * Values longer than this many characters get an expand button.
 * NOTE: the button shows whether or not the value is truncated at the current width; a wide
 * pane may fit a 40-character id and still offer to expand it.
 */
export const EXPAND_THRESHOLD = 32;

const TAIL_LENGTH = 16;
const TAIL_MAX_LENGTH = 40;

export type CopyState = 'copied' | 'failed';

export interface LongValueOptions {
  /** Unique id of the value within the flyout, for `aria-controls` and the state maps. */
  id: string;
  /** The field's label, to name the buttons ("Copy Command line"). */
  label: string;
  text: string;
  expanded: boolean;
  copyState: CopyState | undefined;
  onToggle: (id: string) => void;
  onCopy: (id: string, text: string) => void;
}

export function renderLongValue(options: LongValueOptions): TemplateResult {
  const { id, label, text, expanded, copyState } = options;
  const expandable = text.length > EXPAND_THRESHOLD;
  let copyMessage = '';
  if (copyState === 'copied') copyMessage = msg('flyout.copied');
  else if (copyState === 'failed') copyMessage = msg('flyout.copyFailed');
  // An IDREF cannot hold spaces; property keys from a source could.
  const textId = `value-${id.replace(/[^\w-]/g, '_')}`;

  return html`<div class="long-value" ?data-expanded=${expanded}>
    <code id=${textId} class="long-value__text">${expanded || !expandable ? text : renderTruncated(text)}</code>
    <div class="long-value__actions">
      ${expandable
        ? html`<button
            type="button"
            class="text-button"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${textId}
            aria-label=${msg(expanded ? 'flyout.collapseLabel' : 'flyout.expandLabel', { field: label })}
            @click=${() => options.onToggle(id)}
          >
            ${msg(expanded ? 'flyout.collapse' : 'flyout.expand')}
          </button>`
        : nothing}
      <button
        type="button"
        class="text-button"
        aria-label=${msg('flyout.copyLabel', { field: label })}
        @click=${() => options.onCopy(id, text)}
      >
        ${msg('flyout.copy')}
      </button>
      <span class="copy-status" role="status" data-state=${copyState ?? nothing}
        >${copyMessage}</span
      >
    </div>
  </div>`;
}

/**
 * Splits the text into a head that shrinks with an ellipsis and a tail that always shows. The
 * tail starts at the last path separator when that is near the end, so a path keeps its file
 * name. Both halves stay in the DOM, so a screen reader reads the whole value.
 */
function renderTruncated(text: string): TemplateResult {
  const characters = Array.from(text);
  let tailLength = Math.min(TAIL_LENGTH, Math.floor(characters.length / 2));

  const separator = Math.max(text.lastIndexOf('\\'), text.lastIndexOf('/'));
  if (separator > 0) {
    const fromSeparator = Array.from(text.slice(separator)).length;
    if (fromSeparator <= TAIL_MAX_LENGTH && fromSeparator < characters.length) tailLength = fromSeparator;
  }

  const head = characters.slice(0, characters.length - tailLength).join('');
  const tail = characters.slice(characters.length - tailLength).join('');
  return html`<span class="long-value__head">${head}</span><span class="long-value__tail">${tail}</span>`;
}
