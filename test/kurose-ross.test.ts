import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersEn, type AnswersKey } from '../src/knowledge/http/answers-en.js';
import { answersZh } from '../src/knowledge/http/answers-zh.js';
import { knownBlocks } from '../src/labs/blocks.js';
import { loadLab } from '../src/labs/profile.js';
import { answerOf, ANSWER_BLOCKS, wildcardMatch } from '../src/protocols/http/answers.js';
import type { Http } from '../src/protocols/http/schema.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { Conversation, packetsOf, pcapFile } from './helpers/packets.js';

/*
 * The kurose-ross-http lab: each of the 19 answers and the frames it cites, checked
 * against tshark on the recorded capture of the lab's five parts; the same answers when
 * the parts are found by the shape of the traffic instead of the handout's page names; a
 * student's capture of the real lab (the handout's host, a favicon, other traffic between
 * the parts, the images fetched one after the other); a capture of another lab, where the
 * questions it cannot answer say what to capture; and the words in both languages.
 */

const root = join(import.meta.dirname, '..');
const KUROSE_ROSS = join(OWN_FIXTURES, 'kurose-ross.pcapng');
const PROFILE = join(root, 'labs', 'kurose-ross-http.yaml');

function labreport(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The model of a capture built with the lab (unless `args` name another) and `args`, checked against the schema. */
function modelOf(capture: string, args: string[] = []): ReportModel {
  const out = tempDir();
  const lab = args.includes('--lab') ? [] : ['--lab', 'kurose-ross-http'];
  const r = labreport(['build', capture, ...lab, ...args, '--format', 'json', '--out', out]);
  expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
  const base = capture
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return ReportModel.parse(JSON.parse(readFileSync(join(out, `${base}.json`), 'utf8')));
}

const answersBy = (model: ReportModel) => new Map(model.lab.answers.map((a) => [a.question, a]));

/** One HTTP row of tshark's two-pass dissection. */
interface Row {
  frame: number;
  time: number;
  stream: number;
  src: string;
  dst: string;
  method: string;
  uri: string;
  requestVersion: string;
  responseVersion: string;
  code: string;
  phrase: string;
  contentLength: string;
  lastModified: string;
  acceptLanguage: string;
  authorization: string;
  wwwAuthenticate: string;
  referer: string;
  requestLines: string[];
  responseLines: string[];
  responseIn: number;
  segments: number[];
  reassembledLength: string;
  contentType: string;
}

const FIELDS = [
  'frame.number',
  'frame.time_relative',
  'tcp.stream',
  'ip.src',
  'ip.dst',
  'http.request.method',
  'http.request.uri',
  'http.request.version',
  'http.response.version',
  'http.response.code',
  'http.response.phrase',
  'http.content_length',
  'http.last_modified',
  'http.accept_language',
  'http.authorization',
  'http.www_authenticate',
  'http.referer',
  'http.request.line',
  'http.response.line',
  'http.response_in',
  'tcp.segment',
  'tcp.reassembled.length',
  'http.content_type',
] as const;

/** tshark's HTTP rows; header lines are kept whole (tshark separates the occurrences of a field with a control character no header holds). */
function tsharkHttp(file: string, decodeAs: string[] = []): Row[] {
  const args = [
    '-r',
    file,
    ...decodeAs.flatMap((d) => ['-d', d]),
    '-2',
    '-Y',
    'http',
    '-T',
    'fields',
    '-E',
    'separator=\t',
    '-E',
    'occurrence=a',
    '-E',
    'aggregator=\u0001',
  ];
  for (const f of FIELDS) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const v = line.split('\t');
      const list = (i: number) => (v[i] ? v[i]!.split('\u0001') : []);
      return {
        frame: Number(v[0]),
        time: Number(v[1]),
        stream: Number(v[2]),
        src: v[3]!,
        dst: v[4]!,
        method: v[5]!,
        uri: v[6]!,
        requestVersion: v[7]!,
        responseVersion: v[8]!,
        code: v[9]!,
        phrase: v[10]!,
        contentLength: v[11]!,
        lastModified: v[12]!,
        acceptLanguage: v[13]!,
        authorization: v[14]!,
        wwwAuthenticate: v[15]!,
        referer: v[16]!,
        // tshark writes each line's CR LF as the four characters \r\n.
        requestLines: list(17).map((l) => l.replace(/\\r\\n$/, '')),
        responseLines: list(18).map((l) => l.replace(/\\r\\n$/, '')),
        responseIn: Number(v[19] || 0),
        segments: list(20).map(Number),
        reassembledLength: v[21]!,
        contentType: v[22]!,
      };
    });
}

