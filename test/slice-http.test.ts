import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Http } from '../src/protocols/http/schema.js';
import { httpView } from '../src/protocols/http/view.js';
import { MASK } from '../src/protocols/secrets.js';
import type { ReportModel } from '../src/report/schema.js';
import { tshark } from './helpers/files.js';
import { modelOf, sessionsCapture, viewContext } from './helpers/slices.js';

/*
 * The HTTP slice on one small synthesised connection: a GET with a query answered by a
 * chunked, gzip-encoded page in several segments, then a form POST with a password answered
 * by a redirect. Records → model (src/protocols/http/analyse.ts: pairing, frames, bodies
 * de-chunked and decoded, form fields, the secret masked, the examples chosen), checked
 * against tshark where it has the same field; model → template data (view.ts: the request's
 * parts explained, the response's status, the GET and POST compared) in both languages.
 */

const PAGE = '<html><body>你好, HTTP</body></html>';
const gz = gzipSync(Buffer.from(PAGE, 'utf8'));
const chunked = Buffer.concat([
  Buffer.from(`${(10).toString(16)}\r\n`),
  gz.subarray(0, 10),
  Buffer.from(`\r\n${(gz.length - 10).toString(16)}\r\n`),
  gz.subarray(10),
  Buffer.from('\r\n0\r\n\r\n'),
]);
const GET = 'GET /search?q=wire%20shark&lang=zh HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: curl/8.5.0\r\nAccept-Encoding: gzip\r\n\r\n';
const PAGE_RESPONSE = Buffer.concat([
  Buffer.from(
    'HTTP/1.1 200 OK\r\nServer: nginx/1.24\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n',
  ),
  chunked,
]);
const FORM = 'user=ann&password=hunter2%21';
const POST = `POST /login HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${FORM.length}\r\n\r\n${FORM}`;
const REDIRECT = 'HTTP/1.1 302 Found\r\nLocation: /account\r\nContent-Length: 0\r\n\r\n';

let path: string;
let model: ReportModel;
let http: Http;

beforeAll(async () => {
  path = sessionsCapture('slice-http.pcap', [
    {
      client: { ip: '192.168.1.10', port: 51000 },
      server: { ip: '93.184.216.34', port: 80 },
      turns: [
        [true, GET],
        [false, PAGE_RESPONSE, 80],
        [true, POST],
        [false, REDIRECT],
      ],
    },
  ]);
  model = await modelOf(path);
  http = (model as unknown as { http: Http }).http;
});

