import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Dependencies the stories import, pre-bundled together up front: Vite otherwise discovers a
 * late import (such as a Lit directive) after the first render and bundles it again, which
 * loads a second copy of Lit.
 */
const prebundled = [
  'lit',
  'lit/directives/if-defined.js',
  'lit/directives/ref.js',
  'lit/directives/style-map.js',
  // Storybook's web components renderer imports this one.
  'lit/directive-helpers.js',
  '@lit/context',
  'graphology',
  'd3-force',
  'd3-quadtree',
  'd3-scale',
  'd3-selection',
  'd3-zoom',
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...prebundled],
    },
  }),
};

export default config;
