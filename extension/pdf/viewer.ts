// The extension's PDF viewer (pdf.html?file=<address>): PDF.js renders each page with its text
// layer, so double-click, selection, the shortcut and the context menu look up guidance exactly as
// on a web page. The PDF's own address stays visible, the browser's viewer is one click away, and
// nothing is sent anywhere: the only request is the PDF itself.
import 'pdfjs-dist/web/pdf_viewer.css';
import * as pdfjsLib from 'pdfjs-dist';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { browser } from 'wxt/browser';
import { Popover } from '../../components/lookup/popover';
import { startPageLookup } from '../page-lookup';
import { applyPageLanguage, extensionUrl, fillPlaceholders, uiMessage } from '../platform';
import { siteOf } from '../settings';
import { language } from '../settings-store';
import { originalChosenKey } from './address';
import { askForSite, loadPdf, MAX_PDF_BYTES, type LoadProblem } from './load';
import { ignore } from '../../core/errors/ignore';

/** A UI string, or its English fallback with `$1`… filled in the same way. */
const t = (key: string, fallback: string, substitutions?: string | string[]) => uiMessage(key, substitutions) || fillPlaceholders(fallback, substitutions);

type PdfViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

interface ViewerState {
  address?: string;
  /** What the page says instead of (or above) the PDF. */
  message?: TemplateResult;
  pages?: number;
}

function problemText(problem: LoadProblem): TemplateResult {
  switch (problem.kind) {
    case 'address':
      return html`${t('pdfBadAddress', 'This is not an address a PDF can be opened from (http, https or file):')} <code>${problem.address}</code>`;
    case 'file-access':
      return navigator.userAgent.includes('Firefox')
        ? html`${t('pdfFileFirefox', 'Firefox does not let add-ons read files on this computer. Choose the file above to open it here.')}`
        : html`${t('pdfFileAccess', 'To open PDFs from this computer, turn on "Allow access to file URLs" for MediXchange Lookup in the browser\'s extension settings, then reload this page. Or choose the file above.')}`;
    case 'http':
      return html`${t('pdfHttp', 'The server did not send the PDF (HTTP $1).', String(problem.status))}`;
    case 'too-large':
      return html`${t('pdfTooLarge', 'This PDF is too large to open here ($1 MB; the limit is $2 MB). Open it in the browser\'s viewer.', [String(Math.round(problem.bytes / 1e6)), String(MAX_PDF_BYTES / 1024 / 1024)])}`;
    case 'network':
      return html`${t('pdfNetwork', 'The PDF could not be downloaded:')} ${problem.message}`;
    case 'permission':
      return html`${t('pdfPermission', 'MediXchange Lookup may read PDFs from $1 only if you allow it. Nothing is sent to that site or anywhere else; the PDF is only read here.', problem.origin)}`;
  }
}

