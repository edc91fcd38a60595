import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { NameBook, safeFileName } from '../src/export/names.js';
import { MASK } from '../src/protocols/secrets.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir, tempFile, tshark } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const quiet = { stdout: () => {}, stderr: () => {} };

/** `labreport build CAPTURE -f json --export DIR`: the model and the folder. */
async function exportOf(capture: string, ...flags: string[]): Promise<{ model: ReportModel; dir: string }> {
  const out = tempDir();
  const dir = join(out, 'objects');
  const code = await run(['build', capture, '-f', 'json', '-o', out, '--export', dir, '-q', ...flags], quiet);
  expect(code).toBe(0);
  const model = ReportModel.parse(
    JSON.parse(
      readFileSync(
        join(
          out,
          `${capture
            .split('/')
            .pop()!
            .replace(/\.pcapng$|\.pcap$/, '')}.json`,
        ),
        'utf8',
      ),
    ),
  );
  return { model, dir };
}

/** tshark's File › Export Objects for one protocol ("http", "imf"), by file name. */
function tsharkObjects(capture: string, protocol: string): Map<string, Buffer> {
  const dir = tempDir();
  execFileSync('tshark', ['-r', capture, '-q', '--export-objects', `${protocol},${dir}`], { stdio: 'ignore' });
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/**
 * tshark's HTTP objects by frame: it writes them in frame order, each named by the last
 * segment of the URI ('/' and '?' %-escaped), a clash numbered "(1)" before the extension.
 */
function tsharkHttpByFrame(capture: string): Map<number, Buffer> {
  const files = tsharkObjects(capture, 'http');
  const taken = new Set<string>();
  const byFrame = new Map<number, Buffer>();
  for (const [frame, requestUri, responseFor] of tshark(capture, ['frame.number', 'http.request.uri', 'http.response_for.uri'], { filter: 'http.file_data' })) {
    const uri = (requestUri || responseFor!).replace(/^[a-z]+:\/\/[^/]*/i, '');
    const last = uri.slice(uri.lastIndexOf('/') + 1) || '/';
    const base = last.replace(/\//g, '%2f').replace(/\?/g, '%3f');
    const dot = base.lastIndexOf('.');
    let name = base;
    for (let n = 1; taken.has(name); n++) name = dot > 0 ? `${base.slice(0, dot)}(${n})${base.slice(dot)}` : `${base}(${n})`;
    taken.add(name);
    expect(files.has(name), `tshark wrote ${name} for frame ${frame}`).toBe(true);
    byFrame.set(Number(frame), files.get(name)!);
  }
  return byFrame;
}

/** Every object written, and each file's bytes as the model describes them. */
function expectFolderMatchesModel(model: ReportModel, dir: string): void {
  const objects = model.objects!;
  expect(objects.length).toBeGreaterThan(0);
  expect(objects.every((o) => o.exported)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(objects.map((o) => o.name).sort());
  for (const o of objects) {
    const bytes = readFileSync(join(dir, o.name));
    expect([o.name, bytes.length, sha256(bytes)]).toEqual([o.name, o.size, o.sha256]);
  }
}

/** The model's message an .eml object belongs to. */
function messageOf(model: ReportModel, o: NonNullable<ReportModel['objects']>[number]) {
  const sessions = (
    model[o.kind as 'smtp' | 'pop3' | 'imap'] as { sessions: { stream: number; messages: ReportModel['smtp']['sessions'][number]['messages'] }[] }
  ).sessions;
  return sessions.find((s) => s.stream === o.stream)!.messages[o.message!]!;
}

/** Each .eml opened with postal-mime agrees with the model's decoding of the message. */
async function expectEmlMatchesModel(model: ReportModel, dir: string): Promise<number> {
  const mails = model.objects!.filter((o) => o.kind !== 'http');
  for (const o of mails) {
    expect(o.name.endsWith('.eml')).toBe(true);
    const message = messageOf(model, o);
    const email = await new PostalMime().parse(readFileSync(join(dir, o.name)));
    expect(email.subject ?? null).toBe(message.subject);
    expect(message.from ?? '').toContain(email.from?.address ?? '');
    expect((email.to ?? []).map((t) => t.address)).toEqual(message.to.map((t) => /<([^>]+)>/.exec(t)?.[1] ?? t));
    const attachments = email.attachments.map((a) => ({
      filename: a.filename ?? null,
      sha256: sha256(typeof a.content === 'string' ? Buffer.from(a.content) : new Uint8Array(a.content)),
    }));
    expect(attachments).toEqual(message.attachments.map((a) => ({ filename: a.filename, sha256: a.sha256 })));
    const leaves = message.parts.filter((p) => !p.contentType.startsWith('multipart/'));
    expect(leaves.length).toBe(attachments.length + (email.text !== undefined ? 1 : 0) + (email.html !== undefined ? 1 : 0));
  }
  return mails.length;
}

describe('--export on the shipped captures', () => {
  it('lab.pcapng: every HTTP body and mail message written, each HTTP object byte for byte tshark’s of the same frame', async () => {
    const capture = join(OWN_FIXTURES, 'lab.pcapng');
    // --reveal-secrets: the files as sent, to compare with tshark (masking is checked below).
    const { model, dir } = await exportOf(capture, '--reveal-secrets');
    expectFolderMatchesModel(model, dir);
    const tsharkHttp = tsharkHttpByFrame(capture);
    const http = model.objects!.filter((o) => o.kind === 'http');
    expect(http.map((o) => o.frame)).toEqual([...tsharkHttp.keys()]);
    for (const o of http) expect([o.frame, o.sha256]).toEqual([o.frame, sha256(tsharkHttp.get(o.frame)!)]);
    expect(model.objects!.find((o) => o.frame === 11)!.name).toBe('index.html'); // "/" (tshark: "%2f")
    expect(model.objects!.find((o) => o.frame === 42)!.name).toBe('index(1).html');
    // The SMTP message is Wireshark's IMF export to the byte (dot-unstuffed; an empty last line without its CRLF).
    const [imf] = [...tsharkObjects(capture, 'imf').values()];
    const smtp = model.objects!.filter((o) => o.kind === 'smtp');
    expect(smtp.map((o) => o.sha256)).toEqual([sha256(imf!)]);
    expect(await expectEmlMatchesModel(model, dir)).toBe(2); // SMTP DATA and POP3 RETR
  });

  it('lab.pcapng without --reveal-secrets: the form’s password is masked in the file written too (the one object that then differs from tshark’s)', async () => {
    const capture = join(OWN_FIXTURES, 'lab.pcapng');
    const { model, dir } = await exportOf(capture);
    expectFolderMatchesModel(model, dir);
    const tsharkHttp = tsharkHttpByFrame(capture);
    const differing = model.objects!.filter((o) => o.kind === 'http' && o.sha256 !== sha256(tsharkHttp.get(o.frame)!));
    expect(differing.map((o) => o.name)).toEqual(['submit']);
    const sent = tsharkHttp.get(differing[0]!.frame)!.toString('latin1');
    const password = new URLSearchParams(sent).get('password')!;
    expect(password.length).toBeGreaterThan(3);
    const written = readFileSync(join(dir, 'submit'), 'utf8');
    expect(written).toContain(MASK);
    expect(written).not.toContain(password);
  });

  it('lab-session.pcapng: HTTP objects as tshark’s, five SMTP messages as its IMF export, every .eml as the model decoded it', async () => {
    const capture = join(OWN_FIXTURES, 'lab-session.pcapng');
    const { model, dir } = await exportOf(capture, '--reveal-secrets');
    expectFolderMatchesModel(model, dir);
    const tsharkHttp = tsharkHttpByFrame(capture);
    const http = model.objects!.filter((o) => o.kind === 'http');
    expect(http.map((o) => o.frame)).toEqual([...tsharkHttp.keys()]);
    for (const o of http) expect([o.frame, o.sha256]).toEqual([o.frame, sha256(tsharkHttp.get(o.frame)!)]);
    const imf = [...tsharkObjects(capture, 'imf').values()].map(sha256).sort();
    expect(
      model
        .objects!.filter((o) => o.kind === 'smtp')
        .map((o) => o.sha256)
        .sort(),
    ).toEqual(imf);
    // The large mail (a 290 KB attachment) is longer than a line kept or the first bytes decoded: the file is whole all the same.
    expect(Math.max(...model.objects!.filter((o) => o.kind === 'smtp').map((o) => o.size!))).toBeGreaterThan(290_000);
    expect(await expectEmlMatchesModel(model, dir)).toBe(11); // 5 SMTP, 6 POP3
  });

  it('imap-session.pcapng: the FETCHed whole messages as tshark’s IMF export, the APPENDed one too; a header-only FETCH is no message', async () => {
    const capture = join(OWN_FIXTURES, 'imap', 'imap-session.pcapng');
    const { model, dir } = await exportOf(capture);
    expectFolderMatchesModel(model, dir);
    const imap = model.objects!.filter((o) => o.kind === 'imap');
    expect(imap.map((o) => o.frame)).toEqual([32, 35, 42]);
    // tshark 4.0's IMF export also writes the BODY.PEEK[HEADER] fetch (frame 38) as an .eml: labreport exports whole messages only.
    const tsharkImf = new Set([...tsharkObjects(capture, 'imf').values()].map(sha256));
    expect(tsharkImf.size).toBe(3);
    expect(imap.filter((o) => tsharkImf.has(o.sha256!)).map((o) => o.frame)).toEqual([32, 35]);
    expect(await expectEmlMatchesModel(model, dir)).toBe(3);
  });

  it('without --export the model lists the same objects, names proposed, nothing written', async () => {
    const capture = join(OWN_FIXTURES, 'lab.pcapng');
    const out = tempDir();
    expect(await run(['build', capture, '-f', 'json', '-o', out, '-q'], quiet)).toBe(0);
    const listed = ReportModel.parse(JSON.parse(readFileSync(join(out, 'lab.json'), 'utf8'))).objects!;
    expect(readdirSync(out)).toEqual(['lab.json']);
    const { model } = await exportOf(capture);
    expect(listed.map(({ exported: _, ...o }) => o)).toEqual(model.objects!.map(({ exported: _, ...o }) => o));
    expect(listed.every((o) => !o.exported)).toBe(true);
  });

  it('a class build refuses --export with one line (exit 2)', async () => {
    const lines: string[] = [];
    const code = await run(['build', join(OWN_FIXTURES, 'lab.pcapng'), join(OWN_FIXTURES, 'lab-session.pcapng'), '--export', tempDir()], {
      stdout: () => {},
      stderr: (s) => void lines.push(s),
    });
    expect(code).toBe(2);
    expect(lines.join('')).toMatch(/^labreport: --export writes the objects of one capture.*\n$/);
  });
});

/** One HTTP connection: each request answered by the response given (headers and body). */
function httpCapture(name: string, exchanges: { uri: string; headers: string[]; body: Uint8Array }[], mss = 1460): string {
  const c = new Conversation({ ip: '10.0.0.1', port: 40000 }, { ip: '10.0.0.2', port: 80 }).handshake();
  for (const e of exchanges) {
    c.send(true, `GET ${e.uri} HTTP/1.1\r\nHost: lab.test\r\n\r\n`);
    const head = `HTTP/1.1 200 OK\r\n${e.headers.join('\r\n')}${e.headers.length ? '\r\n' : ''}\r\n`;
    c.send(false, Buffer.concat([Buffer.from(head, 'utf8'), e.body]), { mss });
  }
  c.close();
  return tempFile(name, pcapFile(c.packets()));
}

const fixed = (text: string) => ({ body: Buffer.from(text), length: `Content-Length: ${Buffer.byteLength(text)}` });

describe('hostile names', () => {
  it('stay inside the folder, made safe for every system, clashes numbered; a link planted at a name is replaced, not followed', async () => {
    const long = 'x'.repeat(300);
    const named = (disposition: string, text = disposition) => {
      const { body, length } = fixed(text);
      return { uri: '/download', headers: [length, 'Content-Type: application/octet-stream', `Content-Disposition: ${disposition}`], body };
    };
    const capture = httpCapture('hostile-names.pcap', [
      named('attachment; filename="../../etc/passwd"'),
      named('attachment; filename="CON.txt"'),
      named(`attachment; filename*=UTF-8''a%E2%80%AEtxt.exe`),
      named(`attachment; filename="${long}.txt"`),
      named('attachment; filename="report.txt"', 'one'),
      named('attachment; filename="REPORT.txt"', 'two'),
      named('attachment; filename=".hidden"'),
      { uri: '/a/..%2F..%2Fescape%0A', headers: [fixed('x').length], body: fixed('x').body },
      { uri: '/', headers: [fixed('<p>').length, 'Content-Type: text/html'], body: fixed('<p>').body },
    ]);
    const out = tempDir();
    const dir = join(out, 'objects');
    mkdirSync(dir);
    const victim = tempFile('victim.txt', 'untouched');
    symlinkSync(victim, join(dir, 'index.html'));
    expect(await run(['build', capture, '-f', 'json', '-o', out, '--export', dir, '-q'], quiet)).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'hostile-names.json'), 'utf8')) as ReportModel;
    const names = model.objects!.map((o) => o.name);
    expect(names.slice(0, 3)).toEqual(['__.._etc_passwd', '_CON.txt', 'atxt.exe']);
    expect(names[3]!.endsWith('.txt') && Buffer.byteLength(names[3]!) <= 200).toBe(true);
    expect(names.slice(4)).toEqual(['report.txt', 'REPORT(1).txt', '_hidden', '__.._escape', 'index.html']);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    for (const name of readdirSync(dir)) {
      expect(lstatSync(join(dir, name)).isFile()).toBe(true);
      expect(name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]|^\.|[. ]$/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>');
  });

  it('safeFileName and NameBook on their own', () => {
    expect(safeFileName('nul', 'f')).toBe('_nul');
    expect(safeFileName('LPT1.tar.gz', 'f')).toBe('_LPT1.tar.gz');
    expect(safeFileName('  ..  ', 'fallback')).toBe('fallback');
    expect(safeFileName('-rf', 'f')).toBe('_rf');
    expect(safeFileName('a\u0000b\u202ec\u2028d', 'f')).toBe('abcd');
    expect(safeFileName('trailing. . ', 'f')).toBe('trailing');
    const chinese = '实'.repeat(100) + '.eml'; // 300 bytes of UTF-8: cut on a character, extension kept
    const cut = safeFileName(chinese, 'f');
    expect(cut.endsWith('.eml') && Buffer.byteLength(cut) <= 200 && !cut.includes('\ufffd')).toBe(true);
    const book = new NameBook();
    expect(['a.html', 'A.html', 'a.html', 'a(1).html', 'b'].map((n) => book.claim(n))).toEqual(['a.html', 'A(1).html', 'a(2).html', 'a(1)(1).html', 'b']);
  });
});

describe('a body longer than the bytes kept is streamed to its file', () => {
  const size = 64 << 20;
  // Deterministic bytes that gzip barely shrinks in one body, and text it shrinks well in the other.
  const noise = Buffer.alloc(size);
  for (let i = 0, x = 1; i < size; i += 4) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    noise.writeUInt32LE(x, i);
  }

  it('64 MiB sent as it is: the file has every byte (maxBodyBytes keeps 1 MiB)', async () => {
    const capture = httpCapture(
      'big-identity.pcap',
      [{ uri: '/big.bin', headers: [`Content-Length: ${size}`, 'Content-Type: application/octet-stream'], body: noise }],
      60_000,
    );
    const { model, dir } = await exportOf(capture);
    const [o] = model.objects!;
    expect([o!.name, o!.size, o!.sha256, o!.complete]).toEqual(['big.bin', size, sha256(noise), true]);
    const written = readFileSync(join(dir, 'big.bin'));
    expect([written.length, sha256(written)]).toEqual([size, sha256(noise)]);
  });

  it('64 MiB of text, chunked and gzip-coded: de-chunked and decoded into the file', async () => {
    const text = Buffer.from(noise.toString('hex').slice(0, size));
    const coded = gzipSync(text);
    const chunks: Buffer[] = [];
    for (let o = 0; o < coded.length; o += 100_000) {
      const c = coded.subarray(o, o + 100_000);
      chunks.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    const capture = httpCapture(
      'big-gzip.pcap',
      [{ uri: '/log.txt', headers: ['Transfer-Encoding: chunked', 'Content-Encoding: gzip', 'Content-Type: text/plain'], body: Buffer.concat(chunks) }],
      60_000,
    );
    const { model, dir } = await exportOf(capture);
    const [o] = model.objects!;
    expect([o!.name, o!.size, o!.sha256, o!.complete]).toEqual(['log.txt', size, sha256(text), true]);
    expect(sha256(readFileSync(join(dir, 'log.txt')))).toBe(sha256(text));
    // Without --export the decoded size and hash are not known (more than was kept): said, not guessed.
    const out = tempDir();
    expect(await run(['build', capture, '-f', 'json', '-o', out, '-q'], quiet)).toBe(0);
    const listed = (JSON.parse(readFileSync(join(out, 'big-gzip.json'), 'utf8')) as ReportModel).objects![0]!;
    expect([listed.name, listed.size, listed.sha256, listed.exported]).toEqual(['log.txt', null, null, false]);
  });

  it('a gzip bomb stops at maxObjectBytes, marked incomplete', async () => {
    const bomb = gzipSync(Buffer.alloc(32 << 20));
    const capture = httpCapture('bomb.pcap', [{ uri: '/bomb', headers: [`Content-Length: ${bomb.length}`, 'Content-Encoding: gzip'], body: bomb }]);
    const { model, dir } = await exportOf(capture, '--max-object-bytes', '1M');
    const [o] = model.objects!;
    expect([o!.size, o!.complete]).toEqual([1 << 20, false]);
    expect(o!.problem).toMatch(/maxObjectBytes/);
    expect(o!.reasons).toEqual(['decodeLimit']);
    expect(readFileSync(join(dir, o!.name)).length).toBe(1 << 20);
  });
});

describe('damaged bodies', () => {
  it('a body the capture lost part of is written as captured and marked incomplete', async () => {
    const body = Buffer.from('A'.repeat(5000));
    const c = new Conversation({ ip: '10.0.0.1', port: 40001 }, { ip: '10.0.0.2', port: 80 }).handshake();
    c.send(true, 'GET /lost.txt HTTP/1.1\r\nHost: lab.test\r\n\r\n');
    c.send(false, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`), body]), { mss: 1000, drop: [2] });
    c.close();
    const { model, dir } = await exportOf(tempFile('lost.pcap', pcapFile(c.packets())));
    const [o] = model.objects!;
    expect(o!.complete).toBe(false);
    expect(o!.problem).toMatch(/1000 bytes were not captured/);
    expect(o!.reasons).toEqual(['notCaptured']);
    expect(readFileSync(join(dir, 'lost.txt')).length).toBe(o!.size);
    expect(o!.size).toBe(body.length - 1000);
  });
});
