/**
 * `styleProperties`: a `styleMap` that a strict Content Security Policy accepts. Lit's
 * `styleMap` (lit 3) writes its first value as a `style` attribute string, which a policy
 * without `'unsafe-inline'` in `style-src-attr` blocks. This directive sets every property
 * through the CSSOM (`style.setProperty`), which such a policy allows, and never writes the
 * attribute.
 */

import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type PartInfo } from 'lit/directive.js';

/** CSS properties by name: custom properties (`--_x`) and hyphenated or camel-case names. */
export type StyleProperties = Readonly<Record<string, string | number | undefined | null>>;

class StylePropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style') {
      throw new Error('styleProperties() works only in a style attribute: style=${styleProperties({...})}.');
    }
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;

    for (const name of this.previous) {
      if (properties[name] !== undefined && properties[name] !== null) continue;
      style.removeProperty(cssName(name));
      this.previous.delete(name);
    }

    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined || value === null) continue;
      style.setProperty(cssName(name), String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

/** Returns the CSS name of a property: custom and hyphenated names as they are, camel case hyphenated. */
function cssName(name: string): string {
  if (name.startsWith('--') || name.includes('-')) return name;
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * Sets the element's inline style properties through the CSSOM, so it works under a policy
 * without `'unsafe-inline'` for style attributes. Use it in place of `styleMap`.
 */
// The type is written out so the declaration imports it from `lit`, a dependency, and not from
// `lit-html`, which the compiler would name otherwise.
export const styleProperties: (properties: StyleProperties) => DirectiveResult<typeof StylePropertiesDirective> =
  directive(StylePropertiesDirective);