describe('HTTP analysis: records → model', () => {
  it('pairs each request with its response at the frames tshark shows them', () => {
    expect(http.requests).toBe(2);
    expect(http.responses).toBe(2);
    const rows = tshark(path, ['frame.number', 'http.request.method', 'http.response.code', 'http.request_in'], { filter: 'http', twoPass: true });
    const requests = rows.filter((r) => r[1]).map((r) => Number(r[0]));
    const responses = rows.filter((r) => r[2]).map((r) => [Number(r[0]), Number(r[2]), Number(r[3])]);
    expect(http.exchanges.map((e) => e.request!.frame)).toEqual(requests);
    expect(http.exchanges.map((e) => [e.response!.frame, e.response!.status, e.request!.frame])).toEqual(responses);
  });

  it('reads the request line, the full URI and the query as Wireshark does', () => {
    const [get, post] = http.exchanges.map((e) => e.request!);
    expect([get!.method, get!.uri, get!.version]).toEqual(['GET', '/search?q=wire%20shark&lang=zh', 'HTTP/1.1']);
    expect(get!.fullUri).toBe('http://shop.example/search?q=wire%20shark&lang=zh');
    expect(get!.query).toEqual([
      { name: 'q', value: 'wire shark' },
      { name: 'lang', value: 'zh' },
    ]);
    expect(get!.headers.map((h) => h.name)).toEqual(['Host', 'User-Agent', 'Accept-Encoding']);
    expect(get!.headerBytes).toBe(GET.length);
    expect(get!.body).toBeNull();
    expect(post!.method).toBe('POST');
    expect(http.exchanges.map((e) => [e.index, e.ofConnection])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('lists every segment of the response with its bytes, and de-chunks and decodes its body', () => {
    const r = http.exchanges[0]!.response!;
    expect(r.segments.length).toBe(Math.ceil(PAGE_RESPONSE.length / 80));
    expect(r.segments.reduce((n, s) => n + s.bytes, 0)).toBe(PAGE_RESPONSE.length);
    expect(r.frames).toEqual(r.segments.map((s) => s.frame));
    expect(r.frame).toBe(r.frames.at(-1));
    expect(r.complete).toBe(true);
    const body = r.body!;
    expect(body.framing).toBe('chunked');
    expect(body.chunks).toBe(2);
    expect(body.wireBytes).toBe(chunked.length);
    expect(body.length).toBe(gz.length);
    expect(body.contentEncoding).toEqual(['gzip']);
    expect(body.decodedLength).toBe(Buffer.byteLength(PAGE));
    expect([body.mediaType, body.charset]).toEqual(['text/html', 'utf-8']);
    expect(body.text).toBe(PAGE);
    // As tshark -V sums it up: "Chunk size: 10 octets", …, "Content-encoded entity body (gzip): 52 bytes -> 38 bytes".
    const details = execFileSync('tshark', ['-r', path, '-2', '-V', '-Y', 'http.response.code == 200'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect([...details.matchAll(/Chunk size: (\d+) octets/g)].map((m) => Number(m[1]))).toEqual([10, gz.length - 10, 0]);
    expect(details).toContain(`Content-encoded entity body (gzip): ${body.length} bytes -> ${body.decodedLength} bytes`);
  });

  it('parses the form and masks the password where it stands, registering it for every other place', () => {
    const q = http.exchanges[1]!.request!;
    expect(q.body!.form).toEqual([
      { name: 'user', value: 'ann' },
      { name: 'password', value: MASK, masked: true },
    ]);
    expect(q.credentials).toEqual([expect.objectContaining({ source: 'password', scheme: 'form', secretLength: 'hunter2!'.length, secret: null })]);
    const json = JSON.stringify(model);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain(Buffer.from('hunter2!').toString('base64'));
  });

  it('chooses the GET with a query and the POST as the examples, and fills the packet list', () => {
    expect(http.selection.get?.frame).toBe(http.exchanges[0]!.request!.frame);
    expect(http.selection.post?.frame).toBe(http.exchanges[1]!.request!.frame);
    expect(http.selection.request).not.toBeNull();
    const info = http.packets.filter((p) => p.kind !== 'continuation').map((p) => p.info);
    const tsharkInfo = tshark(path, ['_ws.col.Info'], { filter: 'http', twoPass: true }).map((r) => r[0]!.replace(/\s+/g, ' ').trim());
    expect(info.map((i) => i.replace(/\s+/g, ' ').trim())).toEqual(tsharkInfo);
  });
});

describe('HTTP view: model → template data', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`the request block names each part of the request and explains the method (${lang})`, () => {
      const block = httpView.blocks.request!(http, viewContext(model, httpView, http, lang));
      expect(block.partial).toBe('http/request');
      const data = block.data as { parts: { value: string; meaning: string }[]; frame: number; excerpt: { rows: { frame: number; mark: string }[] } };
      const request = http.exchanges.find((e) => e.request!.frame === http.selection.request!.frame)!.request!;
      expect(data.frame).toBe(request.frame);
      expect(data.parts.slice(0, 3).map((p) => p.value)).toEqual([request.method, request.uri, request.version]);
      for (const p of data.parts) expect(p.meaning.trim(), p.value).not.toBe('');
      if (lang === 'zh') expect(data.parts[0]!.meaning).toMatch(/[\u4e00-\u9fff]/);
      // The packet-list excerpt marks the request's frame.
      expect(data.excerpt.rows.filter((r) => r.mark).map((r) => r.frame)).toContain(request.frame);
    });

    it(`the response block gives the status and its class (${lang})`, () => {
      const block = httpView.blocks.response!(http, viewContext(model, httpView, http, lang));
      expect(block.partial).toBe('http/response');
      const text = JSON.stringify(block.data);
      const response = http.exchanges.find((e) => e.request!.frame === http.selection.request!.frame)!.response!;
      expect(text).toContain(String(response.status));
      expect(text).not.toContain('hunter2');
    });

    it(`the GET/POST comparison puts the query in the URL and the form in the body (${lang})`, () => {
      const block = httpView.blocks['get-post']!(http, viewContext(model, httpView, http, lang));
      expect(block.partial).not.toBe('missing');
      const text = JSON.stringify(block.data);
      expect(text).toContain('/search?q=wire%20shark&lang=zh');
      expect(text).toContain('application/x-www-form-urlencoded');
      expect(text).not.toContain('hunter2');
    });
  }

  it('the packet rows are the model’s, and a capture without HTTP is not present and its blocks say what is missing', async () => {
    const ctx = viewContext(model, httpView, http);
    expect(httpView.packets!(http, ctx).map((r) => r.frame)).toEqual(http.packets.map((p) => p.frame));
    expect(httpView.present(http)).toBe(true);
    const none = sessionsCapture('slice-http-none.pcap', [
      { client: { ip: '10.0.0.1', port: 40000 }, server: { ip: '10.0.0.2', port: 7 }, turns: [[true, 'echo\r\n']] },
    ]);
    const empty = await modelOf(none);
    const emptyHttp = (empty as unknown as { http: Http }).http;
    expect(emptyHttp.exchanges).toEqual([]);
    expect(httpView.present(emptyHttp)).toBe(false);
    expect(httpView.blocks.request!(emptyHttp, viewContext(empty, httpView, emptyHttp)).partial).toBe('missing');
  });
});
