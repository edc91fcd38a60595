import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** Where Chrome or Chromium usually lives, most likely first. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Raised when no browser can be found: md and html are still written, and this says how to get one. */
export class NoBrowserError extends Error {
  constructor() {
    super(
      'no Chrome or Chromium found to print the PDF. Install one (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`; ' +
        'or `npx puppeteer browsers install chrome`), or point to it with --chrome PATH or LABREPORT_CHROME=PATH.',
    );
    this.name = 'NoBrowserError';
  }
}

/**
 * The browser that prints PDFs: --chrome PATH, then LABREPORT_CHROME or
 * PUPPETEER_EXECUTABLE_PATH, then a system Chrome/Chromium, then puppeteer's own
 * download where it has one.
 */
export async function findBrowser(explicit?: string, candidates: readonly string[] = SYSTEM_BROWSERS): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`--chrome ${explicit}: no such file`);
    return explicit;
  }
  for (const v of [process.env.LABREPORT_CHROME, process.env.PUPPETEER_EXECUTABLE_PATH]) if (v && existsSync(v)) return v;
  for (const p of candidates) if (existsSync(p)) return p;
  try {
    const { default: puppeteer } = await import('puppeteer');
    const own = puppeteer.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // puppeteer's own browser was never downloaded (or puppeteer is absent): nothing more to try.
  }
  throw new NoBrowserError();
}
