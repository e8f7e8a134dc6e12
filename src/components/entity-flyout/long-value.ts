/**
 * A long value (a path, a command line, a hash) in a monospace block. Collapsed, it stays on
 * one line and truncates in the middle, so both the start and the end (usually the file name)
 * stay visible. Expanded, it wraps anywhere. Neither form widens its container. A copy button
 * writes the whole value to the clipboard and reports the outcome in place. The expand button
 * shows only while the collapsed value does not fit its block, and while the value is expanded.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive, type ChildPart, type PartInfo, PartType } from 'lit/async-directive.js';
import { msg } from '../shared/strings.js';

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
  let copyMessage = '';
  if (copyState === 'copied') copyMessage = msg('flyout.copied');
  else if (copyState === 'failed') copyMessage = msg('flyout.copyFailed');
  // An IDREF cannot hold spaces; property keys from a source could.
  const textId = `value-${id.replace(/[^\w-]/g, '_')}`;

  return html`<div class="long-value" ?data-expanded=${expanded}>
    <code id=${textId} class="long-value__text">${expanded ? text : renderTruncated(text)}</code>
    <div class="long-value__actions">
      ${expandButton({ id, label, textId, expanded, onToggle: options.onToggle })}
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

interface ExpandButtonOptions {
  id: string;
  label: string;
  /** Id of the `code` element the button controls. */
  textId: string;
  expanded: boolean;
  onToggle: (id: string) => void;
}

function renderExpandButton(options: ExpandButtonOptions): TemplateResult {
  const { id, label, textId, expanded } = options;
  return html`<button
    type="button"
    class="text-button"
    aria-expanded=${expanded ? 'true' : 'false'}
    aria-controls=${textId}
    aria-label=${msg(expanded ? 'flyout.collapseLabel' : 'flyout.expandLabel', { field: label })}
    @click=${() => options.onToggle(id)}
  >
    ${msg(expanded ? 'flyout.collapse' : 'flyout.expand')}
  </button>`;
}

/** Returns whether the collapsed value is cut: its block, head or tail is narrower than its text. */
function isTruncated(block: Element): boolean {
  const parts = block.querySelectorAll<HTMLElement>('.long-value__text, .long-value__head, .long-value__tail');
  return [...parts].some((part) => part.scrollWidth > part.clientWidth);
}

const watched = new WeakMap<Element, ExpandButtonDirective>();

// One observer for every long value: a resize of a value's block re-checks whether it is cut.
let resizeObserver: ResizeObserver | undefined;

function observeResize(block: Element, owner: ExpandButtonDirective): void {
  resizeObserver ??= new ResizeObserver((entries) => {
    for (const entry of entries) watched.get(entry.target)?.measure();
  });
  watched.set(block, owner);
  resizeObserver.observe(block);
}

function unobserveResize(block: Element): void {
  watched.delete(block);
  resizeObserver?.unobserve(block);
}

/**
 * Renders the expand button into the value's actions while the collapsed value is cut or the
 * value is expanded, and nothing otherwise. It measures the value's block after each render
 * and whenever the block resizes, so a pane made wider or narrower adds or removes the button.
 */
class ExpandButtonDirective extends AsyncDirective {
  private options: ExpandButtonOptions | undefined;
  private block: Element | undefined;
  private truncated = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('expandButton() must be used as a child of an element.');
  }

  render(options: ExpandButtonOptions): TemplateResult | typeof nothing {
    return options.expanded || this.truncated ? renderExpandButton(options) : nothing;
  }

  override update(part: ChildPart, [options]: [ExpandButtonOptions]): TemplateResult | typeof nothing {
    this.options = options;

    const block = (part.parentNode as Element | null)?.closest('.long-value') ?? undefined;
    if (block !== this.block) {
      if (this.block) unobserveResize(this.block);
      this.block = block;
      if (block && this.isConnected) observeResize(block, this);
    }

    // On the first render the template is not in the document yet, so the block is measured in
    // a microtask, once the render has finished and the block is in the document.
    if (!options.expanded) {
      if (block?.isConnected) this.truncated = isTruncated(block);
      else queueMicrotask(() => this.measure());
    }
    return this.render(options);
  }

  /** Re-checks whether the collapsed value is cut, and adds or removes the button. */
  measure(): void {
    const { block, options } = this;
    if (!block?.isConnected || !options || options.expanded || !this.isConnected) return;

    const truncated = isTruncated(block);
    if (truncated === this.truncated) return;
    this.truncated = truncated;
    this.setValue(this.render(options));
  }

  protected override disconnected(): void {
    if (this.block) unobserveResize(this.block);
  }

  protected override reconnected(): void {
    if (this.block) observeResize(this.block, this);
  }
}

const expandButton = directive(ExpandButtonDirective);
