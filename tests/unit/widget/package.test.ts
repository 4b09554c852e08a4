// The widget's npm package (@medixchange/lookup-widget, widget/): `npm pack` holds every file its
// exports and types promise; its manifest and declarations name the element, its attributes and its
// events; the declarations type-check an app that uses it (TypeScript and React JSX); and importing
// it in Node, as server-side rendering does, does not throw. Runs on the built widget
// (`npm run build:widget`), packed and unpacked into a temporary app folder as `npm install` would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths';

const WIDGET = join(ROOT, 'widget');
const NAME = '@medixchange/lookup-widget';

interface PackResult {
  filename: string;
  files: { path: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

let app: string; // a temporary app folder: node_modules/@medixchange/lookup-widget unpacked from the tarball
let packed: string[]; // the tarball's paths, relative to the package
const pkg = JSON.parse(readFileSync(join(WIDGET, 'package.json'), 'utf8')) as Record<string, unknown>;
const installed = () => join(app, 'node_modules', ...NAME.split('/'));

beforeAll(() => {
  if (!existsSync(join(WIDGET, 'dist', 'mx-lookup.js')) || !existsSync(join(WIDGET, 'dist', 'types', 'mx-lookup.d.ts')))
    throw new Error('the widget is not built: run npm run build:widget first');
  app = mkdtempSync(join(tmpdir(), 'mx-widget-package-'));
  // The build ran already (npm test builds first): pack what is there, without the prepack build.
  const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], { cwd: WIDGET, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [result] = JSON.parse(pack.stdout) as PackResult[];
  if (!result) throw new Error(`npm pack printed no result: ${pack.stdout}`);
  packed = result.files.map((f) => f.path);
  // What `npm install <tarball>` leaves: the package in node_modules, with lit (its dependency) and
  // React (the app's) beside it.
  mkdirSync(installed(), { recursive: true });
  const untar = spawnSync('tar', ['-xzf', join(app, result.filename), '-C', installed(), '--strip-components=1'], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  for (const dependency of ['lit', 'react', '@types/react']) {
    mkdirSync(dirname(join(app, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
  }
}, 60_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Every file path a value of `exports` names (conditions and subpaths, recursively). */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}
const inPackage = (target: string) => posix.normalize(target).replace(/^\.\//, '');

/** The chunks an ES module of dist/ loads, statically or lazily, and theirs in turn. */
function chunksOf(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(installed(), file), 'utf8');
  for (const [, chunk] of code.matchAll(/(?:from|import\()\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) {
    const path = posix.join(posix.dirname(file), chunk ?? '');
    if (!seen.has(path)) {
      seen.add(path);
      chunksOf(path, seen);
    }
  }
  return seen;
}

function customElement(): Declaration {
  const manifest = JSON.parse(readFileSync(join(installed(), 'dist', 'custom-elements.json'), 'utf8')) as Manifest;
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mx-lookup');
  if (!element) throw new Error('custom-elements.json declares no <mx-lookup>');
  return element;
}

/** Imports the package by its name in a plain Node process (no DOM), as a server rendering a page does. */
function importInNode(): { window: string; exports: string[]; observedAttributes: string[]; defined: boolean } {
  const script = `
    const before = typeof window + ' ' + typeof document + ' ' + typeof customElements;
    const m = await import('${NAME}');
    console.log(JSON.stringify({ window: before, exports: Object.keys(m).sort(), observedAttributes: m.MxLookup.observedAttributes,
      defined: globalThis.customElements?.get('mx-lookup') === m.MxLookup }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) throw new Error(`importing ${NAME} in Node threw:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ReturnType<typeof importInNode>;
}

describe('the npm package @medixchange/lookup-widget', () => {
  it('holds every file its exports, types and manifest fields promise, and every chunk its ES module loads', () => {
    expect(pkg.name).toBe(NAME);
    const promised = [...exportTargets(pkg.exports), ...exportTargets(pkg.typesVersions), pkg.main, pkg.module, pkg.types, pkg.customElements].map((t) => inPackage(String(t)));
    const missing = promised.filter((target) =>
      target.includes('*') ? !packed.some((path) => new RegExp(`^${target.split('*').map((s) => s.replace(/[.]/g, '\\.')).join('[^/]+')}$`).test(path)) : !packed.includes(target),
    );
    expect(missing).toEqual([]);
    // The browser entry, the classic script, the Node entry, the default index, the declarations and the manifest.
    expect(packed).toEqual(
      expect.arrayContaining([
        'dist/mx-lookup.js',
        'dist/mx-lookup.iife.js',
        'dist/node/mx-lookup.js',
        'dist/guidance-index.json',
        'dist/types/mx-lookup.d.ts',
        'dist/types/react.d.ts',
        'dist/custom-elements.json',
        'package.json',
        'README.md',
      ]),
    );
    // Each lazily loaded chunk is in the tarball and reachable through the `./mx-lookup-*.js` export.
    const chunks = [...chunksOf('dist/mx-lookup.js')];
    expect(chunks.map((c) => c.replace(/-[\w-]{8}\.js$/, ''))).toEqual(
      expect.arrayContaining(['dist/mx-lookup-shared', 'dist/mx-lookup-matcher', 'dist/mx-lookup-popover', 'dist/mx-lookup-source-sync']),
    );
    expect(chunks.filter((c) => !packed.includes(c) || !/^dist\/mx-lookup-[^/]+\.js$/.test(c))).toEqual([]);
    // Sources stay out.
    expect(packed.filter((p) => /\.tsx?$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
  });

  it('custom-elements.json names <mx-lookup>, every attribute it observes, its events, parts and CSS properties', () => {
    const element = customElement();
    expect(element).toMatchObject({ name: 'MxLookup', customElement: true });
    // The attributes the element really observes (Lit, from its properties) are the manifest's, no more, no fewer.
    const { observedAttributes } = importInNode();
    expect((element.attributes ?? []).map((a) => a.name).sort()).toEqual([...observedAttributes].sort());
    expect(observedAttributes).toEqual(expect.arrayContaining(['index', 'lang', 'mode', 'scope', 'placeholder', 'theme', 'source', 'key', 'sync-status']));
    expect((element.events ?? []).map((e) => e.name).sort()).toEqual(['mx-lookup-open', 'mx-lookup-ready', 'mx-lookup-select', 'mx-lookup-sync']);
    expect(element.events?.find((e) => e.name === 'mx-lookup-open')?.type?.text).toContain('id: string');
    expect((element.cssParts ?? []).map((p) => p.name).sort()).toEqual(['input', 'message']);
    expect((element.cssProperties ?? []).map((p) => p.name)).toEqual(expect.arrayContaining(['--mx-accent', '--mx-bg', '--mx-fg', '--mx-font', '--mx-width']));
    const manifest = JSON.parse(readFileSync(join(installed(), 'dist', 'custom-elements.json'), 'utf8')) as Manifest;
    const module = manifest.modules.find((m) => m.declarations?.includes(element) || m.declarations?.some((d) => d.tagName === 'mx-lookup'));
    expect(module?.path).toBe('dist/mx-lookup.js');
    expect(module?.exports).toEqual(expect.arrayContaining([{ kind: 'custom-element-definition', name: 'mx-lookup', declaration: expect.anything() }]));
  });

  it('its declarations type <mx-lookup> by its tag, its properties and events, and in React JSX', () => {
    const dts = readFileSync(join(installed(), 'dist', 'types', 'mx-lookup.d.ts'), 'utf8');
    expect(dts).toMatch(/interface HTMLElementTagNameMap \{\s*["']mx-lookup["']: MxLookup;/);
    for (const name of ['mx-lookup-open', 'mx-lookup-select', 'mx-lookup-ready', 'mx-lookup-sync']) expect(dts).toContain(`"${name}"`);
    // An app's code against the unpacked package: right uses compile, and each wrong use is an error
    // (an unused @ts-expect-error fails too, so types that let anything through fail this test).
    writeFileSync(
      join(app, 'app.ts'),
      `import type { MxLookup, MxLookupEventMap } from '${NAME}';
const element = document.createElement('mx-lookup');
const typed: MxLookup = element;
typed.index = '/guidance/guidance-index.json';
element.mode = 'search';
element.lang = 'fr';
element.placeholder = 'Search guidance';
const status: 'ok' | 'failed' | 'refused' | undefined = element.syncStatus;
element.addEventListener('mx-lookup-open', (event) => console.log(event.detail.id.toUpperCase(), status));
document.addEventListener('mx-lookup-ready', (event) => console.log(event.detail.entries + 1, event.detail.from));
const sync: MxLookupEventMap['mx-lookup-sync'] | null = null;
console.log(sync);
// @ts-expect-error mode is search, selection or both
element.mode = 'sideways';
// @ts-expect-error the open event carries the entry's id only
element.addEventListener('mx-lookup-open', (event) => event.detail.entries);
// @ts-expect-error private state is not part of the element's API
console.log(element.message);
`,
    );
    writeFileSync(
      join(app, 'app.tsx'),
      `import type {} from '${NAME}/react';
export const search = (onOpen: (id: string) => void) => (
  <mx-lookup mode="search" lang="fr" placeholder="Search" index="/guidance-index.json" onmx-lookup-open={(event) => onOpen(event.detail.id)} />
);
// @ts-expect-error mode is search, selection or both
export const wrongMode = <mx-lookup mode="sideways" />;
// @ts-expect-error the ready event's detail has no id
export const wrongEvent = <mx-lookup onmx-lookup-ready={(event) => event.detail.id} />;
`,
    );
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: false,
    };
    const program = ts.createProgram([join(app, 'app.ts'), join(app, 'app.tsx')], options);
    const dtsFiles = [join(installed(), 'dist', 'types', 'mx-lookup.d.ts'), join(installed(), 'dist', 'types', 'react.d.ts')];
    // The package's own declarations resolved, not something else.
    expect(program.getSourceFiles().map((f) => f.fileName)).toEqual(expect.arrayContaining(dtsFiles));
    // The app's files and the package's declarations are checked (not lit's or React's, which are not ours to check).
    const checked = [join(app, 'app.ts'), join(app, 'app.tsx'), ...dtsFiles].map((file) => program.getSourceFile(file));
    const problems = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])].map(
      (d) => `${d.file ? d.file.fileName.slice(app.length + 1) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('imports in Node (no window, no customElements) without throwing, and defines the element', () => {
    const result = importInNode();
    expect(result.window).toBe('undefined undefined undefined');
    expect(result.exports).toEqual(['MxLookup', 'defineMxLookup']);
    expect(result.defined).toBe(true);
  });
});
