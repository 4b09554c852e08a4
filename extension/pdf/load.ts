// Reading a PDF's bytes for the viewer, from the web or from this computer, asking for nothing
// the browser has not already allowed: a server that allows it (CORS) answers at once; otherwise
// the viewer asks the user for that one site. Nothing but the PDF's own address is requested.
import { browser } from 'wxt/browser';

/** Larger files are refused with a message rather than freezing the tab. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export type LoadProblem =
  | { kind: 'address'; address: string }
  | { kind: 'permission'; origin: string; pattern: string }
  | { kind: 'file-access' }
  | { kind: 'http'; status: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'network'; message: string };

export type LoadResult = { ok: true; data: Uint8Array } | { ok: false; problem: LoadProblem };

interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}
const permissions = () => (browser as unknown as { permissions?: PermissionsApi }).permissions;

/** The match pattern that lets the extension read `url`'s site (any port, as match patterns do). */
export function sitePattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** Asks the user (this must run in a click) to let the viewer read PDFs from `pattern`'s site. */
export async function askForSite(pattern: string): Promise<boolean> {
  return (await permissions()?.request({ origins: [pattern] })) ?? false;
}

function readLocalFile(url: string): Promise<ArrayBuffer> {
  // fetch() has no file: scheme; XMLHttpRequest reads local files once the user allowed it.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => (xhr.status === 0 || xhr.status === 200 ? resolve(xhr.response as ArrayBuffer) : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('the file could not be read'));
    xhr.send();
  });
}

async function readResponse(response: Response): Promise<LoadResult> {
  if (!response.ok) return { ok: false, problem: { kind: 'http', status: response.status } };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PDF_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: declared } };
  const data = new Uint8Array(await response.arrayBuffer());
  return data.byteLength > MAX_PDF_BYTES ? { ok: false, problem: { kind: 'too-large', bytes: data.byteLength } } : { ok: true, data };
}

/** The bytes of the PDF at `address`, or why they cannot be read (in a form the viewer puts in words). */
export async function loadPdf(address: string): Promise<LoadResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, problem: { kind: 'address', address } };
  }
  if (url.protocol === 'file:') {
    const allowed = await (browser.extension as unknown as { isAllowedFileSchemeAccess?: () => Promise<boolean> }).isAllowedFileSchemeAccess?.();
    if (!allowed) return { ok: false, problem: { kind: 'file-access' } };
    try {
      const data = new Uint8Array(await readLocalFile(url.href));
      return data.byteLength > MAX_PDF_BYTES ? { ok: false, problem: { kind: 'too-large', bytes: data.byteLength } } : { ok: true, data };
    } catch (error) {
      return { ok: false, problem: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: { kind: 'address', address } };

  const pattern = sitePattern(url);
  const granted = (await permissions()?.contains({ origins: [pattern] })) ?? false;
  try {
    // With the site allowed, the request carries the user's cookies as the browser's viewer would
    // (a PDF behind the hospital's login); without, only a server that allows any reader answers.
    return await readResponse(await fetch(url.href, { credentials: granted ? 'include' : 'omit', cache: 'default' }));
  } catch (error) {
    if (!granted) return { ok: false, problem: { kind: 'permission', origin: url.origin, pattern } };
    return { ok: false, problem: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
}
