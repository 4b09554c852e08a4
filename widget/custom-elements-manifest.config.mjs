// The Custom Elements Manifest of the package (dist/custom-elements.json), generated from the
// element's source by the analyzer (`cem analyze`, run in widget/ by scripts/build-widget.mjs):
// attributes and properties from Lit's static properties, events, parts and CSS properties from the
// JSDoc on MxLookup. Only the public element is described, at the module the package exports it
// from (dist/mx-lookup.js), not at its source file.
const SOURCE = 'mx-lookup.ts';
const PUBLISHED = 'dist/mx-lookup.js';

/** Points every reference to the source module at the published one. */
function publishedModulePaths() {
  const fix = (reference) => {
    if (reference && reference.module === SOURCE) reference.module = PUBLISHED;
  };
  return {
    name: 'mx-lookup-published-module',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        if (module.path === SOURCE) module.path = PUBLISHED;
        for (const exported of module.exports ?? []) fix(exported.declaration);
        for (const declaration of module.declarations ?? []) {
          fix(declaration.superclass);
          for (const member of declaration.members ?? []) fix(member.inheritedFrom);
        }
      }
    },
  };
}

export default {
  globs: [SOURCE],
  outdir: 'dist',
  litelement: true,
  plugins: [publishedModulePaths()],
};
