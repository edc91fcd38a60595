import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UsageError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
import { DEFAULT_LIMITS, humanBytes, limitFlag } from '../limits.js';
import type { BrowserChoice } from './browser.js';

/*
 * HTML → PDF with Chromium through puppeteer-core. Three layers keep captured content from
 * reaching anything: JavaScript is off in the page, every request the page makes is
 * aborted (the report is loaded with setContent, so it needs none), and the browser is
 * launched with a proxy and host rules that send any other traffic nowhere. The HTML's
 * own Content-Security-Policy is a fourth.
 *
 * Chromium's memory grows with the document, so printing has a budget: the HTML is cut at
 * a section boundary to maxPdfHtmlBytes (with a note), the print has maxPdfSeconds, and on
 * Linux the browser's processes are watched against maxPdfMemoryBytes. The browser talks
 * over a pipe, so it ends with labreport even when labreport is killed outright; a signal
 * kills it at once (interrupt.ts).
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

/** How long a browser may take to start and answer; a program that does not is not a usable browser. */
const BROWSER_START_MS = 30_000;
/** How often the browser's memory is measured while it prints. */
const MEMORY_CHECK_MS = 250;

export interface PdfBudget {
  maxHtmlBytes: number;
  maxSeconds: number;
  maxMemoryBytes: number;
}

export const DEFAULT_PDF_BUDGET: PdfBudget = {
  maxHtmlBytes: DEFAULT_LIMITS.maxPdfHtmlBytes,
  maxSeconds: DEFAULT_LIMITS.maxPdfSeconds,
  maxMemoryBytes: DEFAULT_LIMITS.maxPdfMemoryBytes,
};

export interface PdfOptions {
  paper: 'A4' | 'Letter';
  /** Printed in the page header. */
  title: string;
  /** "Page {page} of {total}" in the report's language. */
  pageLabel: (page: string, total: string) => string;
  budget?: PdfBudget;
  /** The note put where a report too long for the budget is cut: the first section left out, the HTML's size, the budget (plain text). */
  cutNote?: (firstLeftOut: string, size: string, budget: string) => string;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests the page tried to make (all refused): 0 for a clean report. */
  blockedRequests: string[];
  /** Set when the report was longer than the budget and the PDF stops early. */
  cut: { htmlBytes: number; printedBytes: number; firstLeftOut: string } | null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const htmlText = (s: string) =>
  s.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Chromium refuses to run as root with its sandbox on; elsewhere keep the sandbox. */
const sandboxFlags = () => (process.getuid?.() === 0 ? ['--no-sandbox', '--disable-setuid-sandbox'] : []);

/** How messages name a browser: as the user named it, or where it was found. */
function browserLabel(choice: BrowserChoice): string {
  if (choice.source === '--chrome') return `--chrome ${choice.path}`;
  if (choice.source === 'LABREPORT_CHROME' || choice.source === 'PUPPETEER_EXECUTABLE_PATH') return `${choice.source}=${choice.path}`;
  return `the browser ${choice.path}`;
}

/** The live processes of a browser's process group (Chromium's helpers share the browser's), from /proc; null where that cannot be read. */
function browserProcesses(pid: number): number[] | null {
  const found: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (entry.charCodeAt(0) > 57) continue; // only the numbered entries are processes
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(group) === pid && state !== 'Z') found.push(Number(entry));
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return null;
  }
  return found;
}

/** What the browser's processes hold in memory, or null where that cannot be measured. */
function browserMemory(pid: number): number | null {
  const processes = browserProcesses(pid);
  if (processes === null) return null;
  let total = 0;
  for (const p of processes) {
    try {
      // Proportional set size: shared pages counted once across the processes, unlike RSS.
      const m = /\nPss:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'latin1'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Each browser's profile is a fresh temporary folder named so (ownBrowsers looks for it). */
const PROFILE_PREFIX = 'labreport-chrome-';

/** How long a killed browser is given to be gone before its profile is removed (a dying one may still write there). */
const BROWSER_DEATH_MS = 2000;

/** The live processes whose command line names this profile: the browser and its helpers, from /proc; null without /proc. */
function processesUsing(profile: string): number[] | null {
  const flag = `--user-data-dir=${profile}`;
  const found: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (entry.charCodeAt(0) > 57) continue;
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'latin1').includes(flag)) continue;
        const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
        if (stat[stat.lastIndexOf(')') + 2] !== 'Z') found.push(Number(entry));
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return null;
  }
  return found;
}

