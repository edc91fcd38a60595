import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IMAP_FACTS, explainImap, imapId } from '../src/knowledge/imap/index.js';
import { imapEn } from '../src/knowledge/imap/en.js';
import type { ImapTexts } from '../src/knowledge/imap/types.js';
import { imapZh } from '../src/knowledge/imap/zh.js';
import type { Explanation } from '../src/knowledge/types.js';
import { OWN_FIXTURES, captures } from './helpers/files.js';
import { imapModel } from './imap-helpers.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * The IMAP knowledge tables: both languages complete (the same ids as the facts, a title
 * and a text each, Chinese in Chinese), ids found the way the report will look them up,
 * and every command, status, code, capability, flag, attribute and FETCH item of the
 * recorded captures explained, so the report never calls one of them unknown.
 */

const TABLES = Object.keys(IMAP_FACTS) as (keyof ImapTexts)[];
const LANGUAGES: [string, ImapTexts][] = [
  ['en', imapEn],
  ['zh', imapZh],
];
const CJK = /[\u4e00-\u9fff]/;

describe('IMAP knowledge: texts', () => {
  for (const table of TABLES) {
    for (const [lang, texts] of LANGUAGES) {
      it(`${table}: every entry has a ${lang} title and text, and no text lacks a fact`, () => {
        const entries = texts[table] as Record<string, Explanation>;
        expect(Object.keys(entries).sort()).toEqual(Object.keys(IMAP_FACTS[table]).sort());
        for (const [id, e] of Object.entries(entries)) {
          expect(e.title.trim(), `${table}.${id} title (${lang})`).not.toBe('');
          expect(e.text.trim(), `${table}.${id} text (${lang})`).not.toBe('');
          if (lang === 'zh') expect(e.text, `${table}.${id} text (zh)`).toMatch(CJK);
        }
      });
    }
  }

  it('Chinese titles that are not just a protocol token are in Chinese', () => {
    const token = /^[A-Za-z0-9+\-/=. ]+$/;
    for (const table of TABLES)
      for (const [id, e] of Object.entries(imapZh[table] as Record<string, Explanation>))
        if (!token.test(e.title)) expect(e.title, `${table}.${id}`).toMatch(CJK);
  });

  it('cites RFC 9051 sections for IMAP4rev2 and RFC 3501 for what IMAP4rev2 dropped', () => {
    expect(explainImap('commands', 'fetch', 'en')).toMatchObject({ title: 'Fetch message data', ref: 'RFC 9051 §6.4.5' });
    expect(explainImap('commands', 'FETCH', 'zh')).toMatchObject({ title: '读取邮件数据', ref: 'RFC 9051 第 6.4.5 节' });
    expect(explainImap('responses', 'RECENT', 'en')!.ref).toBe('RFC 3501 §7.3.2');
    expect(explainImap('statuses', 'BYE', 'en')!.ref).toBe('RFC 9051 §7.1.5');
  });
});

describe('IMAP knowledge: lookup', () => {
  it.each([
    ['capabilities', 'AUTH=PLAIN', 'AUTH='],
    ['capabilities', 'IMAP4rev1', 'IMAP4REV1'],
    ['capabilities', 'SORT=DISPLAY', 'SORT=DISPLAY'],
    ['capabilities', 'THREAD=REFERENCES', 'THREAD='],
    ['responseCodes', 'UIDVALIDITY 1796113211', 'UIDVALIDITY'],
    ['fetchItems', 'BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]', 'BODY[HEADER.FIELDS]'],
    ['fetchItems', 'BODY[HEADER.FIELDS.NOT (X-SPAM)]', 'BODY[HEADER.FIELDS.NOT]'],
    ['fetchItems', 'BODY[]<0>', 'BODY[]'],
    ['fetchItems', 'BODY[1.2]', 'BODY[n]'],
    ['fetchItems', 'BODY[2.HEADER]', 'BODY[n]'],
    ['fetchItems', 'BINARY.PEEK[1]', 'BINARY[]'],
    ['flags', '\\Seen', '\\SEEN'],
    ['mailboxAttributes', '\\HasNoChildren', '\\HASNOCHILDREN'],
  ] as [keyof ImapTexts, string, string][])('%s: %s is kept under %s', (table, name, id) => {
    expect(imapId(table, name)).toBe(id);
    expect(explainImap(table, name, 'en')).not.toBeNull();
  });

  it('calls what it does not know unknown, never inventing a meaning', () => {
    expect(explainImap('commands', 'XYZZY', 'en')).toBeNull();
    expect(explainImap('capabilities', 'X-UNHEARD-OF', 'zh')).toBeNull();
    expect(explainImap('responseCodes', 'NOT-A-CODE 1', 'en')).toBeNull();
    expect(explainImap('commands', '__proto__', 'en')).toBeNull();
  });

  it('explains everything the recorded captures hold, in both languages', async () => {
    const wanted: [keyof ImapTexts, string][] = [];
    for (const file of captures(join(OWN_FIXTURES, 'imap'))) {
      const { model } = await imapModel(file);
      for (const s of model.sessions) {
        for (const l of s.transcript) {
          if (l.side === 'C' && l.command) wanted.push(['commands', l.command]);
          if (l.side === 'S' && l.status) wanted.push(['statuses', l.status]);
          if (l.side === 'S' && (l.tag === '*' || l.tag === '+')) wanted.push(['statuses', l.tag]);
          if (l.side === 'S' && l.tag === '*' && l.command) wanted.push(['responses', l.command]);
          if (l.code) wanted.push(['responseCodes', l.code]);
        }
        for (const c of s.commands) if (c.uid) wanted.push(['commands', 'UID']);
        for (const c of s.capabilities) for (const n of c.names) wanted.push(['capabilities', n]);
        for (const f of s.fetches) {
          for (const i of f.items) wanted.push(['fetchItems', i]);
          for (const flag of f.flags ?? []) wanted.push(['flags', flag]);
        }
        for (const sel of s.selected) for (const flag of [...(sel.flags ?? []), ...(sel.permanentFlags ?? [])]) wanted.push(['flags', flag]);
        for (const m of s.mailboxes) for (const a of m.flags) wanted.push(['mailboxAttributes', a]);
      }
    }
    expect(wanted.length).toBeGreaterThan(100);
    const unexplained = wanted.filter(([table, name]) => !explainImap(table, name, 'en') || !explainImap(table, name, 'zh')).map((w) => w.join(': '));
    expect([...new Set(unexplained)]).toEqual([]);
  });
});
