import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { imapUiEn, type ImapUiKey } from '../src/knowledge/imap/ui-en.js';
import { imapUiZh } from '../src/knowledge/imap/ui-zh.js';
import { UI } from '../src/knowledge/index.js';
import type { ImapModel, ImapSession } from '../src/protocols/imap/schema.js';
import { imapView } from '../src/protocols/imap/view.js';
import { ViewContext } from '../src/render/context.js';
import { loadViews } from '../src/render/view.js';
import { ReportConfig } from '../src/report/config.js';
import type { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES } from './helpers/files.js';
import { imapModel } from './imap-helpers.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * The IMAP view: its words in English and Chinese (the same keys and placeholders, Chinese
 * where the English is a phrase, names and code unchanged, no key another slice uses), and
 * its blocks on models the recorded captures give and on ones changed to show the edge
 * cases: a session encrypted by STARTTLS, long runs of untagged lines, a capture without
 * IMAP.
 */

const keys = Object.keys(imapUiEn) as ImapUiKey[];
const zh: Record<string, string> = imapUiZh;
const all = (text: string, pattern: RegExp) => [...new Set(text.match(pattern) ?? [])].sort();

describe('the IMAP words', () => {
  it('have the same keys in Chinese, each a non-empty string', () => {
    expect(Object.keys(imapUiZh).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(zh[key]!.trim(), key).not.toBe('');
  });

  it('fill the same placeholders, are Chinese where the English is a phrase, and keep IMAP words and code unchanged', () => {
    for (const key of keys) {
      expect(all(zh[key]!, /\{\d+\}/g), key).toEqual(all(imapUiEn[key], /\{\d+\}/g));
      if (imapUiEn[key].split(/\s+/).length > 3) expect(zh[key], key).toMatch(/[\u3400-\u9fff]/);
      // Commands, statuses and codes in capitals (LOGIN, OK, UIDVALIDITY, \Seen) are the protocol's own words, in both languages.
      for (const word of all(imapUiEn[key], /(?<![\w\\])[A-Z][A-Z0-9-]{2,}\b|\\[A-Z][a-z]+/g)) expect(zh[key], `${key}: ${word}`).toContain(word);
    }
  });

  it('name each column of the comparison and the class summary', () => {
    for (const word of Object.values(imapView.compare!)) expect(keys).toContain(word);
    expect(keys).toContain('classHasImapFetch');
  });

  it('use no key the report or another slice uses', async () => {
    const others = (await loadViews()).filter((v) => v.slice.name !== 'imap').flatMap((v) => Object.keys(v.view.ui.en));
    const taken = new Set([...Object.keys(UI.en), ...others]);
    expect(keys.filter((k) => taken.has(k))).toEqual([]);
  });
});

const config = ReportConfig.parse({});
const context = (report: ReportModel, lang: 'en' | 'zh' = 'en') => new ViewContext(report, config, lang, UI[lang]);
const imapOf = (report: ReportModel) => (report as unknown as { imap: ImapModel }).imap;
const blockText = (b: { data: unknown }) => JSON.stringify(b.data);

describe('the IMAP view', () => {
  it('says what is missing when the capture has no IMAP, in every block', async () => {
    const { report } = await imapModel(join(OWN_FIXTURES, 'lab.pcapng'));
    const ctx = context(report);
    expect(imapView.present(imapOf(report))).toBe(false);
    for (const [name, build] of Object.entries(imapView.blocks)) expect(build(imapOf(report), ctx), name).toMatchObject({ partial: 'missing' });
    expect(imapView.environment!(imapOf(report), ctx)).toEqual([]);
    expect(imapView.cleartext!(imapOf(report), ctx)).toEqual([]);
    expect(imapView.appendix!(imapOf(report), ctx)).toEqual([]);
  });

  it('shows a STARTTLS session up to TLS, and says the login cannot be read', async () => {
    const { report } = await imapModel(join(OWN_FIXTURES, 'imap', 'imap-tls.pcapng'), { reveal: false });
    const imap = imapOf(report);
    const ctx = context(report);
    expect(imap.selection.session).toEqual({ stream: 0, chosenBy: 'auto' });
    const session = imapView.blocks.session!(imap, ctx).data as { intro: string; transcript: string; noAuth: string; auth: unknown };
    expect(session.intro).toContain('After the STARTTLS command the dialogue switched to TLS (from frame 12 on)');
    expect(session.transcript.split('\n').slice(-3)).toEqual([
      '    9  C: A002 STARTTLS',
      '   11  S: A002 OK Begin TLS negotiation now.',
      '   12  === TLS from here: the rest is encrypted ===',
    ]);
    expect(session.auth).toBeNull();
    expect(session.noAuth).toBe(imapUiEn.imapLoginEncrypted);
    expect(blockText(imapView.blocks.summary!(imap, ctx))).toContain('is encrypted from frame 12 on (STARTTLS), before any login');
    expect(imapView.blocks.message!(imap, ctx)).toMatchObject({ partial: 'missing', data: { text: `${ctx.t.missingIntro}${imapUiEn.imapNoMessage}` } });
    // Both sessions in the appendix, the one shown marked.
    const appendix = imapView.appendix!(imap, ctx)[0]!.block.data as { rows: { mark: string; notes: string }[] };
    expect(appendix.rows.map((r) => [r.mark, r.notes])).toEqual([
      ['▶', 'encrypted from frame 12'],
      ['', 'encrypted from frame 42'],
    ]);
  });

  it('shows a long run of untagged lines of one kind by its first lines and a count, and wraps a long line under itself', async () => {
    const { report } = await imapModel(join(OWN_FIXTURES, 'imap', 'imap-session.pcapng'), { reveal: false });
    const imap = structuredClone(imapOf(report));
    const s = imap.sessions[0]! as ImapSession;
    // FETCH 1:* over a big mailbox: one "* n FETCH (FLAGS …)" per message.
    const at = s.transcript.findIndex((l) => l.frame === 59 && l.tag === '*');
    const many = Array.from({ length: 30 }, (_, i) => ({ ...s.transcript[at]!, text: `* ${i + 1} FETCH (FLAGS (\\Seen))` }));
    s.transcript.splice(at, 2, ...many);
    const transcript = (imapView.blocks.session!(imap, context(report)).data as { transcript: string }).transcript.split('\n');
    const from = transcript.indexOf('   59  S: * 1 FETCH (FLAGS (\\Seen))');
    expect(transcript.slice(from, from + 10)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `   59  S: * ${i + 1} FETCH (FLAGS (\\Seen))`),
      '       S: … (22 more lines like it)',
      '   59  S: ODGI13 OK Store completed (0.001 + 0.000 secs).',
    ]);
    // The capability list after the login goes on under itself, every row within 106 characters.
    const caps = transcript.findIndex((l) => l.startsWith('   17  S: * CAPABILITY'));
    expect(transcript[caps + 1]).toMatch(/^ {10}\S/);
    expect(transcript.every((l) => l.length <= 106)).toBe(true);
  });

  it('refers a message to the SMTP session that sent it, or to the place of the report that decoded it first', async () => {
    const { report } = await imapModel(join(OWN_FIXTURES, 'imap', 'imap-session.pcapng'), { reveal: false });
    const imap = imapOf(report);
    const fetched = imap.sessions[0]!.messages[0]!;
    // The same message (its Message-ID) sent in an SMTP session of the capture, as the SMTP slice models it (no fetchedBy).
    const { fetchedBy: _f, section: _s, number: _n, uid: _u, ...sent } = fetched;
    const withSmtp = {
      ...report,
      smtp: { ...(report as unknown as { smtp: object }).smtp, sessions: [{ stream: 7, messages: [sent] }] },
    } as unknown as ReportModel;
    const viaSmtp = imapView.blocks.message!(imap, context(withSmtp)).data as { same: string; view: unknown; again: string };
    expect(viaSmtp).toMatchObject({ again: '', view: null });
    expect(viaSmtp.same).toContain('the one sent in the SMTP session (SMTP, tcp.stream 7)');
    // Decoded at an earlier place (SMTP's or POP3's message block records it so): referred back to.
    const ctx = context(report);
    ctx.place = { id: 'task5', label: 'Task 5' };
    expect(ctx.seen(`mail.message.${fetched.messageId}`)).toBeNull();
    ctx.place = { id: 'task6', label: 'Task 6' };
    expect(imapView.blocks.message!(imap, ctx).data).toMatchObject({ again: 'It is the same message as the one decoded before (see Task 5).', view: null });
    // Not decoded anywhere yet: decoded here.
    expect((imapView.blocks.message!(imap, context(report)).data as { view: { headers: unknown[] } }).view.headers).toHaveLength(fetched.headers.length);
  });

  it('explains a session in Chinese with the same structure', async () => {
    const { report } = await imapModel(join(OWN_FIXTURES, 'imap', 'imap-auth.pcapng'), { reveal: false });
    const imap = imapOf(report);
    const ctx = context(report, 'zh');
    const structure = imapView.blocks.structure!(imap, ctx).data as { rows: { kind: string; parts: string }[]; details: string[] };
    expect(structure.rows.map((r) => r.kind)).toEqual(['命令', '无标签数据', '带响应码的无标签状态', '带标签的完成应答', '继续请求', '文字量']);
    expect(structure.details).toHaveLength(2);
    expect(structure.details[1]).toContain('Response Command: [READ-ONLY]');
    const session = imapView.blocks.session!(imap, ctx).data as { vocabulary: { example: string; title: string; ref: string }[] };
    expect(session.vocabulary.find((r) => r.example.startsWith('ONON1 AUTHENTICATE PLAIN'))).toMatchObject({
      title: '用 SASL 机制登录',
      ref: 'RFC 9051 第 6.2.2 节',
    });
    expect(imapView.cleartext!(imap, ctx)).toEqual([
      // Two AUTHENTICATE PLAIN logins: one phrase, naming the first.
      '2 次 IMAP 登录（AUTHENTICATE PLAIN，第一次在第 9、14 帧）',
      '一次 IMAP 登录（AUTHENTICATE LOGIN，第 60、65、70 帧）',
      '一次 IMAP 登录（AUTHENTICATE CRAM-MD5，第 87、92 帧）',
      '一次 IMAP 登录（LOGIN，第 106 帧）',
    ]);
  });
});
