// Generates custom-elements.json (the Custom Elements Manifest) from the elements' class JSDoc,
// for IDEs and the Storybook docs pages.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/shared/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
