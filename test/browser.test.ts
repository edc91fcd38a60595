import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { browserCacheDir, chooseBrowser, NoBrowserError, systemEnvironment, type BrowserEnvironment } from '../src/render/browser.js';
import { tempDir } from './helpers/files.js';

/*
 * The browser finder on simulated machines: each fake environment says which files exist,
 * what PATH finds and what @puppeteer/browsers reports, and the finder must pick the
 * browser a student on that machine has.
 */

interface Machine {
  platform: NodeJS.Platform;
  files?: string[];
  env?: Record<string, string>;
  home: string;
  onPath?: Record<string, string>;
  systemChrome?: string;
  cache?: Record<string, string[]>;
}

function machine(m: Machine): BrowserEnvironment {
  const files = new Set(m.files ?? []);
  return {
    platform: m.platform,
    env: m.env ?? {},
    home: m.home,
    exists: (file) => files.has(file),
    onPath: (program) => m.onPath?.[program] ?? null,
    systemChrome: () => m.systemChrome ?? null,
    installedIn: (dir) => m.cache?.[dir] ?? [],
  };
}

const WINDOWS_ENV = {
  LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

describe('the browser finder on simulated machines', () => {
  it('Windows with only Edge (as Windows 10 and 11 ship it)', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(chooseBrowser(machine({ platform: 'win32', env: WINDOWS_ENV, home: 'C:\\Users\\li', files: [edge] }))).toEqual({ path: edge, source: 'system' });
  });

  it('Windows with a per-user Chrome under %LOCALAPPDATA% (and Edge too): Chrome', () => {
    const chrome = 'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    // Windows variable names are case-insensitive: Node shows them as the system spelled them.
    const env = { LocalAppData: WINDOWS_ENV.LOCALAPPDATA, ProgramFiles: WINDOWS_ENV.PROGRAMFILES, 'ProgramFiles(x86)': WINDOWS_ENV['PROGRAMFILES(X86)'] };
    expect(chooseBrowser(machine({ platform: 'win32', env, home: 'C:\\Users\\li', files: [edge, chrome] }))).toEqual({ path: chrome, source: 'system' });
  });

  it('macOS with Chrome in ~/Applications', () => {
    const chrome = '/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseBrowser(machine({ platform: 'darwin', home: '/Users/li', files: [chrome] }))).toEqual({ path: chrome, source: 'system' });
    const brave = '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser';
    expect(chooseBrowser(machine({ platform: 'darwin', home: '/Users/li', files: [brave] })).path).toBe(brave);
  });

  it('Linux with chromium only on PATH (none of the usual folders)', () => {
    const chromium = '/home/li/.local/bin/chromium';
    expect(chooseBrowser(machine({ platform: 'linux', home: '/home/li', onPath: { chromium } }))).toEqual({ path: chromium, source: 'PATH' });
    const edge = '/usr/local/bin/microsoft-edge';
    expect(chooseBrowser(machine({ platform: 'linux', home: '/home/li', onPath: { 'microsoft-edge': edge } })).path).toBe(edge);
  });

  it('asks @puppeteer/browsers first where it knows the platform’s Chrome', () => {
    const chrome = '/opt/google/chrome/chrome';
    const found = chooseBrowser(machine({ platform: 'linux', home: '/home/li', systemChrome: chrome, onPath: { chromium: '/usr/bin/chromium' } }));
    expect(found).toEqual({ path: chrome, source: 'system' });
  });

  it('--chrome, then LABREPORT_CHROME, then PUPPETEER_EXECUTABLE_PATH, then the system', () => {
    const files = ['/a/chrome', '/b/chrome', '/c/chrome', '/usr/bin/chromium'];
    const env = { LABREPORT_CHROME: '/b/chrome', PUPPETEER_EXECUTABLE_PATH: '/c/chrome' };
    const m = (e: Record<string, string>) => machine({ platform: 'linux', home: '/home/li', files, env: e });
    expect(chooseBrowser(m(env), '/a/chrome')).toEqual({ path: '/a/chrome', source: '--chrome' });
    expect(chooseBrowser(m(env))).toEqual({ path: '/b/chrome', source: 'LABREPORT_CHROME' });
    expect(chooseBrowser(m({ PUPPETEER_EXECUTABLE_PATH: '/c/chrome' }))).toEqual({ path: '/c/chrome', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(chooseBrowser(m({}))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it('a browser the user names that is not there is an error naming it, not a reason to use another', () => {
    const m = machine({ platform: 'linux', home: '/home/li', files: ['/usr/bin/chromium'], env: { LABREPORT_CHROME: '/gone/chrome' } });
    expect(() => chooseBrowser(m, '/no/chrome')).toThrow(
      new UsageError('--chrome /no/chrome: no such program (give the path of a Chrome, Chromium or Edge executable)'),
    );
    expect(() => chooseBrowser(m)).toThrow(/^LABREPORT_CHROME=\/gone\/chrome: no such program/);
  });

  it('last, a browser installed into the puppeteer cache (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer)', () => {
    const shell = '/home/li/.cache/puppeteer/chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell';
    expect(chooseBrowser(machine({ platform: 'linux', home: '/home/li', cache: { '/home/li/.cache/puppeteer': [shell] } }))).toEqual({
      path: shell,
      source: 'cache',
    });
    const own = machine({
      platform: 'linux',
      home: '/home/li',
      env: { PUPPETEER_CACHE_DIR: '/srv/browsers' },
      cache: { '/srv/browsers': ['/srv/browsers/x/chrome'] },
    });
    expect(chooseBrowser(own).path).toBe('/srv/browsers/x/chrome');
    expect(browserCacheDir(machine({ platform: 'win32', home: 'C:\\Users\\li' }))).toBe('C:\\Users\\li\\.cache\\puppeteer');
  });

  it('none at all: one message saying how to get one on that platform, and the cache command', () => {
    const linux = () => chooseBrowser(machine({ platform: 'linux', home: '/home/li' }));
    expect(linux).toThrow(NoBrowserError);
    expect(linux).toThrow(
      /^no Chrome, Chromium or Edge found to print the PDF\. Install Chromium \(Debian\/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`\), or get one for labreport with `npx @puppeteer\/browsers install chrome-headless-shell@stable --path \/home\/li\/\.cache\/puppeteer`, or name yours with --chrome PATH or LABREPORT_CHROME=PATH\.$/,
    );
    expect(() => chooseBrowser(machine({ platform: 'win32', env: WINDOWS_ENV, home: 'C:\\Users\\li' }))).toThrow(
      /Install Google Chrome or Microsoft Edge, or get one .* --path C:\\Users\\li\\\.cache\\puppeteer`/,
    );
  });
});

describe('the browser finder on this machine', () => {
  it('finds Debian’s chromium', async () => {
    const here = await systemEnvironment();
    const saved = { ...here.env };
    const found = chooseBrowser({ ...here, env: { PATH: saved.PATH } });
    expect(found.path).toMatch(/chromium|chrome/);
    expect(here.exists(found.path)).toBe(true);
  });

  it('reads a @puppeteer/browsers cache folder as `npx @puppeteer/browsers install` lays it out', async () => {
    const cache = tempDir();
    const bin = join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85', 'chrome-headless-shell-linux64');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'chrome-headless-shell'), '#!/bin/sh\n');
    chmodSync(join(bin, 'chrome-headless-shell'), 0o755);
    const here = await systemEnvironment();
    expect(here.installedIn(cache)).toEqual([join(bin, 'chrome-headless-shell')]);
    // With nothing else on the machine, that is the one chosen.
    const bare = { ...here, env: { PUPPETEER_CACHE_DIR: cache }, exists: () => false, onPath: () => null, systemChrome: () => null };
    expect(chooseBrowser(bare)).toEqual({ path: join(bin, 'chrome-headless-shell'), source: 'cache' });
  });
});