export async function startViewer(doc: Document): Promise<void> {
  const bar = doc.getElementById('bar') as HTMLElement;
  const container = doc.getElementById('viewerContainer') as HTMLDivElement;
  const viewerElement = doc.getElementById('viewer') as HTMLDivElement;
  const address = new URLSearchParams(location.search).get('file') ?? undefined;
  const state: ViewerState = { address };
  await applyPageLanguage(doc, await language.getValue());

  // PDF.js's viewer module reads the library from globalThis.
  (globalThis as unknown as { pdfjsLib: typeof pdfjsLib }).pdfjsLib = pdfjsLib;
  pdfjsLib.GlobalWorkerOptions.workerSrc = extensionUrl('/pdfjs/pdf.worker.min.mjs');
  const { EventBus, PDFLinkService, PDFViewer } = (await import('pdfjs-dist/web/pdf_viewer.mjs')) as PdfViewerModule;
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus, externalLinkTarget: 2, externalLinkRel: 'noopener noreferrer nofollow' });
  const viewer = new PDFViewer({ container, viewer: viewerElement, eventBus, linkService, removePageBorders: false });
  linkService.setViewer(viewer);
  eventBus.on('pagesinit', () => (viewer.currentScaleValue = 'page-width'));
  eventBus.on('pagechanging', () => draw());

  const chooseOriginal = async (event: Event) => {
    // The user wants the browser's viewer for this PDF: the "open every PDF here" option must not bring it back.
    event.preventDefault();
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.storage.session.set({ [originalChosenKey(tab.id)]: state.address });
    location.href = state.address ?? '';
  };

  const zoom = (factor: number) => {
    viewer.currentScale = Math.min(4, Math.max(0.25, viewer.currentScale * factor));
  };

  const draw = () => {
    const page = state.pages ? viewer.currentPageNumber : 0;
    render(
      html`<div class="mx-pdf-title">
          <h1>${t('pdfViewerTitle', 'MediXchange Lookup · PDF')}</h1>
          ${state.address
            ? html`<a id="pdf-address" href=${state.address} title=${state.address} @click=${chooseOriginal}>${state.address}</a>
                <a id="pdf-original" href=${state.address} @click=${chooseOriginal}>${t('pdfOriginal', "Open in the browser's viewer")}</a>`
            : nothing}
        </div>
        <div class="mx-pdf-tools">
          ${state.pages
            ? html`<span class="mx-muted" id="pdf-page" aria-live="polite">${t('pdfPage', 'Page $1 of $2', [String(page), String(state.pages)])}</span>
                <button type="button" @click=${() => zoom(1 / 1.2)} aria-label=${t('pdfZoomOut', 'Zoom out')}>−</button>
                <button type="button" @click=${() => zoom(1.2)} aria-label=${t('pdfZoomIn', 'Zoom in')}>+</button>
                <button type="button" @click=${() => (viewer.currentScaleValue = 'page-width')}>${t('pdfFitWidth', 'Fit width')}</button>`
            : nothing}
          <label class="mx-pdf-file">${t('pdfChooseFile', 'Open a PDF from this computer')}
            <input type="file" id="pdf-file" accept="application/pdf,.pdf" @change=${openChosenFile} /></label>
        </div>
        ${state.message ? html`<div id="pdf-message" role="alert">${state.message}</div>` : nothing}`,
      bar,
    );
    container.style.top = `${bar.offsetHeight}px`;
  };

  const show = async (data: Uint8Array, name: string) => {
    const task = pdfjsLib.getDocument({
      data,
      cMapUrl: extensionUrl('/pdfjs/cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: extensionUrl('/pdfjs/standard_fonts/'),
      wasmUrl: extensionUrl('/pdfjs/wasm/'),
      iccUrl: extensionUrl('/pdfjs/iccs/'),
      isEvalSupported: false,
      enableXfa: false,
    });
    task.onPassword = (answer: (password: string) => void, reason: number) => {
      state.message = html`<form
        @submit=${(e: Event) => {
          e.preventDefault();
          const input = (e.target as HTMLFormElement).elements.namedItem('password') as HTMLInputElement;
          state.message = undefined;
          draw();
          answer(input.value);
        }}
      >
        <label for="pdf-password">${reason === pdfjsLib.PasswordResponses.INCORRECT_PASSWORD ? t('pdfPasswordWrong', 'Wrong password; try again:') : t('pdfPassword', 'This PDF is protected by a password:')}</label>
        <input type="password" id="pdf-password" name="password" autocomplete="off" />
        <button type="submit">${t('pdfOpen', 'Open')}</button>
      </form>`;
      draw();
      (doc.getElementById('pdf-password') as HTMLInputElement | null)?.focus();
    };
    try {
      const pdf = await task.promise;
      viewer.setDocument(pdf);
      linkService.setDocument(pdf);
      state.pages = pdf.numPages;
      state.message = undefined;
      const info = (await pdf.getMetadata().catch(ignore('a PDF without readable metadata is titled by its file name')))?.info as { Title?: string } | undefined;
      doc.title = `${info?.Title?.trim() || name} — MediXchange Lookup`;
    } catch (error) {
      const invalid = error instanceof Error && error.name === 'InvalidPDFException';
      state.message = invalid
        ? html`${t('pdfInvalid', 'This file is not a PDF, or it is damaged.')}`
        : html`${t('pdfFailed', 'PDF.js could not open this PDF:')} ${error instanceof Error ? error.message : String(error)}`;
    }
    draw();
  };

  async function openChosenFile(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_PDF_BYTES) {
      state.message = problemText({ kind: 'too-large', bytes: file.size });
      draw();
      return;
    }
    state.address = undefined;
    history.replaceState(null, '', location.pathname);
    await show(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  const open = async () => {
    if (!state.address) {
      state.message = html`${t('pdfNoFile', 'Choose a PDF to read it here with guidance lookup.')}`;
      draw();
      return;
    }
    state.message = html`<span class="mx-muted">${t('pdfLoading', 'Opening the PDF…')}</span>`;
    draw();
    const loaded = await loadPdf(state.address);
    if (loaded.ok) {
      await show(loaded.data, decodeURIComponent(new URL(state.address).pathname.split('/').pop() || state.address));
      return;
    }
    const { problem } = loaded;
    state.message =
      problem.kind === 'permission'
        ? html`${problemText(problem)}
            <button
              type="button"
              id="pdf-allow"
              @click=${async () => {
                if (await askForSite(problem.pattern)) await open();
              }}
            >
              ${t('pdfAllow', 'Allow reading PDFs from $1', problem.origin)}
            </button>`
        : problemText(problem);
    draw();
  };

  draw();
  window.addEventListener('resize', () => draw());
  startPageLookup({
    win: window,
    site: siteOf(state.address) ?? '',
    loadPopover: async (d, fetchEntry) => new Popover(d, fetchEntry),
  });
  await open();
}
