// The PDF viewer's address (`pdf.html?file=<URL-encoded address>`) and what a PDF address is.
import { extensionUrl } from '../platform';

export const VIEWER_PAGE = '/pdf.html';

/** The viewer's URL for the PDF at `file`. */
export function viewerUrl(file: string): string {
  return extensionUrl(`${VIEWER_PAGE}?file=${encodeURIComponent(file)}`);
}

/** The PDF address a viewer URL shows, or undefined when `url` is not the viewer. */
export function fileOfViewer(url: string | undefined): string | undefined {
  if (!url?.startsWith(extensionUrl(VIEWER_PAGE))) return undefined;
  return new URL(url).searchParams.get('file') ?? undefined;
}

/** Whether an address names a PDF by its path (`…/letter.pdf`, `…/letter.PDF?download=1`). */
export function looksLikePdf(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'file:'].includes(parsed.protocol) && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** The storage.session key under which a tab records that its user chose the browser's own viewer for a PDF. */
export const originalChosenKey = (tabId: number) => `pdf-original:${tabId}`;
