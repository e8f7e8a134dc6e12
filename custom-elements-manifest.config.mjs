// Generates custom-elements.json (the Custom Elements Manifest) from the elements' class JSDoc,
// for IDEs, the Storybook docs pages and other tools that read the published package.
//
// The analyzer (@custom-elements-manifest/analyzer 0.11) reads each element module and its
// define.ts. The plugin below keeps the manifest to the public API:
// - `defineElement(tag, Class)` calls become `custom-element-definition` exports, as
//   `customElements.define` calls would.
// - Events are the `il-*` events of the class JSDoc `@fires` tags, typed with their event class.
//   The analyzer's own guesses from `dispatchEvent(new XEvent(...))` are dropped. An event that
//   the element's folder constructs but no `@fires` tag lists fails the run.
// - Private, protected and static members, and attributes of private state, are dropped.
// - Module paths name the published files (`dist/**/*.js`), not the TypeScript sources.

import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const COMPONENTS = 'src/components';

const elementFolders = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${COMPONENTS}/${entry.name}/define.ts`))
  .map((entry) => entry.name);

/**
 * Event classes declared in `src/components/**\/events.ts`, by class name: the event name from
 * `static readonly eventName` and the detail type from `extends CustomEvent<Detail>`.
 */
function readEventClasses() {
  const classes = new Map();
  const folders = ['shared', ...elementFolders];
  const pattern = /class (\w+) extends CustomEvent<(\w+)>\s*{\s*static readonly eventName = '([^']+)'/g;

  for (const folder of folders) {
    const file = `${COMPONENTS}/${folder}/events.ts`;
    if (!existsSync(file)) continue;
    for (const [, className, detailType, eventName] of readFileSync(file, 'utf8').matchAll(pattern)) {
      classes.set(className, { eventName, detailType });
    }
  }
  return classes;
}

/** Returns the source path (`src/...ts`) that `sourceFile` imports `name` from, if any. */
function importedModulePath(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;

    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((element) => element.name.text === name)) continue;

    const specifier = statement.moduleSpecifier.text;
    const file = join(dirname(sourceFile.fileName), specifier).replace(/\.js$/, '.ts');
    return relative(process.cwd(), file).split('\\').join('/');
  }
  return undefined;
}

/**
 * Points each `js` export at the module that declares it: the analyzer leaves a re-export such
 * as `export { AlertTimeline }` in define.ts on define.ts itself, and `export { X } from
 * './events.js'` on the bare specifier.
 */
function linkReexports(modules) {
  const declaringModule = new Map();
  for (const moduleDoc of modules) {
    for (const declaration of moduleDoc.declarations ?? []) declaringModule.set(declaration.name, moduleDoc.path);
  }

  for (const moduleDoc of modules) {
    const declared = new Set((moduleDoc.declarations ?? []).map((declaration) => declaration.name));
    for (const entry of moduleDoc.exports ?? []) {
      const target = entry.declaration;
      if (entry.kind !== 'js' || !target?.module) continue;

      if (target.module.startsWith('.')) {
        target.module = join(dirname(moduleDoc.path), target.module).split('\\').join('/').replace(/\.js$/, '.ts');
      } else if (target.module === moduleDoc.path && !declared.has(target.name) && declaringModule.has(target.name)) {
        target.module = declaringModule.get(target.name);
      }
    }
  }
}

/** Turns a source module path into the path of its published file. */
function publishedPath(path) {
  return path.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
}

function rewritePaths(value) {
  if (Array.isArray(value)) {
    value.forEach(rewritePaths);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof item === 'string') value[key] = publishedPath(item);
      else rewritePaths(item);
    }
  }
}

/** Returns the names of the known events that the files of an element's folder construct. */
function dispatchedEvents(folder, eventClasses) {
  const names = new Set();
  for (const file of readdirSync(`${COMPONENTS}/${folder}`).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(`${COMPONENTS}/${folder}/${file}`, 'utf8');
    for (const [, className] of text.matchAll(/new (\w+)\(/g)) {
      const info = eventClasses.get(className);
      if (info) names.add(info.eventName);
    }
  }
  return names;
}

/**
 * Returns the element's `@fires` events, typed with their event class. Fails when the element's
 * folder dispatches an event that has no `@fires` tag, or when a tag names an unknown event or a
 * description leaves out the detail type.
 */
function documentedEvents(element, folder, eventClasses) {
  // Events without a description are the analyzer's guesses from dispatchEvent calls in methods.
  const events = (element.events ?? []).filter((event) => event.description && event.name?.startsWith('il-'));
  const documented = new Set(events.map((event) => event.name));

  const missing = [...dispatchedEvents(folder, eventClasses)].filter((name) => !documented.has(name));
  if (missing.length > 0) {
    throw new Error(`${element.name} dispatches ${missing.join(', ')} without a @fires tag for it.`);
  }

  for (const event of events) {
    const entry = [...eventClasses].find(([, info]) => info.eventName === event.name);
    if (!entry) throw new Error(`${element.name} has @fires ${event.name}, which no event class in events.ts declares.`);

    const [className, { detailType }] = entry;
    if (event.type?.text && event.type.text !== className) {
      throw new Error(`${element.name}: @fires ${event.name} has type ${event.type.text}, but its class is ${className}.`);
    }
    if (!event.description.includes(detailType)) {
      throw new Error(`${element.name}: the @fires ${event.name} description does not name its detail type ${detailType}.`);
    }
    event.type = { text: className };
  }
  return events;
}

function isPublicMember(member) {
  return !member.static && (member.privacy === undefined || member.privacy === 'public');
}

function cleanElement(element, folder, eventClasses) {
  element.members = (element.members ?? []).filter(isPublicMember);
  const fields = new Set(element.members.map((member) => member.name));
  element.attributes = (element.attributes ?? []).filter((attribute) => !attribute.fieldName || fields.has(attribute.fieldName));
  element.events = documentedEvents(element, folder, eventClasses);

  for (const key of ['members', 'attributes', 'events']) {
    if (element[key].length === 0) delete element[key];
  }
}

function incidentLensPlugin() {
  const eventClasses = readEventClasses();

  return {
    name: 'incident-lens-public-api',

    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;

      const [tagArgument, classArgument] = node.arguments;
      if (!tagArgument || !ts.isStringLiteral(tagArgument) || !classArgument || !ts.isIdentifier(classArgument)) return;

      const className = classArgument.text;
      const module = importedModulePath(ts, node.getSourceFile(), className) ?? moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArgument.text, declaration: { name: className, module } },
      ];
    },

    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const folder = moduleDoc.path.split('/').at(-2);
          if (declaration.customElement) cleanElement(declaration, folder, eventClasses);
        }
      }
      linkReexports(customElementsManifest.modules);
      rewritePaths(customElementsManifest.modules);
    },
  };
}

export default {
  globs: elementFolders.flatMap((folder) => [`${COMPONENTS}/${folder}/${folder}.ts`, `${COMPONENTS}/${folder}/define.ts`]),
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [incidentLensPlugin()],
};
