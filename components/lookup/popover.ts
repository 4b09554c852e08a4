// The popover in the page: a host element that page CSS cannot reach (inline `all: initial
// !important`, maximum z-index) holding an open shadow root, rendered with lit-html (no custom
// element registry needed: Chrome content scripts have none), placed with floating-ui.
import type { EntryPurpose } from '../lookup-view';
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'lit-html';
import type { Entry } from '../../core/index/types';
import { initialState, lookupViewTemplate, type LookupResult, type ViewState } from '../lookup-view';
import { CARD_CSS, POPOVER_CSS, THEME_CSS } from '../styles';

export const POPOVER_ATTRIBUTE = 'data-mx-lookup-popover';
// The host's own look, each rule `!important` and set through the CSSOM (a `style` attribute would
// be refused by pages with a strict Content-Security-Policy).
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['pointer-events', 'auto'],
  ['z-index', '2147483647'],
];

export class Popover {
  private host: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;
  private state: ViewState | null = null;
  private themeVars: Record<string, string> = {};
  private themeName = '';
  private readonly onFullscreen = () => this.attach();

  constructor(
    private readonly doc: Document,
    private readonly fetchEntry: (id: string, purpose?: EntryPurpose) => Promise<Entry | null>,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Whether an event happened inside the popover (its host is on the event's composed path). */
  containsEvent(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  show(result: LookupResult, lang: string, anchor: VirtualElement): void {
    this.ensureHost();
    this.state = initialState(result, lang);
    this.draw();
    this.follow(anchor);
  }

  /** Custom properties (`--mx-accent`, …) and light/dark for the panel: the widget passes the page's theme. */
  setTheme(variables: Record<string, string>, name = ''): void {
    this.themeVars = variables;
    this.themeName = name;
    this.applyTheme();
  }

  private applyTheme(): void {
    if (!this.panel || !this.host) return;
    for (const [name, value] of Object.entries(this.themeVars)) this.panel.style.setProperty(name, value);
    if (this.themeName) this.panel.dataset.theme = this.themeName;
  }

  /** Moves keyboard focus into the popover (only on the user's explicit shortcut). */
  focus(): void {
    this.panel?.focus();
  }

  close(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.host?.remove();
    this.host = null;
    this.panel = null;
    this.state = null;
    this.doc.removeEventListener('fullscreenchange', this.onFullscreen);
  }

  private draw(): void {
    if (!this.panel || !this.state) return;
    render(
      lookupViewTemplate(this.state, {
        update: (state) => {
          this.state = state;
          this.draw();
        },
        fetchEntry: this.fetchEntry,
        close: () => this.close(),
      }),
      this.panel,
    );
  }

  private ensureHost(): void {
    if (this.host) return;
    const host = this.doc.createElement('div');
    host.setAttribute(POPOVER_ATTRIBUTE, '');
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const css = `${THEME_CSS}\n${POPOVER_CSS}\n${CARD_CSS}`;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Older engines (and some content-script worlds) lack constructable stylesheets.
      const style = this.doc.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    const panel = this.doc.createElement('div');
    panel.className = 'mx-popover';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'MediXchange Lookup');
    panel.tabIndex = -1;
    shadow.append(panel);
    this.host = host;
    this.panel = panel;
    this.applyTheme();
    this.attach();
    this.doc.addEventListener('fullscreenchange', this.onFullscreen);
  }

  /** Inside the fullscreen element when there is one (else it would be hidden), else on <html>. */
  private attach(): void {
    if (!this.host) return;
    const parent = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.host.parentNode !== parent) parent.append(this.host);
  }

  private follow(anchor: VirtualElement): void {
    this.stopFollowing?.();
    const panel = this.panel;
    if (!panel) return;
    const place = () =>
      void computePosition(anchor, panel, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the room on the chosen side: the panel scrolls instead of leaving the screen.
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              panel.style.maxHeight = `${Math.max(140, Math.min(560, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        panel.style.left = `${Math.round(x)}px`;
        panel.style.top = `${Math.round(y)}px`;
      });
    this.stopFollowing = autoUpdate(anchor, panel, place);
  }
}