/** The browsers this process started (Linux, from /proc): its descendants running with a labreport profile. A class build's workers start theirs; the main thread finds them here when interrupted. */
export function ownBrowsers(): BrowserHandle[] {
  const parents = new Map<number, number>();
  const profiles = new Map<number, string>();
  const prefix = `--user-data-dir=${join(tmpdir(), PROFILE_PREFIX)}`;
  try {
    for (const entry of readdirSync('/proc')) {
      if (entry.charCodeAt(0) > 57) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
        const flag = readFileSync(`/proc/${entry}/cmdline`, 'latin1')
          .split('\0')
          .find((a) => a.startsWith(prefix));
        if (flag) profiles.set(Number(entry), flag.slice('--user-data-dir='.length));
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    return [];
  }
  const mine = (pid: number) => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && hops < parents.size; p = parents.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  const found = new Map<string, BrowserHandle>();
  for (const [pid, profile] of profiles) if (mine(pid) && !found.has(profile)) found.set(profile, { pid, profile });
  return [...found.values()];
}

/** Wait, synchronously (a signal handler cannot wait otherwise), until a killed browser's processes are gone. */
function awaitDeath(profile: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const start = Date.now(); Date.now() - start < BROWSER_DEATH_MS; Atomics.wait(pause, 0, 0, 10)) {
    const left = processesUsing(profile);
    if (left === null) return void Atomics.wait(pause, 0, 0, 100); // no /proc: a moment is all that can be given
    if (left.length === 0) return;
  }
}

interface Launched {
  /** Kill the browser and its helpers at once, and remove its profile. */
  kill: () => void;
  pid: number | undefined;
  profile: string;
}

/** What identifies a running browser to someone who must kill it (a class build's main thread, for its workers' browsers). */
export interface BrowserHandle {
  pid: number;
  profile: string;
}

export function browserHandle(browser: Browser): BrowserHandle | null {
  const own = launched.get(browser);
  return own?.pid === undefined ? null : { pid: own.pid, profile: own.profile };
}

/** Kill a browser and its helpers (its process group, and on Linux every process using its profile) at once, wait until they are gone, and remove its profile. Synchronous: signal handlers use it. */
export function killBrowser(handle: { pid?: number | undefined; profile: string }): void {
  const targets = handle.pid === undefined ? [] : process.platform === 'win32' ? [handle.pid] : [-handle.pid, handle.pid];
  for (const target of [...targets, ...(processesUsing(handle.profile) ?? [])]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  awaitDeath(handle.profile);
  try {
    rmSync(handle.profile, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // a browser still writing its profile as it dies; the system's temporary folder is cleaned in time
  }
}

const launched = new WeakMap<Browser, Launched>();

/** Start a browser for printing. Its profile is a fresh temporary folder, removed when it closes (or is killed). */
export async function launchBrowser(choice: BrowserChoice): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core'); // loaded only when a PDF is asked for: it takes a third of a second
  const profile = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a browser still writing its profile as it dies; the system's temporary folder is cleaned in time
    }
  };
  let pid: number | undefined;
  // Aborting makes @puppeteer/browsers kill the browser's process group at once, even while it is still starting.
  const abort = new AbortController();
  const kill = () => {
    abort.abort();
    killBrowser({ pid, profile });
  };
  const forget = onInterrupt(kill);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: choice.path,
      headless: /headless[-_]shell/i.test(choice.path) ? 'shell' : true,
      pipe: true,
      userDataDir: profile,
      args: [...ISOLATION_FLAGS, ...sandboxFlags()],
      timeout: BROWSER_START_MS,
      protocolTimeout: BROWSER_START_MS * 10,
      // labreport handles signals itself (cli/signals.ts), killing the browser through `kill`.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      signal: abort.signal,
    });
  } catch (e) {
    forget();
    removeProfile();
    throw new UsageError(`${browserLabel(choice)}: ${launchProblem(e as Error)}`);
  }
  pid = browser.process()?.pid;
  launched.set(browser, { kill, pid, profile });
  // Its profile goes once the process has ended (the pipe can close a moment before).
  const child = browser.process();
  const ended = () => {
    forget();
    removeProfile();
  };
  if (child && child.exitCode === null && child.signalCode === null) child.once('exit', ended);
  else ended();
  return browser;
}

