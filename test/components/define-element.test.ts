import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement, VERSION } from '../../src/components/shared/define-element.js';

class FirstElement extends LitElement {}
class SecondElement extends LitElement {}

describe('defineElement', () => {
  it('registers a tag and tolerates a second registration', () => {
    const warnings: unknown[][] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('il-test-define-once', FirstElement);
      defineElement('il-test-define-once', FirstElement);
      expect(warnings, 'the same class again is silent').to.have.length(0);

      defineElement('il-test-define-once', SecondElement);
      defineElement('il-test-define-once', SecondElement);
      expect(customElements.get('il-test-define-once')).to.equal(FirstElement);
      expect(warnings, 'one warning for a second class').to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('<il-test-define-once>');
      expect(String(warnings[0]![0])).to.contain(`version ${VERSION}`);
    } finally {
      console.warn = originalWarn;
    }
  });
});
