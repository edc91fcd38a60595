import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { HOSTILE_CASES } from '../src/fuzz/hostile.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { render } from '../src/index.js';
import { analyse } from '../src/report/analyse.js';
import { ReportModel } from '../src/report/schema.js';
import { tempFile } from './helpers/files.js';

/*
 * Every list that grows with the input stops at its named limit and counts what it cut
 * (issue 9): small versions of the bombs scripts/resources.mjs measures at full scale,
 * with the limits lowered so that each one cuts.
 */

const hostile = (name: string, scale: number) => tempFile(`${name}-${scale}.pcap`, HOSTILE_CASES.find((c) => c.name === name)!.build(scale));

async function model(file: string, lower: Partial<Limits>) {
  const limits = { ...DEFAULT_LIMITS, ...lower };
  return ReportModel.parse(await analyse(dissectCapture(file, { limits }), { limits, fileSize: 0, generator: 'test', revealSecrets: false }));
}

describe('SMTP', () => {
  it('5,000 commands pipelined before their replies: each listed reply paired with its own command, the rest counted', async () => {
    const m = await model(hostile('smtp-pipelined', 5000), { maxReplies: 100, maxTranscriptLines: 300 });
    const s = m.smtp.sessions[0]!;
    expect(s.replies.slice(0, 2).map((r) => [r.command, r.code])).toEqual([
      [null, 220],
      ['EHLO', 250],
    ]);
    expect(s.replies.slice(2).every((r, i) => r.command === 'NOOP' && r.text === `2.0.0 OK ${i}`)).toBe(true);
    expect(s.replies).toHaveLength(100);
    expect(s.repliesUnlisted).toBe(5000 + 3 - 100); // greeting, EHLO, 5,000 NOOPs and QUIT
    expect(s.failuresUnlisted).toBe(0);
    expect(s.transcript).toHaveLength(300);
    expect(s.transcriptUnlisted).toBe(2 * 5000 + 6 - 300);
  });

  it('refused recipients: failures past maxReplies are counted as such', async () => {
    const s = (await model(hostile('smtp-refused', 300), { maxReplies: 50 })).smtp.sessions[0]!;
    expect(s.replies).toHaveLength(50);
    expect(s.replies.filter((r) => r.code === 550)).toHaveLength(47); // after the greeting, EHLO and MAIL FROM
    expect(s.repliesUnlisted).toBe(300 + 4 - 50);
    expect(s.failuresUnlisted).toBe(300 - 47);
  });

  it('EHLO keywords past maxEhloKeywords are counted; the reply lines past maxReplyLines too, on its last line', async () => {
    const s = (await model(hostile('ehlo-keywords', 1000), { maxEhloKeywords: 50, maxReplyLines: 20 })).smtp.sessions[0]!;
    expect(s.ehlo!.keywords.map((k) => k.keyword).slice(0, 2)).toEqual(['X-KEYWORD-0', 'X-KEYWORD-1']);
    // 21 lines kept of the reply's 1,002 (the first and 20 more), so 20 keywords are known.
    expect(s.ehlo!.keywords).toHaveLength(20);
    expect(s.ehlo!.keywordsUnlisted).toBe(1001 - 20);
    const end = s.transcript.find((l) => l.text === '250 PIPELINING')!;
    expect(end.linesUnlisted).toBe(1002 - 22);
    expect(s.transcript.filter((l) => l.side === 'C').map((l) => l.command)).toEqual(['EHLO', 'QUIT']);
  });

  it('SASL steps past maxAuthSteps are counted, and neither kept nor shown (a response may be a secret)', async () => {
    const s = (await model(hostile('sasl-steps', 500), { maxAuthSteps: 20 })).smtp.sessions[0]!;
    expect(s.auth).toHaveLength(1);
    expect(s.auth[0]!.steps).toHaveLength(20);
    expect(s.auth[0]!.stepsUnlisted).toBe(1000 - 20);
    expect(s.auth[0]!.success).toBe(false);
    expect(s.transcript.filter((l) => l.side === 'C' && l.kind === 'sasl')).toHaveLength(10);
    expect(s.transcript.at(-3)!.code).toBe(535);
  });

  it('messages past maxMessages are read to their end and counted, not decoded', async () => {
    const s = (await model(hostile('smtp-messages', 30), { maxMessages: 10 })).smtp.sessions[0]!;
    expect(s.messages.map((x) => x.subject)).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i}`));
    expect(s.messagesUnlisted).toBe(20);
    expect(s.replies.filter((r) => r.command === 'DATA' && r.code === 250)).toHaveLength(30);
  });

  it('header fields past maxMailHeaders and MIME parts past maxMimeParts are counted', async () => {
    const headers = (await model(hostile('mail-headers', 2000), { maxMailHeaders: 50 })).smtp.sessions[0]!.messages[0]!;
    expect(headers.headers).toHaveLength(50);
    expect(headers.headersUnlisted).toBe(2001 - 50);
    expect(headers.subject).toBe('many headers');
    const parts = (await model(hostile('mime-parts', 300), { maxMimeParts: 50 })).smtp.sessions[0]!.messages[0]!;
    expect(parts.parts).toHaveLength(50);
    expect(parts.parts[1]).toMatchObject({ path: '1', text: expect.stringMatching(/^part 0\s*$/) });
    expect(parts.partsUnlisted).toBe(301 - 50);
  });
});

describe('POP3', () => {
  it('messages past maxMessages are counted; responses past maxReplies too', async () => {
    const s = (await model(hostile('pop3-messages', 40), { maxMessages: 5, maxReplies: 20 })).pop3.sessions[0]!;
    expect(s.messages.map((x) => x.fetchedBy)).toEqual(['RETR 1', 'RETR 2', 'RETR 3', 'RETR 4', 'RETR 5']);
    expect(s.messagesUnlisted).toBe(35);
    expect(s.responses).toHaveLength(20);
    expect(s.responsesUnlisted).toBe(40 + 4 - 20);
  });
});

describe('HTTP', () => {
  it('5,000 requests pipelined before their responses: the listed ones paired with their own responses, the rest counted', async () => {
    const m = await model(hostile('http-pipelined', 5000), { maxExchanges: 100 });
    expect(m.http).toMatchObject({ requests: 5000, responses: 5000, exchangesUnlisted: 4900 });
    expect(m.http.exchanges.map((e) => `${e.request!.uri} ${e.response?.status}`)).toEqual(Array.from({ length: 100 }, (_, i) => `/${i} 204`));
  });

  it('interim responses past maxReplies are counted', async () => {
    const e = (await model(hostile('http-interim', 300), { maxReplies: 20 })).http.exchanges[0]!;
    expect(e.informational).toHaveLength(20);
    expect(e.informationalUnlisted).toBe(280);
    expect(e.response!.status).toBe(200);
  });

  it('form fields past maxFormFields are counted', async () => {
    const body = (await model(hostile('form-fields', 10_000), { maxFormFields: 100 })).http.exchanges[0]!.request!.body!;
    expect(body.form).toHaveLength(100);
    expect(body.formUnlisted).toBe(10_000 - 100);
  });
});

describe('IP fragments', () => {
  it('a train past maxFragmentBytes is dropped and counted, and said so', async () => {
    const m = await model(hostile('ipv4-fragments', 2000), { maxFragmentBytes: 4096 });
    expect(m.http.exchanges.map((e) => [e.request, e.response?.status])).toEqual([[null, 200]]); // the POST never arrived whole
    expect(m.warnings.map((w) => w.message)).toContain('1 fragmented IP datagrams never arrived whole (fragments missing from the capture)');
  });
});

describe('what the report shows (maxReportRows, maxDialogueLines), apart from what the model keeps', () => {
  const markdown = async (m: ReportModel, limits: Partial<Limits>, language: 'en' | 'zh' = 'en') =>
    (await render(m, { formats: ['md'], config: { language }, limits })).markdown;

  it('300 refused recipients: the refusals and the dialogue shown up to their limits, the rest counted', async () => {
    const m = await model(hostile('smtp-refused', 300), {});
    const s = m.smtp.sessions[0]!;
    expect(s.replies.filter((r) => r.code === 550)).toHaveLength(300); // the model keeps them all
    const md = await markdown(m, { maxReportRows: 20, maxDialogueLines: 50 });
    expect(md.split('\n').filter((l) => /^- frame \d+: `5\.1\.1 <nobody\d+@mail\.test> no such user`/.test(l))).toHaveLength(20);
    expect(md).toContain('… and 280 more, not shown here.');
    const dialogue = md.split('\n').filter((l) => /^ {0,4}\d+ {2}[CS]: /.test(l));
    expect(dialogue).toHaveLength(50);
    expect(md).toContain(`… ${s.transcript.length + s.transcriptUnlisted - 50} more lines`);
    // With the defaults, 100 refusals are listed of the 300.
    const whole = await markdown(m, {});
    expect(whole.split('\n').filter((l) => /^- .*no such user/.test(l))).toHaveLength(100);
    expect(whole).toContain('… and 200 more, not shown here.');
    expect(await markdown(m, { maxReportRows: 20 }, 'zh')).toContain('……另有 280 项未在此列出。');
  });

  it('a mail of 2,000 header fields: 100 rows shown, the rest (those the model counted too) said', async () => {
    const m = await model(hostile('mail-headers', 2000), {});
    const msg = m.smtp.sessions[0]!.messages[0]!;
    expect(msg.headers).toHaveLength(500);
    const md = await markdown(m, {});
    expect(md.split('\n').filter((l) => /^\| \d+ \| X-\d{5} \|/.test(l))).toHaveLength(100);
    expect(md).toContain('… and 1,901 more, not shown here.'); // 2,001 fields, 100 shown
  });

  it('10,000 form fields: 100 shown, 9,900 counted', async () => {
    const m = await model(hostile('form-fields', 10_000), {});
    const md = await markdown(m, {});
    expect(md).toContain('… and 9,900 more, not shown here.');
  });
});
