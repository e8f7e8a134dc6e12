import type { StorybookConfig } from '@storybook/web-components-vite';
import { prebundled } from '../demo/prebundled.js';

const config: StorybookConfig = {
  stories: ['../stories/docs/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // Storybook's web components renderer imports lit/directive-helpers.js.
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...prebundled, 'lit/directive-helpers.js'],
    },
  }),
};

export default config;
