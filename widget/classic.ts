// mx-lookup.iife.js: the widget for pages that can only add a classic <script>. It loads the ES
// module from the same folder (so both variants share one build and its lazily loaded chunks);
// dynamic import() works from classic scripts in every browser the widget supports.
(() => {
  const script = document.currentScript;
  const base = script instanceof HTMLScriptElement && script.src ? script.src : document.baseURI;
  import(new URL('mx-lookup.js', base).href).catch((error: unknown) => {
    console.error('mx-lookup: could not load mx-lookup.js next to mx-lookup.iife.js', error);
  });
})();
