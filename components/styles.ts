// The look of cards, lists and search boxes. Theming through CSS custom properties (--mx-*),
// light and dark. One stylesheet text for the popover's shadow root, the extension pages and the widget.
export const THEME_CSS = `
:host, .mx-root {
  --mx-bg: #ffffff;
  --mx-fg: #1c2430;
  --mx-muted: #55606e;
  --mx-border: #d5dbe3;
  --mx-accent: #0b5cad;
  --mx-accent-fg: #ffffff;
  --mx-mark: #fff1a8;
  --mx-radius: 10px;
  --mx-shadow: 0 8px 28px rgba(16, 24, 40, 0.22);
  --mx-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
  --mx-font-size: 14px;
  --mx-width: 380px;
}
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme="light"])), .mx-root:not([data-theme="light"]) {
    --mx-bg: #1b2129; --mx-fg: #e6ebf1; --mx-muted: #a3aebb; --mx-border: #37414d;
    --mx-accent: #78b4ff; --mx-accent-fg: #0b1320; --mx-mark: #5b4d00;
    --mx-shadow: 0 8px 28px rgba(0, 0, 0, 0.6);
  }
}
:host([data-theme="dark"]), .mx-root[data-theme="dark"] {
  --mx-bg: #1b2129; --mx-fg: #e6ebf1; --mx-muted: #a3aebb; --mx-border: #37414d;
  --mx-accent: #78b4ff; --mx-accent-fg: #0b1320; --mx-mark: #5b4d00;
  --mx-shadow: 0 8px 28px rgba(0, 0, 0, 0.6);
}
`;

export const CARD_CSS = `
.mx-card, .mx-list { font: var(--mx-font-size)/1.45 var(--mx-font); color: var(--mx-fg); text-align: left; }
.mx-card h2, .mx-list h2 { font-size: 1.15em; margin: 0; line-height: 1.3; }
.mx-card h3 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--mx-muted); margin: 12px 0 4px; }
.mx-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.mx-matched { margin: 4px 0 0; color: var(--mx-muted); font-size: 0.9em; }
mark { background: var(--mx-mark); color: inherit; border-radius: 3px; padding: 0 2px; }
.mx-summary { margin: 8px 0 0; }
.mx-points { margin: 0; padding-left: 1.2em; }
.mx-points li { margin: 3px 0; }
.mx-links { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.mx-list .mx-links { flex-direction: column; margin-top: 8px; }
.mx-link, .mx-term, .mx-back, .mx-langs button, .mx-icon {
  font: inherit; color: var(--mx-accent); background: transparent; border: 1px solid var(--mx-border);
  border-radius: 999px; padding: 2px 10px; cursor: pointer;
}
.mx-term { border-radius: 8px; width: 100%; text-align: left; color: var(--mx-fg); padding: 6px 10px; }
.mx-term span { color: var(--mx-accent); }
.mx-back { margin-bottom: 8px; border: none; padding: 2px 0; }
.mx-icon { border: none; font-size: 1.3em; line-height: 1; padding: 0 4px; color: var(--mx-muted); }
.mx-langs { display: flex; gap: 6px; margin-top: 8px; }
.mx-langs button[aria-pressed="true"] { background: var(--mx-accent); color: var(--mx-accent-fg); border-color: var(--mx-accent); }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid var(--mx-accent); outline-offset: 2px; }
.mx-foot { margin-top: 12px; border-top: 1px solid var(--mx-border); padding-top: 4px; font-size: 0.85em; color: var(--mx-muted); }
.mx-sources { margin: 0; padding-left: 1.1em; }
.mx-sources a { color: var(--mx-accent); }
.mx-section { font-style: italic; }
.mx-reviewed { margin: 6px 0 0; }
.mx-disclaimer { margin: 6px 0 0; font-size: 0.85em; color: var(--mx-muted); font-style: italic; }
`;

/** The popover frame: a floating panel. */
export const POPOVER_CSS = `
:host { all: initial; }
.mx-popover {
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: var(--mx-width); max-width: calc(100vw - 16px);
  max-height: min(70vh, 560px); overflow: auto; background: var(--mx-bg); color: var(--mx-fg);
  border: 1px solid var(--mx-border); border-radius: var(--mx-radius); box-shadow: var(--mx-shadow); padding: 12px 14px;
  font: var(--mx-font-size)/1.45 var(--mx-font); z-index: 2147483647;
}
.mx-popover:focus { outline: 2px solid var(--mx-accent); }
`;
