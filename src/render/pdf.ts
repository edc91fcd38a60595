import type { Browser } from 'puppeteer';

/*
 * HTML → PDF with Chromium through puppeteer. Three layers keep captured content from
 * reaching anything: JavaScript is off in the page, every request the page makes is
 * aborted (the report is loaded with setContent, so it needs none), and the browser is
 * launched with a proxy and host rules that send any other traffic nowhere. The HTML's
 * own Content-Security-Policy is a fourth.
 */

const ISOLATION_FLAGS = [
  '--proxy-server=127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface PdfOptions {
  executablePath: string;
  paper: 'A4' | 'Letter';
  /** Printed in the page header. */
  title: string;
  /** "Page {page} of {total}" in the report's language. */
  pageLabel: (page: string, total: string) => string;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests the page tried to make (all refused): 0 for a clean report. */
  blockedRequests: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Chromium refuses to run as root with its sandbox on; elsewhere keep the sandbox. */
const sandboxFlags = () => (process.getuid?.() === 0 ? ['--no-sandbox', '--disable-setuid-sandbox'] : []);

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer'); // loaded only when a PDF is asked for: it takes a third of a second
  return puppeteer.launch({ executablePath, headless: true, args: [...ISOLATION_FLAGS, ...sandboxFlags()], timeout: 60_000 });
}

/** Print one HTML document to PDF. Pass a browser to reuse it across reports. */
export async function renderPdf(html: string, options: PdfOptions, shared?: Browser): Promise<PdfResult> {
  const browser = shared ?? (await launchBrowser(options.executablePath));
  const blockedRequests: string[] = [];
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      blockedRequests.push(request.url());
      void request.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    const small = 'font-size:8px;color:#666;width:100%;margin:0 12mm;font-family:sans-serif;';
    const pdf = await page.pdf({
      format: options.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}text-align:right">${escapeHtml(options.title)}</div>`,
      footerTemplate: `<div style="${small}text-align:center">${options.pageLabel('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</div>`,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      timeout: 120_000,
    });
    await page.close();
    return { pdf, blockedRequests };
  } finally {
    if (!shared) await browser.close();
  }
}