/** Frames whose TCP payload length tshark gives, for the "#44(1448)" list of a reassembly. */
function tcpLengths(file: string, frames: number[]): Map<number, number> {
  const out = execFileSync(
    'tshark',
    ['-r', file, '-Y', frames.map((f) => `frame.number == ${f}`).join(' || '), '-T', 'fields', '-e', 'frame.number', '-e', 'tcp.len'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t').map(Number) as [number, number]),
  );
}

/**
 * The frames each display filter shows, as Wireshark's window shows them: one sharkd (Wireshark's
 * engine behind a JSON-RPC pipe) loads the capture once and applies every filter; null for a
 * filter Wireshark rejects.
 */
function displayed(file: string, filters: readonly string[]): (number[] | null)[] {
  const requests = [
    { jsonrpc: '2.0', id: 1, method: 'load', params: { file } },
    ...filters.map((filter, i) => ({ jsonrpc: '2.0', id: i + 2, method: 'frames', params: { filter } })),
  ];
  const r = spawnSync('sharkd', ['-'], { input: requests.map((q) => JSON.stringify(q)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
  const replies = new Map<number, { result?: unknown; error?: unknown }>();
  for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const reply = JSON.parse(line) as { id: number; result?: unknown; error?: unknown };
    replies.set(reply.id, reply);
  }
  expect(replies.get(1)?.result, r.stderr).toEqual({ status: 'OK' });
  return filters.map((_, i) => {
    const reply = replies.get(i + 2);
    return Array.isArray(reply?.result) ? (reply.result as { num: number }[]).map((f) => f.num) : null;
  });
}

const header = (lines: string[], name: string) => lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.replace(/^[^:]*:\s*/, '');

describe('the 19 answers on the recorded lab, against tshark', () => {
  let model: ReportModel;
  let revealed: ReportModel;
  let rows: Row[];
  const byFrame = (n: number) => rows.find((r) => r.frame === n)!;
  const getsOf = (file: string) => rows.filter((r) => r.method === 'GET' && r.uri.endsWith(`/${file}`));
  const answer = (n: number) => answersBy(model).get(n)!;

  beforeAll(() => {
    model = modelOf(KUROSE_ROSS);
    revealed = modelOf(KUROSE_ROSS, ['--reveal-secrets']);
    rows = tsharkHttp(KUROSE_ROSS);
  });

  it('answers every question of the profile, in order, each citing frames', () => {
    expect(model.lab.profile).toBe('kurose-ross-http');
    expect(model.lab.answers.map((a) => a.question)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(model.lab.answers.map((a) => a.task)).toEqual([
      ...Array(7).fill('task1'),
      ...Array(4).fill('task2'),
      ...Array(4).fill('task3'),
      'task4',
      'task4',
      'task5',
      'task5',
    ]);
    for (const a of model.lab.answers) {
      expect(a.frames.length, `question ${a.question}`).toBeGreaterThan(0);
      expect(a.answer, `question ${a.question}`).not.toMatch(/cannot answer/);
    }
  });

  it('part 1 (questions 1–7): versions, languages, addresses, status, Last-Modified, Content-Length and the hidden header lines', () => {
    const [get] = getsOf('HTTP-wireshark-file1.html');
    const response = byFrame(get!.responseIn);
    expect(answer(1)).toMatchObject({ frames: [get!.frame, response.frame] });
    expect(answer(1).answer).toBe(
      `The browser runs ${get!.requestVersion} (the request line in frame ${get!.frame}) and the server runs ${response.responseVersion} (the status line in frame ${response.frame}).`,
    );
    const tags = get!.acceptLanguage.split(',').map((t) => t.split(';')[0]);
    expect(answer(2)).toMatchObject({
      frames: [get!.frame],
      answer: `The browser accepts ${tags.slice(0, -1).join(', ')} and ${tags.at(-1)}, in that order of preference (Accept-Language in frame ${get!.frame}).`,
    });
    expect(answer(3)).toMatchObject({ frames: [get!.frame], answer: expect.stringContaining(`Your computer is ${get!.src} and the server is ${get!.dst}`) });
    expect(answer(4)).toMatchObject({
      frames: [response.frame],
      answer: `The server returned ${response.code} ${response.phrase} (the status line in frame ${response.frame}).`,
    });
    expect(answer(5)).toMatchObject({
      frames: [response.frame],
      answer: `The file was last modified on ${response.lastModified} (Last-Modified in frame ${response.frame}).`,
    });
    expect(answer(6)).toMatchObject({
      frames: [response.frame],
      answer: expect.stringMatching(
        new RegExp(`^${response.contentLength} bytes of content were returned: Content-Length: ${response.contentLength} in frame ${response.frame}`),
      ),
    });
    // The header lines beyond the status line, which the Info column does not show.
    const names = response.responseLines.map((l) => l.split(':')[0]);
    expect(answer(7)).toMatchObject({
      frames: [get!.frame, response.frame],
      answer: expect.stringContaining(`frame ${response.frame} also holds its ${names.length} header lines, such as ${names[0]}, ${names[1]} and ${names[2]}.`),
    });
  });

  it('part 2 (questions 8–11): the first GET unconditional and answered with the file, the second conditional and answered 304', () => {
    const [first, second] = getsOf('HTTP-wireshark-file2.html');
    const firstResponse = byFrame(first!.responseIn);
    const secondResponse = byFrame(second!.responseIn);
    expect(header(first!.requestLines, 'If-Modified-Since')).toBeUndefined();
    expect(answer(8)).toMatchObject({
      frames: [first!.frame],
      answer: expect.stringMatching(new RegExp(`^No: the first GET of HTTP-wireshark-file2\\.html \\(frame ${first!.frame}\\)`)),
    });
    expect(answer(9)).toMatchObject({
      frames: [firstResponse.frame],
      answer: expect.stringContaining(
        `Yes: the response in frame ${firstResponse.frame} (${firstResponse.code} ${firstResponse.phrase}) carries the file in its body, ${firstResponse.contentLength} bytes of text/html`,
      ),
    });
    const ims = header(second!.requestLines, 'If-Modified-Since')!;
    expect(ims).toBe(firstResponse.lastModified);
    expect(answer(10)).toMatchObject({
      frames: [firstResponse.frame, second!.frame],
      answer: expect.stringContaining(
        `Yes: the second GET (frame ${second!.frame}) carries If-Modified-Since: ${ims}, the Last-Modified date the server sent with the file in frame ${firstResponse.frame}, and also If-None-Match: ${header(second!.requestLines, 'If-None-Match')}`,
      ),
    });
    expect(secondResponse.contentLength).toBe('');
    expect(answer(11)).toMatchObject({
      frames: [secondResponse.frame],
      answer: expect.stringMatching(
        new RegExp(`^The server answered ${secondResponse.code} ${secondResponse.phrase} \\(frame ${secondResponse.frame}\\) and did not send the file again`),
      ),
    });
  });

  it('part 3 (questions 12–15): one GET, the status line in the first of the reassembled segments, 200 OK, the data-carrying segments', () => {
    const gets = getsOf('HTTP-wireshark-file3.html');
    const referred = rows.filter((r) => r.method === 'GET' && r.referer.endsWith('/HTTP-wireshark-file3.html'));
    expect(gets).toHaveLength(1);
    expect(answer(12)).toMatchObject({
      frames: [gets[0]!.frame],
      answer: `The browser sent one GET, for HTTP-wireshark-file3.html, in frame ${gets[0]!.frame}.`,
    });
    expect(referred).toEqual([]);
    const response = byFrame(gets[0]!.responseIn);
    const [first] = response.segments;
    expect(answer(13)).toMatchObject({
      frames: [first, response.frame],
      answer: expect.stringContaining(
        `arrived in frame ${first}, the first of the response's ${response.segments.length} TCP segments; Wireshark shows the response, with its status code and phrase, in frame ${response.frame}`,
      ),
    });
    expect(answer(14)).toMatchObject({
      frames: [response.frame],
      answer: `The status code is ${response.code} and the phrase is ${response.phrase} (frame ${response.frame}).`,
    });
    const lengths = tcpLengths(KUROSE_ROSS, response.segments);
    const list = response.segments.map((f) => `#${f}(${lengths.get(f)})`).join(', ');
    expect(answer(15)).toMatchObject({
      frames: response.segments,
      answer: `The response came in ${response.segments.length} data-carrying TCP segments, ${Number(response.reassembledLength).toLocaleString('en-US')} bytes in all (the headers, then a body of ${Number(response.contentLength).toLocaleString('en-US')} bytes): ${list}.`,
    });
  });

  it('part 4 (questions 16–17): the GETs and their addresses; the images fetched in parallel, judged from the connections and the times', () => {
    const [page] = getsOf('HTTP-wireshark-file4.html');
    const next = rows.find((r) => r.method === 'GET' && r.frame > page!.frame && header(r.requestLines, 'Sec-Fetch-Dest') === 'document')!;
    const objects = rows.filter((r) => r.method === 'GET' && r.frame > page!.frame && r.frame < next.frame && r.referer.startsWith('http://127.0.0.1/'));
    const all = [page!, ...objects];
    const addresses = [...new Set(all.map((r) => r.dst))];
    expect(addresses).toEqual(['127.0.0.1', '127.0.0.2']);
    const to = (ip: string) => all.filter((r) => r.dst === ip).map((r) => r.frame);
    expect(answer(16)).toMatchObject({
      frames: all.map((r) => r.frame),
      answer: `The browser sent ${all.length} GETs, to 2 addresses: frames ${to('127.0.0.1').join(' and ')} to 127.0.0.1; frame ${to('127.0.0.2')} to 127.0.0.2.`,
    });
    // Parallel: two connections, and every image GET left before the first image came back.
    const responses = objects.map((r) => byFrame(r.responseIn));
    const streams = [...new Set(objects.map((r) => r.stream))];
    expect(streams).toHaveLength(2);
    expect(Math.max(...objects.map((r) => r.time))).toBeLessThan(Math.min(...responses.map((r) => r.time)));
    const firstBack = responses.reduce((a, b) => (a.time < b.time ? a : b));
    expect(answer(17)).toMatchObject({
      frames: [...objects.map((r) => r.frame), ...responses.map((r) => r.frame)].sort((a, b) => a - b),
      answer: `In parallel: the 2 images came over 2 TCP connections (tcp.stream ${streams.join(' and ')}), and their GETs (frames ${objects.map((r) => r.frame).join(' and ')}) were sent before the first image arrived (frame ${firstBack.frame}).`,
    });
  });

  it('part 5 (questions 18–19): 401 with WWW-Authenticate, then Authorization: Basic, decoded as the handout asks', () => {
    const [first, second] = getsOf('HTTP-wireshark-file5.html');
    const challenge = byFrame(first!.responseIn);
    expect(answer(18)).toMatchObject({
      frames: [challenge.frame],
      answer: `The server answered ${challenge.code} ${challenge.phrase} (frame ${challenge.frame}), with WWW-Authenticate: ${challenge.wwwAuthenticate}: the page needs a user name and password.`,
    });
    const [scheme, blob] = second!.authorization.split(' ');
    expect(scheme).toBe('Basic');
    const [user, password] = Buffer.from(blob!, 'base64').toString('utf8').split(':');
    expect(answer(19)).toMatchObject({
      frames: [second!.frame],
      answer: expect.stringContaining(`which decodes to "${user}:" and a password of ${password!.length} characters`),
    });
    expect(JSON.stringify(model)).not.toContain(blob);
    expect(JSON.stringify(model)).not.toContain(`${user}:${password}`);
    expect(answersBy(revealed).get(19)!.answer).toContain(`which decodes to "${user}:${password}"; base64 is an encoding, not encryption`);
  });

  it("every answer's display filter is one Wireshark takes, and it shows the frames the answer cites", () => {
    const http = model.http as Http;
    const lab = loadLab('kurose-ross-http', knownBlocks());
    const asked = lab.tasks.flatMap((task) =>
      task.questions.map((q) => ({ n: q.n, shown: answerOf(http, q.answer.replace(/^http\./, ''), task.page, 'en')! })),
    );
    const shown = displayed(
      KUROSE_ROSS,
      asked.map((a) => a.shown.wireshark!.filter),
    );
    asked.forEach(({ n, shown: a }, i) => {
      const cited = answer(n).frames;
      expect(a.frames, `question ${n}`).toEqual(cited);
      expect(shown[i], `question ${n}: ${a.wireshark!.filter}`).not.toBeNull();
      expect(
        shown[i]!.filter((f) => cited.includes(f)),
        `question ${n}: ${a.wireshark!.filter}`,
      ).not.toEqual([]);
    });
    // Where the filter is the answer's own evidence, it shows every frame cited.
    expect(shown[14]).toEqual(answer(15).frames);
    expect(shown[16]).toEqual(expect.arrayContaining(answer(17).frames));
    // And a filter Wireshark 4.0 rejects is seen as such (sets need commas there, and Wireshark 3 wants none: the answers use ||).
    expect(displayed(KUROSE_ROSS, ['tcp.stream in {6 8}'])).toEqual([null]);
  });
});

describe("the parts found without the handout's page names", () => {
  it('by the shape of the traffic, the same exchanges and frames; a page the capture lacks is said to be stood in for', () => {
    const byName = modelOf(KUROSE_ROSS);
    const profile = readFileSync(PROFILE, 'utf8');
    const noPages = tempFile('kr-no-pages.yaml', profile.replace(/^ {4}page: .*\n/gm, ''));
    const otherPages = tempFile('kr-other-pages.yaml', profile.replace(/^( {4}page: )HTTP-wireshark-(file\d)\.html$/gm, '$1teacher-$2-*.html'));
    for (const file of [noPages, otherPages]) {
      const shaped = modelOf(KUROSE_ROSS, ['--lab', file]);
      expect(shaped.lab.answers.map((a) => [a.question, a.frames])).toEqual(byName.lab.answers.map((a) => [a.question, a.frames]));
    }
    const http = byName.http as Http;
    expect(answerOf(http, 'kr-versions', 'teacher-file1-*.html', 'en')!.evidence[0]!.note).toBe(
      'No GET of teacher-file1-*.html was captured, so the first HTML page fetched stands in.',
    );
    expect(answerOf(http, 'kr-versions', undefined, 'en')!.evidence[0]!.at).toBe('Frame 7');
    // A teacher's names with a wildcard find the pages too.
    expect(answerOf(http, 'kr-long-status', 'http-WIRESHARK-*3.HTML', 'en')).toMatchObject({ frames: [50], evidence: [{ at: 'Frame 50' }] });
  });

  it('match page names with a wildcard, ignoring case', () => {
    expect(wildcardMatch('HTTP-wireshark-file1.html', 'http-wireshark-FILE1.html')).toBe(true);
    expect(wildcardMatch('*file*.html', 'HTTP-wireshark-file5.html')).toBe(true);
    expect(wildcardMatch('*file1.html', 'HTTP-wireshark-file12.html')).toBe(false);
    expect(wildcardMatch('a*b*c', 'acxb')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a*a*a*a*a*b', 'a'.repeat(20_000))).toBe(false);
  });
});

/** A student's capture of the real lab, as it is on a busy machine: the handout's host, favicons, another program's traffic between the parts. */
function studentCapture(): string {
  const me = '192.168.1.102';
  const gaia = { ip: '128.119.245.12', port: 80 };
  const other = { ip: '178.79.137.164', port: 80 };
  const base = 'http://gaia.cs.umass.edu/wireshark-labs/';
  const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/118.0';
  const lastModified = 'Tue, 03 Oct 2023 05:59:02 GMT';
  const get = (path: string, host: string, extra: string[] = [], accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8') =>
    [
      `GET ${path} HTTP/1.1`,
      `Host: ${host}`,
      `User-Agent: ${ua}`,
      `Accept: ${accept}`,
      'Accept-Language: en-US,en;q=0.5',
      'Connection: keep-alive',
      ...extra,
      '',
      '',
    ].join('\r\n');
  const ok = (type: string, body: string, extra: string[] = []) =>
    [
      'HTTP/1.1 200 OK',
      'Date: Tue, 03 Oct 2023 18:00:00 GMT',
      'Server: Apache/2.4.6 (CentOS) OpenSSL/1.0.2k-fips PHP/7.4.33 mod_perl/2.0.11 Perl/v5.16.3',
      `Last-Modified: ${lastModified}`,
      'ETag: "80-606cc0fbd7b9e"',
      `Content-Length: ${body.length}`,
      `Content-Type: ${type}`,
      ...extra,
      '',
      body,
    ].join('\r\n');
  const html = (n: number) => `<html>\n${'Congratulations. '.repeat(n)}\n</html>\n`;
  const frames: Uint8Array[] = [];
  let port = 50000;
  const conn = (server: { ip: string; port: number }) => new Conversation({ ip: me, port: port++ }, server);
  const flush = (c: Conversation) => frames.push(...c.frames.splice(0));

  // Part 1, and the browser's favicon request.
  const p1 = conn(gaia).handshake();
  p1.send(true, get('/wireshark-labs/HTTP-wireshark-file1.html', 'gaia.cs.umass.edu', ['Upgrade-Insecure-Requests: 1'])).send(
    false,
    ok('text/html; charset=UTF-8', html(7)),
  );
  p1.send(true, get('/favicon.ico', 'gaia.cs.umass.edu', [`Referer: ${base}HTTP-wireshark-file1.html`], 'image/avif,image/webp,*/*'));
  p1.send(false, 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  flush(p1);
  // Another program's request between the parts: neither a page nor an object of one.
  const noise = conn({ ip: '34.107.221.82', port: 80 }).handshake();
  noise.send(true, get('/success.txt?ipv4', 'detectportal.firefox.com', ['Cache-Control: no-cache'], '*/*')).send(false, ok('text/plain', 'success\n'));
  flush(noise.close());
  // Part 2: the page, then the reload, conditional, answered 304.
  const p2 = conn(gaia).handshake();
  p2.send(true, get('/wireshark-labs/HTTP-wireshark-file2.html', 'gaia.cs.umass.edu')).send(false, ok('text/html; charset=UTF-8', html(20)));
  p2.send(
    true,
    get('/wireshark-labs/HTTP-wireshark-file2.html', 'gaia.cs.umass.edu', [`If-Modified-Since: ${lastModified}`, 'If-None-Match: "80-606cc0fbd7b9e"']),
  );
  p2.send(false, `HTTP/1.1 304 Not Modified\r\nDate: Tue, 03 Oct 2023 18:00:05 GMT\r\nETag: "80-606cc0fbd7b9e"\r\n\r\n`);
  flush(p2);
  // Part 3: a long page, in several segments.
  const p3 = conn(gaia).handshake();
  p3.send(true, get('/wireshark-labs/HTTP-wireshark-file3.html', 'gaia.cs.umass.edu')).send(false, ok('text/html; charset=UTF-8', html(260)), { mss: 1460 });
  flush(p3);
  // Part 4: the page and its two images, the second from another server, one after the other.
  const p4 = conn(gaia).handshake();
  const page4 = `${base}HTTP-wireshark-file4.html`;
  p4.send(true, get('/wireshark-labs/HTTP-wireshark-file4.html', 'gaia.cs.umass.edu')).send(false, ok('text/html; charset=UTF-8', html(10)));
  p4.send(true, get('/pearson.png', 'gaia.cs.umass.edu', [`Referer: ${page4}`], 'image/avif,image/webp,*/*')).send(false, ok('image/png', 'P'.repeat(900)));
  flush(p4);
  const cover = conn(other).handshake();
  cover
    .send(true, get('/8E_cover_small.jpg', 'kurose.cslash.net', [`Referer: ${page4}`], 'image/avif,image/webp,*/*'))
    .send(false, ok('image/jpeg', 'J'.repeat(2000)));
  flush(cover);
  // Part 5: 401, then the same GET with the handout's user name and password.
  const p5 = conn(gaia).handshake();
  const protectedPage = '/wireshark-labs/protected_pages/HTTP-wireshark-file5.html';
  p5.send(true, get(protectedPage, 'gaia.cs.umass.edu'));
  p5.send(
    false,
    'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="wireshark-students only"\r\nContent-Length: 12\r\nContent-Type: text/html\r\n\r\nUnauthorized',
  );
  p5.send(true, get(protectedPage, 'gaia.cs.umass.edu', [`Authorization: Basic ${Buffer.from('wireshark-students:network').toString('base64')}`]));
  p5.send(false, ok('text/html; charset=UTF-8', html(9)));
  flush(p5);
  return tempFile('student-kurose-ross.pcap', pcapFile(packetsOf(frames)));
}

describe("a student's capture of the real lab", () => {
  let file: string;
  let model: ReportModel;
  let rows: Row[];
  const answer = (n: number) => answersBy(model).get(n)!;
  beforeAll(() => {
    file = studentCapture();
    model = modelOf(file);
    rows = tsharkHttp(file);
  });

  it("finds each part by the handout's page under the real host, past the favicon and the other traffic", () => {
    const frameOf = (uri: string, nth = 0) => rows.filter((r) => r.method === 'GET' && r.uri === uri)[nth]!.frame;
    expect(answer(1).frames[0]).toBe(frameOf('/wireshark-labs/HTTP-wireshark-file1.html'));
    expect(answer(3).answer).toContain('Your computer is 192.168.1.102 and the server is 128.119.245.12');
    expect(answer(8).frames).toEqual([frameOf('/wireshark-labs/HTTP-wireshark-file2.html')]);
    expect(answer(10).answer).toContain(
      `(frame ${frameOf('/wireshark-labs/HTTP-wireshark-file2.html', 1)}) carries If-Modified-Since: Tue, 03 Oct 2023 05:59:02 GMT`,
    );
    expect(answer(11).answer).toMatch(/^The server answered 304 Not Modified/);
    const long = rows.find((r) => r.frame === rows.find((q) => q.uri === '/wireshark-labs/HTTP-wireshark-file3.html')!.responseIn)!;
    expect(answer(15).frames).toEqual(long.segments);
    expect(answer(15).answer).toMatch(new RegExp(`^The response came in ${long.segments.length} data-carrying TCP segments`));
    expect(answer(18).answer).toContain('401 Unauthorized');
    expect(answer(19).answer).toContain('which decodes to "wireshark-students:" and a password of 7 characters');
  });

  it('counts the page and its images, to two addresses, and judges the images fetched serially', () => {
    const page = rows.find((r) => r.uri === '/wireshark-labs/HTTP-wireshark-file4.html')!;
    const images = rows.filter((r) => r.method === 'GET' && r.referer === 'http://gaia.cs.umass.edu/wireshark-labs/HTTP-wireshark-file4.html');
    expect(images.map((r) => r.dst)).toEqual(['128.119.245.12', '178.79.137.164']);
    expect(answer(16)).toMatchObject({
      frames: [page.frame, ...images.map((r) => r.frame)],
      answer: `The browser sent 3 GETs, to 2 addresses: frames ${page.frame} and ${images[0]!.frame} to 128.119.245.12; frame ${images[1]!.frame} to 178.79.137.164.`,
    });
    // tshark: the second image was asked for only after the first had arrived.
    const firstBack = rows.find((r) => r.frame === images[0]!.responseIn)!;
    expect(images[1]!.time).toBeGreaterThan(firstBack.time);
    expect(answer(17).answer).toBe(
      `Serially: each image GET (frames ${images.map((r) => r.frame).join(' and ')}) was sent only after the previous image had arrived (frames ${images.map((r) => r.responseIn).join(' and ')}), though over 2 TCP connections (tcp.stream ${images.map((r) => r.stream).join(' and ')}).`,
    );
  });
});

describe('images asked for on one connection without waiting', () => {
  it('are pipelined, neither one by one nor in parallel: tshark sees both GETs on one tcp.stream before either image', () => {
    const page = 'http://gaia.cs.umass.edu/wireshark-labs/HTTP-wireshark-file4.html';
    const get = (path: string, extra: string[]) => [`GET ${path} HTTP/1.1`, 'Host: gaia.cs.umass.edu', ...extra, '', ''].join('\r\n');
    const ok = (type: string, body: string) => `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const c = new Conversation({ ip: '10.0.0.2', port: 40000 }, { ip: '128.119.245.12', port: 80 }).handshake();
    c.send(true, get('/wireshark-labs/HTTP-wireshark-file4.html', ['Accept: text/html'])).send(false, ok('text/html', '<img src="a.png"><img src="b.png">'));
    const image = (name: string) => get(`/${name}`, ['Accept: image/*', `Referer: ${page}`]);
    c.send(true, image('a.png')).send(true, image('b.png'));
    c.send(false, ok('image/png', 'A'.repeat(300))).send(false, ok('image/png', 'B'.repeat(300)));
    const file = tempFile('pipelined-images.pcap', pcapFile(c.close().packets()));
    const rows = tsharkHttp(file);
    const images = rows.filter((r) => r.referer === page);
    expect(new Set(images.map((r) => r.stream)).size).toBe(1);
    // tshark 4.0 does not pair pipelined requests with their responses (it gives the first image GET none), so the GETs' times are held against the responses on the stream.
    const responses = rows.filter((r) => r.code === '200' && r.frame > images[0]!.frame);
    expect(responses).toHaveLength(2);
    expect(Math.max(...images.map((r) => r.time))).toBeLessThan(Math.min(...responses.map((r) => r.time)));
    expect(answersBy(modelOf(file)).get(17)!.answer).toBe(
      `Neither one by one nor over parallel connections: the 2 image GETs (frames ${images[0]!.frame} and ${images[1]!.frame}) were pipelined on one TCP connection (tcp.stream ${images[0]!.stream}), each sent before the previous image had arrived.`,
    );
  });
});

describe('a capture of another lab', () => {
  it('answers what it can, by the shape of its traffic, and says for the rest what to capture', () => {
    const file = join(OWN_FIXTURES, 'lab.pcapng');
    const model = modelOf(file);
    const rows = tsharkHttp(file, ['tcp.port==8080,http']);
    const answers = answersBy(model);
    expect(answers.size).toBe(19);
    // The first HTML page fetched stands in for part 1; a GET answered 304 after a 200 for the same URI, for part 2.
    const responseTo = (r: Row) => rows.find((x) => x.frame === r.responseIn)!;
    const firstPage = rows.find((r) => r.method === 'GET' && responseTo(r).contentType.startsWith('text/html'))!;
    expect(answers.get(1)).toMatchObject({ frames: [firstPage.frame, firstPage.responseIn] });
    const notModified = rows.find((r) => r.code === '304')!;
    expect(answers.get(11)!.answer).toMatch(new RegExp(`^The server answered 304 Not Modified \\(frame ${notModified.frame}\\)`));
    // The page whose images were fetched has one image only, and no request is answered 401.
    const images = rows.filter((r) => r.method === 'GET' && r.referer === 'http://127.0.0.1/' && responseTo(r).contentType.startsWith('image/'));
    expect(images).toHaveLength(1);
    expect(rows.filter((r) => r.code === '401')).toEqual([]);
    expect(answers.get(17)).toEqual({
      question: 17,
      task: 'task4',
      frames: [],
      answer: `The capture cannot answer this: fewer than two images of the page in frame ${firstPage.frame} were fetched (1); empty the browser's cache so that they are fetched again, and capture again.`,
    });
    for (const n of [18, 19])
      expect(answers.get(n)).toMatchObject({
        frames: [],
        answer: expect.stringMatching(
          /^The capture cannot answer this: it holds no 401 Unauthorized answer to a GET of HTTP-wireshark-file5\.html; close the browser/,
        ),
      });
  });
});

describe('the report', () => {
  it("words the answers in the report's language, from a model made in another (render --lang)", () => {
    const out = tempDir();
    expect(labreport(['build', KUROSE_ROSS, '--lab', 'kurose-ross-http', '--format', 'json,md', '--out', out]).code).toBe(0);
    const en = readFileSync(join(out, 'kurose-ross.md'), 'utf8');
    expect(en).toContain('#### Question 17: Did the browser download the two images serially');
    expect(en).toContain('**Answer**: In parallel: the 2 images came over 2 TCP connections');
    expect(en).toContain('display filter `http.authorization`, then expand `Hypertext Transfer Protocol › Authorization › Credentials`');
    expect(en).toContain('- Frame 50: `[4 Reassembled TCP Segments (4669 bytes): #44(1448), #46(1448), #48(1448), #50(325)]`');
    const zhOut = tempDir();
    expect(labreport(['render', join(out, 'kurose-ross.json'), '--lang', 'zh', '--format', 'md', '--out', zhOut]).code).toBe(0);
    const zh = readFileSync(join(zhOut, 'kurose-ross.md'), 'utf8');
    expect(zh).toContain('#### 问题 17：浏览器是串行地下载这两张图片');
    expect(zh).toContain('**答案**：并行下载：2 张图片通过 2 条 TCP 连接（tcp.stream 6 和 8）传送');
    expect(zh).toContain('输入显示过滤器 `http.authorization`，然后展开 `Hypertext Transfer Protocol › Authorization › Credentials`');
    // The model keeps the language it was built in.
    expect(JSON.parse(readFileSync(join(out, 'kurose-ross.json'), 'utf8')).lab.answers[16].answer).toMatch(/^In parallel/);
  });

  it('is a few pages before the appendix, in English and in Chinese, with every question answered in the PDF', () => {
    for (const lang of ['en', 'zh']) {
      const out = tempDir();
      expect(labreport(['build', KUROSE_ROSS, '--lab', 'kurose-ross-http', '--lang', lang, '--format', 'pdf', '--out', out]).code).toBe(0);
      const pages = execFileSync('pdftotext', ['-layout', join(out, 'kurose-ross.pdf'), '-'], { encoding: 'utf8' }).split('\f');
      const appendix = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === (lang === 'en' ? 'Appendix' : '附录')));
      expect(appendix, lang).toBeGreaterThan(0);
      expect(appendix + 1, lang).toBeLessThanOrEqual(7);
      const text = pages.slice(0, appendix + 1).join('\n');
      for (let n = 1; n <= 19; n++) expect(text, `${lang} question ${n}`).toContain(lang === 'en' ? `Question ${n}: ` : `问题 ${n}：`);
      expect(text).not.toContain('cannot answer');
    }
  }, 60_000);
});

describe('the words of the answers', () => {
  const keys = Object.keys(answersEn) as AnswersKey[];
  const zh: Record<string, string> = answersZh;
  const all = (text: string, pattern: RegExp) => [...new Set(text.match(pattern) ?? [])].sort();

  it('have the same keys in Chinese, filling the same placeholders, written in Chinese, with header and field names kept', () => {
    expect(Object.keys(answersZh).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(all(zh[key]!, /\{\d+\}/g), key).toEqual(all(answersEn[key], /\{\d+\}/g));
      if (answersEn[key].trim().split(/\s+/).length > 3) expect(zh[key], key).toMatch(/[\u3400-\u9fff]/);
      for (const term of all(answersEn[key], /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b|\btcp\.stream\b|\b\d{3} [A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g))
        expect(zh[key], `${key}: ${term}`).toContain(term);
    }
  });

  it('give every answer block a question in the profile, and the profile only answer blocks that exist', () => {
    const named = [...readFileSync(PROFILE, 'utf8').matchAll(/answer: http\.(\S+)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...ANSWER_BLOCKS].sort());
  });
});
