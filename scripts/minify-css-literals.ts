// Build-time minification of the stylesheets our components keep in template literals
// (`const CARD_CSS = \`...\``), for the widget (Vite) and the extension's popover UI (esbuild).
// esbuild's CSS minifier does the work; a literal with `${...}` interpolations is left as it is,
// since its pieces are not CSS on their own.
import { transformSync } from 'esbuild';

const CSS_LITERAL = /(const [A-Z][A-Z0-9_]*_CSS = `)([^`$\\]*)(`)/g;

/** `code` with every interpolation-free `*_CSS` template literal minified. */
export function minifyCssLiterals(code: string, file = 'source'): string {
  return code.replace(CSS_LITERAL, (_all, head: string, css: string, tail: string) => {
    const { code: minified } = transformSync(css, { loader: 'css', minify: true, sourcefile: file });
    return `${head}${minified.trim()}${tail}`;
  });
}

const SOURCE = /\/(components|widget|extension)\/.*\.ts$/;

/** The same as a Vite (Rollup/Rolldown) plugin. */
export function minifyCssLiteralsPlugin() {
  return {
    name: 'mx-minify-css-literals',
    transform(code: string, id: string) {
      if (!SOURCE.test(id) || !code.includes('_CSS = `')) return null;
      return { code: minifyCssLiterals(code, id), map: null };
    },
  };
}

/** The same as an esbuild plugin. */
export function minifyCssLiteralsEsbuild() {
  return {
    name: 'mx-minify-css-literals',
    setup(build: { onLoad: (o: { filter: RegExp }, cb: (a: { path: string }) => Promise<{ contents: string; loader: 'ts' }>) => void }) {
      build.onLoad({ filter: SOURCE }, async ({ path }) => {
        const { readFile } = await import('node:fs/promises');
        return { contents: minifyCssLiterals(await readFile(path, 'utf8'), path), loader: 'ts' };
      });
    },
  };
}
