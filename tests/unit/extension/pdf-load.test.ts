// The PDF viewer's loader: what it asks for, and what each failure becomes (the viewer puts these
// in words). The browser is replaced by a stand-in recording permission checks; fetch by stubs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const granted = new Set<string>();
let fileAccess = false;
const asked: string[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
      request: async ({ origins }: { origins: string[] }) => {
        asked.push(...origins);
        return false;
      },
    },
    extension: { isAllowedFileSchemeAccess: async () => fileAccess },
  },
}));

const { askForSite, loadPdf, MAX_PDF_BYTES, sitePattern } = await import('../../../extension/pdf/load');

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const calls: { url: string; credentials?: RequestCredentials }[] = [];
const stubFetch = (answer: () => Promise<Response>) =>
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, credentials: init?.credentials });
    return answer();
  });

beforeEach(() => {
  granted.clear();
  asked.length = 0;
  calls.length = 0;
  fileAccess = false;
});
afterEach(() => vi.unstubAllGlobals());

describe('loading a PDF for the viewer', () => {
  it('reads a PDF from a site without asking anything, sending no cookies when the site is not allowed', async () => {
    stubFetch(async () => new Response(pdfBytes, { status: 200 }));
    const result = await loadPdf('https://who.example.org/guideline.pdf');
    expect(result).toEqual({ ok: true, data: pdfBytes });
    expect(calls).toEqual([{ url: 'https://who.example.org/guideline.pdf', credentials: 'omit' }]);
    expect(asked).toEqual([]);
  });

  it('with the site allowed, the request carries the user\'s cookies (a PDF behind the hospital\'s login)', async () => {
    granted.add('https://ehr.example.org/*');
    stubFetch(async () => new Response(pdfBytes, { status: 200 }));
    expect((await loadPdf('https://ehr.example.org:8443/letters/1.pdf')).ok).toBe(true);
    expect(calls[0]?.credentials).toBe('include');
  });

  it('a site that refuses other readers becomes a request for that one site, asked only when the user clicks', async () => {
    stubFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
    const result = await loadPdf('https://ehr.example.org:8443/letters/1.pdf');
    expect(result).toEqual({ ok: false, problem: { kind: 'permission', origin: 'https://ehr.example.org:8443', pattern: 'https://ehr.example.org/*' } });
    expect(asked).toEqual([]);
    expect(await askForSite('https://ehr.example.org/*')).toBe(false);
    expect(asked).toEqual(['https://ehr.example.org/*']);
  });

  it('an allowed site that cannot be reached is a network problem, not a permission one', async () => {
    granted.add('https://ehr.example.org/*');
    stubFetch(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await loadPdf('https://ehr.example.org/1.pdf')).toEqual({ ok: false, problem: { kind: 'network', message: 'Failed to fetch' } });
  });

  it('says the HTTP status, refuses what is too large before reading it, and refuses addresses that are not http, https or file', async () => {
    stubFetch(async () => new Response('gone', { status: 410 }));
    expect(await loadPdf('https://a.example/x.pdf')).toEqual({ ok: false, problem: { kind: 'http', status: 410 } });
    stubFetch(async () => new Response(pdfBytes, { status: 200, headers: { 'content-length': String(MAX_PDF_BYTES + 1) } }));
    expect(await loadPdf('https://a.example/x.pdf')).toEqual({ ok: false, problem: { kind: 'too-large', bytes: MAX_PDF_BYTES + 1 } });
    for (const address of ['javascript:alert(1)', 'data:application/pdf;base64,JVBERi0=', 'chrome://settings', 'not an address', ''])
      expect(await loadPdf(address)).toEqual({ ok: false, problem: { kind: 'address', address } });
    expect(calls).toHaveLength(2);
  });

  it('a local file without the browser\'s file access says so, and reads nothing', async () => {
    stubFetch(async () => new Response(pdfBytes));
    expect(await loadPdf('file:///home/dr/letter.pdf')).toEqual({ ok: false, problem: { kind: 'file-access' } });
    expect(calls).toEqual([]);
  });

  it('a site pattern names the host on any port, as match patterns do', () => {
    expect(sitePattern(new URL('http://127.0.0.1:8080/a.pdf'))).toBe('http://127.0.0.1/*');
  });
});
