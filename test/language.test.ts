import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as HTTP from '../src/knowledge/http/facts.js';
import * as IMAP from '../src/knowledge/imap/facts.js';
import * as MAIL from '../src/knowledge/mail/facts.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

/*
 * One language per report: the Chinese report of every shipped capture has no English outside what the capture itself carries (every string of the
 * model), code (spans and blocks), quoted examples (“…”) and names: the protocols' own tokens
 * (the header fields, commands, keywords and mechanisms of the knowledge tables), the titles
 * of the documents they cite, the proper names and abbreviations listed below, and single
 * letters (the textbook's C and S, A–Z). The English report has no Chinese outside the
 * capture's own text.
 */

const root = join(import.meta.dirname, '..');

/** Names, abbreviations and units a Chinese technical text writes in Latin letters. */
const NAMES = `RFC IANA WICG W3C WHATWG IETF Wireshark tshark Chrome Chromium Headless Google Edge Firefox Safari Microsoft
  Windows macOS Linux Android iOS Ubuntu Debian Apache nginx Dovecot Postfix Python curl Gmail Outlook Thunderbird Foxmail
  HTTP HTTPS SMTP ESMTP POP POP3 IMAP TLS SSL TCP UDP IP IPv4 IPv6 QUIC DNS ARP MAC Ethernet SYN FIN ACK RST PSH URG ECE CWR
  URI URL UTC GMT ASCII UTF CR LF CRLF MIME SASL SHA MD5 CRAM NTLM GSSAPI Kerberos OAuth XOAUTH base64 Base64 hex pcap pcapng
  JSON HTML CSS PNG JPEG GIF SVG PDF ETag MSS SACK WS TTL ID KB MB GB KiB MiB GiB SHA-256 us-ascii
`.split(/\s+/);

/** The names of the documents the knowledge tables cite (W3C Fetch Metadata Request Headers, …): titles, kept as written. */
const SOURCES = [HTTP, MAIL, IMAP]
  .flatMap((table) => Object.values(table).flatMap((entries) => (entries && typeof entries === 'object' ? Object.values(entries) : [])))
  .map((fact) => (fact as { ref?: { source?: string } })?.ref?.source)
  .filter((source): source is string => typeof source === 'string')
  .sort((a, b) => b.length - a.length);

/** The protocols' own tokens: every key of the knowledge tables, cut into words. */
const TOKENS = [HTTP, MAIL, IMAP].flatMap((table) =>
  Object.values(table).flatMap((entries) => (entries && typeof entries === 'object' ? Object.keys(entries) : [])),
);

/** A word: Latin letters, digits, and inner dots and hyphens (SHA-256); not the letters of a hex number such as 0d. */
const WORD = /(?<![A-Za-z0-9])[A-Za-z](?:[A-Za-z0-9'’.-]*[A-Za-z0-9])?/g;
const allowed = new Set([...NAMES, ...TOKENS.flatMap((t) => t.match(WORD) ?? [])].map((w) => w.toLowerCase()));

/** Every word of every string the model carries from the capture (its warnings are the report's words, not the capture's). */
function capturedWords(model: unknown): { latin: Set<string>; han: string } {
  const latin = new Set<string>();
  let han = '';
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      for (const w of v.match(WORD) ?? []) latin.add(w.toLowerCase());
      han += ` ${v}`;
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'warnings' && k !== 'lab') walk(x, k);
  };
  walk(model);
  return { latin, han };
}

/** The report's own prose: code blocks, code spans, the front matter and quoted examples taken out. */
function prose(md: string): string {
  return (
    SOURCES.reduce((text, source) => text.split(source).join(' '), md)
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
      .replace(/(`+)[\s\S]*?\1/g, ' ')
      .replace(/“[^”\n]*”|‘[^’\n]*’|"[^"\n]*"/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      // The appendix's sections are lettered A, B, …
      .replace(/^(#+) [A-Z]\. /gm, '$1 ')
  );
}

function build(capture: string, lang: string, args: string[]): { md: string; model: unknown } {
  const out = tempDir();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', capture, '--lang', lang, '--format', 'md,json', '--out', out, ...args], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const name = capture
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return { md: readFileSync(join(out, `${name}.md`), 'utf8'), model: JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) };
}

/** A damaged copy of a shipped capture: cut after `bytes`, or with frames taken out (editcap). */
function damaged(name: string, how: { bytes: number } | { drop: number[] }): string {
  const source = join(OWN_FIXTURES, name);
  const out = join(tempDir(), name);
  if ('bytes' in how) writeFileSync(out, readFileSync(source).subarray(0, how.bytes));
  else execFileSync('editcap', [source, out, ...how.drop.map(String)]);
  return out;
}

const CAPTURES: [string, string, string[]][] = [
  ['lab.pcapng cut inside frame 92', damaged('lab.pcapng', { bytes: 30_000 }), []],
  ['lab.pcapng cut inside the SMTP message', damaged('lab.pcapng', { bytes: 42_000 }), []],
  ['lab.pcapng without the segment of its mail header', damaged('lab.pcapng', { drop: [153] }), []],
  ['lab.pcapng without a segment of its mail body and of the POP3 RETR', damaged('lab.pcapng', { drop: [154, 188] }), []],
  ['lab-session.pcapng without a segment of an HTTP response', damaged('lab-session.pcapng', { drop: [65] }), []],
  ['lab.pcapng', join(OWN_FIXTURES, 'lab.pcapng'), []],
  ['lab-session.pcapng', join(OWN_FIXTURES, 'lab-session.pcapng'), []],
  ['kurose-ross.pcapng (its lab)', join(OWN_FIXTURES, 'kurose-ross.pcapng'), ['--lab', 'kurose-ross-http']],
  ['imap/imap-session.pcapng', join(OWN_FIXTURES, 'imap', 'imap-session.pcapng'), []],
];

describe('one language per report', () => {
  for (const [name, capture, args] of CAPTURES) {
    it(`${name}: the Chinese report has no English of its own`, () => {
      const { md, model } = build(capture, 'zh', args);
      const { latin } = capturedWords(model);
      const english = new Set<string>();
      for (const run of prose(md).matchAll(new RegExp(`${WORD.source}(?:[ ,;:()/]+${WORD.source})*`, 'g'))) {
        const words = run[0].match(WORD)!;
        // A dotted word is a name (a host, a file, a Wireshark field such as tcp.stream), not prose.
        // A single letter is a letter (the textbook's C and S, A–Z), not a word.
        const prose = (w: string) => w.length > 1 && !w.includes('.') && !allowed.has(w.toLowerCase()) && !latin.has(w.toLowerCase());
        if (words.some(prose)) english.add(run[0]);
      }
      expect([...english]).toEqual([]);
    });

    it(`${name}: the English report has no Chinese of its own`, () => {
      const { md, model } = build(capture, 'en', args);
      const { han } = capturedWords(model);
      const chinese = [...new Set(prose(md).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [])].filter((run) => !han.includes(run));
      expect(chinese).toEqual([]);
    });
  }
});