/** Why a program did not start as a browser, in one line. */
function launchProblem(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return 'is not an executable program';
  if (code === 'ENOENT') return 'no such program';
  if (e.name === 'TimeoutError') return `did not answer as a browser within ${BROWSER_START_MS / 1000} s (is it Chrome, Chromium or Edge?)`;
  const detail = e.message
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^Failed to launch|^TROUBLESHOOTING|^$/.test(l));
  return `did not start as a browser (is it Chrome, Chromium or Edge?)${detail ? `: ${detail.slice(0, 200)}` : ''}`;
}

/** Close a browser from launchBrowser; one that does not close promptly is killed. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const own = launched.get(browser);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([browser.close(), new Promise((resolve) => (timer = setTimeout(resolve, BROWSER_START_MS)))]);
  } catch {
    // it was gone already
  } finally {
    clearTimeout(timer);
    own?.kill();
  }
}

/** Heading starts in the HTML renderHtml writes (one per line), where a report can be cut and still read whole. */
const SECTION_START = [Buffer.from('\n<h2 id="'), Buffer.from('\n<h3 id="')];
const LINE_START = Buffer.from('\n<');

/**
 * The HTML to print within `maxBytes`: the whole report when it fits, or its front up to
 * the last section (or, failing that, block) that fits, followed by the note.
 */
export function fitHtmlToBudget(html: string, maxBytes: number, note: (firstLeftOut: string) => string): { html: string; cut: PdfResult['cut'] } {
  const bytes = Buffer.from(html);
  if (bytes.length <= maxBytes) return { html, cut: null };
  const bodyStart = Math.max(0, bytes.indexOf('<main>'));
  const boundaries = (patterns: Buffer[]) => {
    const found: number[] = [];
    for (const p of patterns) for (let at = bytes.indexOf(p, bodyStart); at >= 0; at = bytes.indexOf(p, at + 1)) found.push(at + 1);
    return found.sort((a, b) => a - b);
  };
  const closing = (leftOut: string) =>
    `<aside style="margin-top:2em;padding:0.6em 0.9em;border:1px solid #b45309;background:#fff7ed"><strong>${escapeHtml(note(leftOut))}</strong></aside>\n</main>\n</body>\n</html>\n`;
  const fits = (at: number) => at + Buffer.byteLength(closing('x'.repeat(200))) <= maxBytes;
  // The latest section start that fits; a report whose first section alone is too long is cut at a block.
  let at = boundaries(SECTION_START).filter(fits).at(-1) ?? boundaries([LINE_START]).filter(fits).at(-1) ?? bodyStart;
  const rest = bytes.subarray(at).toString('utf8');
  const heading = /^<h[23][^>]*>(.*?)<\/h[23]>/.exec(rest);
  const firstLeftOut = heading ? htmlText(heading[1]!) : htmlText(rest.slice(0, 200).split('\n')[0]!).slice(0, 80);
  if (!fits(at)) at = bodyStart;
  const printed = bytes.subarray(0, at).toString('utf8') + closing(firstLeftOut.slice(0, 200));
  return { html: printed, cut: { htmlBytes: bytes.length, printedBytes: Buffer.byteLength(printed), firstLeftOut } };
}

