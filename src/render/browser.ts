import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/*
 * Finding the browser that prints PDFs. labreport downloads none at install time; it uses
 * the one the user has, in this order (README, "Browsers"):
 *   1. --chrome PATH;
 *   2. LABREPORT_CHROME, then PUPPETEER_EXECUTABLE_PATH;
 *   3. the system's Chrome, Chromium, Edge or Brave: where @puppeteer/browsers knows the
 *      platform's Chrome it is asked first, then programs on PATH, then the usual install
 *      folders (Windows: per-user %LOCALAPPDATA% and %PROGRAMFILES%/%PROGRAMFILES(X86)%;
 *      macOS: /Applications and ~/Applications);
 *   4. a browser installed into the puppeteer cache with
 *      `npx @puppeteer/browsers install chrome-headless-shell@stable --path CACHE`.
 * The choice is a pure function of an environment (platform, variables, home, what exists),
 * so the tests can simulate every platform.
 */

export interface BrowserEnvironment {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  /** Whether an executable file is at the path. */
  exists(file: string): boolean;
  /** The full path of a program found on PATH, or null. */
  onPath(program: string): string | null;
  /** The platform's Chrome as @puppeteer/browsers' computeSystemExecutablePath finds it, or null. */
  systemChrome(): string | null;
  /** Executables of the browsers installed in a @puppeteer/browsers cache folder for this platform, best first. */
  installedIn(cacheDir: string): string[];
}

export type BrowserSource = '--chrome' | 'LABREPORT_CHROME' | 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'PATH' | 'cache';

export interface BrowserChoice {
  path: string;
  /** Where it was found, for messages ("--chrome /x: did not start …"). */
  source: BrowserSource;
}

/** Programs looked up on PATH (Linux, BSD, and Windows or macOS when they are there). */
const PATH_PROGRAMS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
  'chrome',
  'msedge',
];

/** Where Linux packages put them when PATH is short (cron, systemd units). */
const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
  '/opt/brave.com/brave/brave-browser',
  '/snap/bin/chromium',
];

/** Under each Windows install root (per user, then for all users). */
const WINDOWS_PROGRAMS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Chromium\\Application\\chrome.exe',
  'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
];
const WINDOWS_ROOTS = ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)', 'ProgramW6432'];

/** Inside /Applications or ~/Applications. */
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Brave Browser.app/Contents/MacOS/Brave Browser',
];

/** An environment variable; Windows names are case-insensitive. */
function variable(e: BrowserEnvironment, name: string): string | undefined {
  if (e.platform !== 'win32') return e.env[name] || undefined;
  const key = Object.keys(e.env).find((k) => k.toLowerCase() === name.toLowerCase());
  return (key && e.env[key]) || undefined;
}

const pathFor = (e: BrowserEnvironment) => (e.platform === 'win32' ? path.win32 : path.posix);

/** The folder browsers are installed into for labreport: puppeteer's cache, as puppeteer itself uses it. */
export function browserCacheDir(e: BrowserEnvironment): string {
  return variable(e, 'PUPPETEER_CACHE_DIR') ?? pathFor(e).join(e.home, '.cache', 'puppeteer');
}

/** The usual install places of the platform, most likely first. */
function systemCandidates(e: BrowserEnvironment): string[] {
  const p = pathFor(e);
  if (e.platform === 'win32') {
    const roots = [...new Set(WINDOWS_ROOTS.map((r) => variable(e, r)).filter((r): r is string => !!r))];
    return WINDOWS_PROGRAMS.flatMap((program) => roots.map((root) => p.join(root, program)));
  }
  if (e.platform === 'darwin') return MAC_APPS.flatMap((app) => ['/Applications', p.join(e.home, 'Applications')].map((root) => p.join(root, app)));
  return LINUX_PATHS;
}

/** Raised when no browser can be found: md and html are still written, and this says how to get one. */
export class NoBrowserError extends Error {
  constructor(e: BrowserEnvironment) {
    const install =
      e.platform === 'win32' || e.platform === 'darwin'
        ? 'Install Google Chrome or Microsoft Edge'
        : 'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`)';
    super(
      `no Chrome, Chromium or Edge found to print the PDF. ${install}, ` +
        `or get one for labreport with \`npx @puppeteer/browsers install chrome-headless-shell@stable --path ${browserCacheDir(e)}\`, ` +
        'or name yours with --chrome PATH or LABREPORT_CHROME=PATH.',
    );
    this.name = 'NoBrowserError';
  }
}

/** The browser to print with, or an error saying why there is none. */
export function chooseBrowser(e: BrowserEnvironment, explicit?: string): BrowserChoice {
  const named: [BrowserSource, string | undefined][] = [
    ['--chrome', explicit],
    ['LABREPORT_CHROME', variable(e, 'LABREPORT_CHROME')],
    ['PUPPETEER_EXECUTABLE_PATH', variable(e, 'PUPPETEER_EXECUTABLE_PATH')],
  ];
  for (const [source, file] of named) {
    if (!file) continue;
    // A browser the user named and that is not there is an error, not a reason to pick another.
    const label = source === '--chrome' ? `--chrome ${file}` : `${source}=${file}`;
    if (!e.exists(file)) throw new UsageError(`${label}: no such program (give the path of a Chrome, Chromium or Edge executable)`);
    return { path: file, source };
  }
  const system = e.systemChrome();
  if (system) return { path: system, source: 'system' };
  for (const program of PATH_PROGRAMS) {
    const found = e.onPath(program);
    if (found) return { path: found, source: 'PATH' };
  }
  for (const file of systemCandidates(e)) if (e.exists(file)) return { path: file, source: 'system' };
  const cached = e.installedIn(browserCacheDir(e))[0];
  if (cached) return { path: cached, source: 'cache' };
  throw new NoBrowserError(e);
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** This machine, as the finder sees it. @puppeteer/browsers is loaded only here, when a PDF is asked for. */
export async function systemEnvironment(): Promise<BrowserEnvironment> {
  const browsers = await import('@puppeteer/browsers');
  const platform = browsers.detectBrowserPlatform();
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';').filter(Boolean) : [''];
  const preference = [browsers.Browser.CHROMEHEADLESSSHELL, browsers.Browser.CHROME, browsers.Browser.CHROMIUM];
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: isExecutable,
    onPath: (program) => {
      for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean))
        for (const ext of extensions) if (isExecutable(path.join(dir, program + ext))) return path.join(dir, program + ext);
      return null;
    },
    systemChrome: () => {
      if (!platform) return null;
      try {
        return browsers.computeSystemExecutablePath({ browser: browsers.Browser.CHROME, channel: browsers.ChromeReleaseChannel.STABLE, platform });
      } catch {
        return null; // not installed where Google puts it
      }
    },
    installedIn: (cacheDir) => {
      try {
        return new browsers.Cache(cacheDir)
          .getInstalledBrowsers()
          .filter((b) => b.platform === platform && preference.includes(b.browser) && isExecutable(b.executablePath))
          .sort((a, b) => preference.indexOf(a.browser) - preference.indexOf(b.browser) || compareBuilds(b.buildId, a.buildId))
          .map((b) => b.executablePath);
      } catch {
        return [];
      }
    },
  };
}

/** Build ids compared as version numbers (131.0.6778.85 > 131.0.6778.9). */
function compareBuilds(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The browser on this machine (see chooseBrowser). */
export async function findBrowser(explicit?: string): Promise<BrowserChoice> {
  return chooseBrowser(await systemEnvironment(), explicit);
}
