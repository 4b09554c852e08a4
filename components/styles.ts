// The look of cards, lists and search boxes. Theming through CSS custom properties: a page sets
// --mx-accent, --mx-bg, --mx-fg, --mx-muted, --mx-border, --mx-mark, --mx-font, --mx-font-size,
// --mx-radius, --mx-width (on <mx-lookup>, or :root); inside, private --_mx-* copies carry each
// value or its default, light or dark, so a default never hides a value the page set.
const LIGHT = {
  accent: '#0b5cad', 'accent-fg': '#ffffff', bg: '#ffffff', fg: '#1c2430', muted: '#55606e', border: '#d5dbe3', mark: '#fff1a8',
  shadow: '0 8px 28px rgba(16, 24, 40, 0.22)',
};
const DARK = {
  accent: '#78b4ff', 'accent-fg': '#0b1320', bg: '#1b2129', fg: '#e6ebf1', muted: '#a3aebb', border: '#37414d', mark: '#5b4d00',
  shadow: '0 8px 28px rgba(0, 0, 0, 0.6)',
};
const COMMON = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
  'font-size': '14px', radius: '10px', width: '380px',
};
const vars = (values: Record<string, string>) =>
  Object.entries(values).map(([name, value]) => `--_mx-${name}: var(--mx-${name}, ${value});`).join(' ');
const SCOPE = ':host, .mx-root, .mx-popover';
const DARK_SCOPE = ':host([data-theme="dark"]), :host([theme="dark"]), .mx-root[data-theme="dark"], .mx-popover[data-theme="dark"]';
const AUTO_DARK_SCOPE = ':host(:not([data-theme="light"]):not([theme="light"])), .mx-root:not([data-theme="light"]), .mx-popover:not([data-theme="light"])';

export const THEME_CSS = `
${SCOPE} { ${vars({ ...COMMON, ...LIGHT })} }
@media (prefers-color-scheme: dark) { ${AUTO_DARK_SCOPE} { ${vars(DARK)} } }
${DARK_SCOPE} { ${vars(DARK)} }
`;

export const CARD_CSS = `
.mx-card, .mx-list { font: var(--_mx-font-size)/1.45 var(--_mx-font); color: var(--_mx-fg); text-align: start; }
.mx-card h2, .mx-list h2 { font-size: 1.15em; margin: 0; line-height: 1.3; }
.mx-card h3 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_mx-muted); margin: 12px 0 4px; }
.mx-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.mx-matched { margin: 4px 0 0; color: var(--_mx-muted); font-size: 0.9em; }
mark { background: var(--_mx-mark); color: inherit; border-radius: 3px; padding: 0 2px; }
.mx-summary { margin: 8px 0 0; }
.mx-points { margin: 0; padding-inline-start: 1.2em; }
.mx-points li { margin: 3px 0; }
.mx-links { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.mx-list .mx-links { flex-direction: column; margin-top: 8px; }
.mx-link, .mx-term, .mx-back, .mx-langs button, .mx-icon {
  font: inherit; color: var(--_mx-accent); background: transparent; border: 1px solid var(--_mx-border);
  border-radius: 999px; padding: 2px 10px; cursor: pointer;
}
.mx-term { border-radius: 8px; width: 100%; text-align: start; color: var(--_mx-fg); padding: 6px 10px; }
.mx-term span { color: var(--_mx-accent); }
.mx-term[data-assertion]:not([data-assertion="present"]) span { color: var(--_mx-muted); font-style: italic; }
.mx-value { display: block; color: var(--_mx-muted); font-size: 0.85em; margin-top: 2px; }
.mx-back { margin-bottom: 8px; border: none; padding: 2px 0; }
.mx-icon { border: none; font-size: 1.3em; line-height: 1; padding: 0 4px; color: var(--_mx-muted); }
.mx-langs { display: flex; flex-wrap: wrap; gap: 6px; margin-block-start: 8px; }
.mx-langs button { white-space: nowrap; }
.mx-langs button[aria-pressed="true"] { background: var(--_mx-accent); color: var(--_mx-accent-fg); border-color: var(--_mx-accent); }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid var(--_mx-accent); outline-offset: 2px; }
.mx-foot { margin-top: 12px; border-top: 1px solid var(--_mx-border); padding-top: 4px; font-size: 0.85em; color: var(--_mx-muted); }
.mx-sources { margin: 0; padding-inline-start: 1.1em; }
.mx-sources a { color: var(--_mx-accent); }
.mx-section { font-style: italic; }
.mx-reviewed { margin: 6px 0 0; }
.mx-disclaimer { margin: 6px 0 0; font-size: 0.85em; color: var(--_mx-muted); font-style: italic; }
`;

/** The popover frame: a floating panel. */
export const POPOVER_CSS = `
:host { all: initial; }
.mx-popover {
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: var(--_mx-width); max-width: calc(100vw - 16px);
  max-height: min(70vh, 560px); overflow: auto; background: var(--_mx-bg); color: var(--_mx-fg);
  border: 1px solid var(--_mx-border); border-radius: var(--_mx-radius); box-shadow: var(--_mx-shadow); padding: 12px 14px;
  font: var(--_mx-font-size)/1.45 var(--_mx-font); z-index: 2147483647;
}
.mx-popover:focus { outline: 2px solid var(--_mx-accent); }
`;