/**
 * With SOURCE_DATE_EPOCH set, the PDF's creation and modification dates are that time, so
 * the same report gives the same bytes. Chromium (Skia) writes them as D:YYYYMMDDHHmmSS+HH'mm',
 * always 22 characters, so they are replaced in place and the PDF's byte offsets stay right.
 */
export function reproduciblePdf(pdf: Uint8Array, epoch = process.env.SOURCE_DATE_EPOCH): Uint8Array {
  if (!epoch || !/^\d+$/.test(epoch)) return pdf;
  const d = new Date(Number(epoch) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}+00'00'`;
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+\-Z]\d\d'\d\d'\)/g, (m, key: string) =>
    `/${key} (${date})`.padEnd(m.length).slice(0, m.length),
  );
  return Buffer.from(fixed, 'latin1');
}

/** Print one HTML document to PDF on a browser from launchBrowser, within the budget. */
export async function renderPdf(html: string, options: PdfOptions, browser: Browser): Promise<PdfResult> {
  const budget = options.budget ?? DEFAULT_PDF_BUDGET;
  const note = options.cutNote ?? ((leftOut, size, max) => `The PDF stops before "${leftOut}": the report is ${size} of HTML, more than ${max}.`);
  const fitted = fitHtmlToBudget(html, budget.maxHtmlBytes, (leftOut) => note(leftOut, humanBytes(Buffer.byteLength(html)), humanBytes(budget.maxHtmlBytes)));
  const blockedRequests: string[] = [];
  const own = launched.get(browser);
  const deadline = budget.maxSeconds * 1000;
  let overMemory: number | null = null;
  let watch: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  const page = await browser.newPage();
  try {
    const print = (async () => {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        blockedRequests.push(request.url());
        void request.abort('blockedbyclient');
      });
      await page.setContent(fitted.html, { waitUntil: 'load', timeout: deadline });
      const small = 'font-size:8px;color:#666;width:100%;margin:0 12mm;font-family:sans-serif;';
      return page.pdf({
        format: options.paper,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${small}text-align:right">${escapeHtml(options.title)}</div>`,
        footerTemplate: `<div style="${small}text-align:center">${options.pageLabel('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</div>`,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        // Untagged: Chromium's structure tree (one object per element) is six sevenths of a tagged
        // report's bytes (lab-session: 2.37 MB tagged, 0.36 MB untagged), and the text stays selectable
        // and searchable without it. The outline (bookmarks) would need the tags back.
        tagged: false,
        timeout: deadline,
      });
    })();
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintStopped('time')), deadline);
      if (own?.pid !== undefined && process.platform === 'linux')
        watch = setInterval(() => {
          const used = browserMemory(own.pid!);
          if (used !== null && used > budget.maxMemoryBytes) {
            overMemory = used;
            reject(new PrintStopped('memory'));
          }
        }, MEMORY_CHECK_MS);
    });
    const pdf = await Promise.race([print, stopped]);
    await page.close();
    return { pdf: reproduciblePdf(pdf), blockedRequests, cut: fitted.cut };
  } catch (e) {
    // A print that ran out of time or memory, or whose browser died, leaves the browser unusable: kill it.
    own?.kill();
    if (e instanceof PrintStopped && e.why === 'memory')
      throw new UsageError(
        `the PDF was not printed: Chromium needed more than ${humanBytes(budget.maxMemoryBytes)} (${limitFlag('maxPdfMemoryBytes')}; it had ${humanBytes(overMemory ?? 0)}); try a smaller ${limitFlag('maxPdfHtmlBytes')}`,
      );
    if (e instanceof PrintStopped || (e as Error).name === 'TimeoutError')
      throw new UsageError(
        `the PDF was not printed within ${budget.maxSeconds} s (${limitFlag('maxPdfSeconds')}); try a smaller ${limitFlag('maxPdfHtmlBytes')}`,
      );
    if (!browser.connected) throw new UsageError(`the browser stopped while printing the PDF (${(e as Error).message.split('\n')[0]})`);
    throw e;
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
  }
}

class PrintStopped extends Error {
  constructor(readonly why: 'time' | 'memory') {
    super(`printing stopped: ${why}`);
  }
}
