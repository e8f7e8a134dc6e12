import { expect } from '@open-wc/testing';

describe('data layers', () => {
  it('register no custom element', async () => {
    const defined: string[] = [];
    const original = customElements.define;
    customElements.define = (name, constructor, options) => {
      defined.push(name);
      original.call(customElements, name, constructor, options);
    };

    try {
      const modules = await Promise.all([
        import('../../src/model/index.js'),
        import('../../src/formats/index.js'),
        import('../../src/adapter/index.js'),
      ]);
      expect(modules.every((module) => typeof module === 'object')).to.equal(true);
    } finally {
      customElements.define = original;
    }

    expect(defined).to.deep.equal([]);
  });
});
