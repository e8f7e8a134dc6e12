import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run analyze`, which the storybook scripts run first.
import manifest from '../custom-elements.json';
import { applyTheme, type ThemeChoice } from './theme-switch.js';

setCustomElementsManifest(manifest);

/** Applies the toolbar's theme before each story renders, on the canvas and on docs pages. */
const withTheme: Decorator = (story, context) => {
  applyTheme((context.globals.theme as ThemeChoice | undefined) ?? 'system');
  return story();
};

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)', icon: 'browser' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'system' },
  decorators: [withTheme],
  tags: ['autodocs'],
};

export default preview;
