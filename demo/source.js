// Sets the widget's source and key from this page's query string (?source=…&key=…), so that one
// demo page shows any published source. An external file, not an inline script: the page works
// under a strict Content-Security-Policy. It runs before the widget's module, so the widget starts
// with its source.
(() => {
  const params = new URLSearchParams(location.search);
  const widget = document.getElementById('guide');
  const source = params.get('source');
  // Base64 has no spaces: a "+" left unencoded in the address arrives as one.
  const key = params.get('key')?.replaceAll(' ', '+');
  if (widget && source) widget.setAttribute('source', source);
  if (widget && key) widget.setAttribute('key', key);
})();
