/**
 * Entry of dist/incident-lens.bundle.js: one ES module that registers every element and
 * exports the public API, for `<script type="module">` and `import` from a URL.
 */

import './define-all.js';

export * from './index.js';
