import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskCookies, maskJson, maskParameters, maskUserinfo, MASK, Redactor } from '../src/protocols/secrets.js';
import { tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * Secrets, wherever a capture carries them: a table of cases, each a capture that sends
 * a secret one way, built as a class (so summary.csv is an output too) in json, md, html
 * and pdf; no output may hold the secret in any of its encodings. Keep the table, and add
 * to it whenever a new way a secret can travel is found.
 */

const root = join(import.meta.dirname, '..');

interface LeakCase {
  name: string;
  /** What must not appear anywhere (each in its plain, %-encoded, base64 and hex forms). */
  secrets: string[];
  packets: () => ReturnType<Conversation['packets']>;
  /** Options of the build (cases are built as one class per set of options). */
  args?: string[];
}

let port = 43000;
const http =
  (request: string, response = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', opts: { dropLast?: boolean } = {}) =>
  () => {
    const c = new Conversation({ ip: '10.8.0.1', port: port++ }, { ip: '10.8.0.2', port: 80 }).handshake();
    // dropLast: the request's last segment (the end of its body) is never captured.
    if (opts.dropLast) c.send(true, request, { mss: 20, drop: [Math.ceil(request.length / 20) - 1] });
    else c.send(true, request);
    return c.send(false, response).close().packets();
  };
const pop = (lines: ['C' | 'S', string][]) => () => {
  const c = new Conversation({ ip: '10.8.0.1', port: port++ }, { ip: '10.8.0.3', port: 110 }).handshake();
  for (const [side, text] of lines) c.send(side === 'C', `${text}\r\n`);
  return c.close().packets();
};
/** A request whose head and body travel apart, the body in segments of `mss` bytes, those listed in `drop` never captured. */
const httpBody = (head: string, body: string, mss: number, drop: number[]) => () => {
  const c = new Conversation({ ip: '10.8.0.1', port: port++ }, { ip: '10.8.0.2', port: 80 }).handshake();
  c.send(true, `${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`).send(true, body, { mss, drop });
  return c.send(false, 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').close().packets();
};
const POST = (type: string) => `POST /login HTTP/1.1\r\nHost: shop\r\nContent-Type: ${type}\r\n`;
const MULTIPART = [
  '--XyZ\r\nContent-Disposition: form-data; name="user"\r\n\r\nann\r\n',
  '--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nMulti-Secret-31\r\n',
  '--XyZ\r\nContent-Disposition: form-data; name="cv"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n',
  'hello '.repeat(20),
  '\r\n--XyZ--\r\n',
].join('');
const form = (body: string, type: string | null = 'application/x-www-form-urlencoded') =>
  `POST /login HTTP/1.1\r\nHost: shop\r\n${type ? `Content-Type: ${type}\r\n` : ''}Content-Length: ${body.length}\r\n\r\n${body}`;

const CASES: LeakCase[] = [
  {
    name: 'pop3-second-pass',
    secrets: ['wrong-one', 'right-one'],
    packets: pop([
      ['S', '+OK ready'],
      ['C', 'USER ann'],
      ['S', '+OK'],
      ['C', 'PASS wrong-one'],
      ['S', '-ERR no'],
      ['C', 'USER ann'],
      ['S', '+OK'],
      ['C', 'PASS right-one'],
      ['S', '+OK in'],
      ['C', 'QUIT'],
      ['S', '+OK bye'],
    ]),
  },
  {
    name: 'pop3-apop',
    secrets: ['c4c9334bac560ecc979e58001b3e22fb'],
    packets: pop([
      ['S', '+OK ready <1896.697170952@dbc.mtview.ca.us>'],
      ['C', 'APOP mrose c4c9334bac560ecc979e58001b3e22fb'],
      ['S', '+OK in'],
      ['C', 'QUIT'],
      ['S', '+OK bye'],
    ]),
  },
  {
    name: 'pop3-two-characters',
    secrets: ['PASS x9'],
    packets: pop([
      ['S', '+OK ready'],
      ['C', 'USER ann'],
      ['S', '+OK'],
      ['C', 'PASS x9'],
      ['S', '+OK in'],
    ]),
  },
  {
    name: 'form-cut-by-a-gap',
    secrets: ['Cut-Secret-99'],
    packets: http(form('user=ann&password=Cut-Secret-99&x=1'.padEnd(70, 'x')), undefined, { dropLast: true }),
  },
  { name: 'form-without-content-type', secrets: ['NoType-Secret-7'], packets: http(form('user=ann&password=NoType-Secret-7', null)) },
  { name: 'json-without-content-type', secrets: ['NoTypeJson-Secret'], packets: http(form('{"user":"ann","password":"NoTypeJson-Secret"}', null)) },
  // The gap takes the field's name: what follows it ("ame-Secret-5&x=1") is masked up to the field's end.
  {
    name: 'form-gap-inside-the-name',
    secrets: ['ame-Secret-5'],
    packets: httpBody(POST('application/x-www-form-urlencoded'), 'user=ann&password=GapName-Secret-5&x=1', 11, [1]),
  },
  {
    name: 'json-gap-inside-the-key',
    secrets: ['p-Secret-8'],
    packets: httpBody(POST('application/json'), '{"user":"ann","password":"JsonGap-Secret-8","n":1}', 16, [1]),
  },
  {
    name: 'multipart-cut-by-a-gap',
    secrets: ['Multi-Secret-31'],
    packets: httpBody(POST('multipart/form-data; boundary=XyZ'), MULTIPART, 120, [2]), // the gap is inside cv.txt
  },
  // Bodies longer than --max-body-bytes: the kept front ends inside the password.
  {
    name: 'json-cut-at-max-body-bytes',
    secrets: ['JsonCut-Secret'],
    packets: http(form('{"user":"ann","password":"JsonCut-Secret-12345"}', 'application/json')),
    args: ['--max-body-bytes', '40'],
  },
  {
    name: 'form-cut-at-max-body-bytes',
    secrets: ['FormCut-Secret-1234567'],
    packets: http(form('user=ann&password=FormCut-Secret-123456789012345&x=1')),
    args: ['--max-body-bytes', '40'],
  },
  {
    name: 'form-percent-encoded-every-byte',
    secrets: ['Pct-Secret'],
    packets: http(`GET /?password=${[...'Pct-Secret'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}&q=%2fx HTTP/1.1\r\nHost: shop\r\n\r\n`),
  },
  { name: 'form-short-password', secrets: ['pw=ab'], packets: http(form('user=ann&pw=ab')) },
  { name: 'form-key-field', secrets: ['k-3141592653'], packets: http(form('key=k-3141592653&name=ann')) },
  { name: 'json-body', secrets: ['Json-Secret-42'], packets: http(form('{"user":"ann","password":"Json-Secret-42"}', 'application/json')) },
  {
    name: 'referer-and-location-tokens',
    secrets: ['tok-referer-1', 'tok-location-2'],
    packets: http(
      'GET /next HTTP/1.1\r\nHost: shop\r\nReferer: http://shop/cb?token=tok-referer-1&x=1\r\n\r\n',
      'HTTP/1.1 302 Found\r\nLocation: http://shop/home?access_token=tok-location-2\r\nContent-Length: 0\r\n\r\n',
    ),
  },
  {
    name: 'cookies',
    secrets: ['Sess-Cookie-Val', 'New-Cookie-Val'],
    packets: http(
      'GET / HTTP/1.1\r\nHost: shop\r\nCookie: theme=dark; sid=Sess-Cookie-Val\r\n\r\n',
      'HTTP/1.1 200 OK\r\nSet-Cookie: id=New-Cookie-Val; HttpOnly\r\nContent-Length: 0\r\n\r\n',
    ),
  },
  { name: 'userinfo', secrets: ['Userinfo-Pw-5'], packets: http('GET http://bob:Userinfo-Pw-5@proxy.example/ HTTP/1.1\r\nHost: proxy.example\r\n\r\n') },
  {
    name: 'malformed-request-line',
    secrets: ['Broken-Line-Pw'],
    packets: http('GET /a?password=Broken-Line-Pw HTTP/1.1 extra words\r\nHost: shop\r\n\r\n'),
  },
  {
    name: 'basic-authorization',
    secrets: ['Basic-Pw-6'],
    packets: http(`GET / HTTP/1.1\r\nHost: shop\r\nAuthorization: Basic ${Buffer.from('ann:Basic-Pw-6').toString('base64')}\r\n\r\n`),
  },
];

const forms = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  Buffer.from(secret).toString('hex'),
];

/** Every output file under a folder, as text (PDFs through pdftotext). */
function outputs(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const path = join(dir, f.name);
    if (f.isDirectory()) return outputs(path);
    return [{ file: f.name, text: f.name.endsWith('.pdf') ? execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }) : readFileSync(path, 'utf8') }];
  });
}

describe('no secret in any output', () => {
  it('for every way of sending one in the table, in json, md, html, pdf and summary.csv', () => {
    const out = tempDir();
    const groups = new Map<string, LeakCase[]>();
    for (const c of CASES) groups.set((c.args ?? []).join(' '), [...(groups.get((c.args ?? []).join(' ')) ?? []), c]);
    for (const [, cases] of groups) {
      const dir = tempDir();
      for (const c of cases) writeFileSync(join(dir, `${c.name}.pcap`), pcapFile(c.packets()));
      const into = join(out, String(cases[0]!.name));
      const args = ['build', dir, '--format', 'json,md,html,pdf', '--out', into, ...(cases[0]!.args ?? [])];
      const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const files = outputs(into);
      expect(files.map((f) => f.file)).toContain('summary.csv');
      for (const c of cases) {
        const own = files.filter((f) => f.file.startsWith(c.name) || f.file.startsWith('summary') || f.file.endsWith('.svg'));
        for (const secret of c.secrets)
          for (const form of forms(secret)) for (const f of own) expect(f.text.includes(form), `${c.name}: ${form} in ${f.file}`).toBe(false);
      }
    }
    const modelOf = (name: string) => {
      const group = CASES.find((c) => c.name === name)!.args?.join(' ') ?? '';
      return JSON.parse(readFileSync(join(out, groups.get(group)![0]!.name, `${name}.json`), 'utf8'));
    };
    // The damaged and untyped forms are read from what is there: their password fields masked and counted as credentials.
    for (const [name, fields] of [
      ['form-without-content-type', ['user', 'password']],
      ['form-cut-by-a-gap', ['user', 'password', 'x']],
      ['form-gap-inside-the-name', ['user', 'pa', 'x']], // the field the gap cut into is left out
      ['form-cut-at-max-body-bytes', ['user', 'password']],
      ['multipart-cut-by-a-gap', ['user', 'password', 'cv']],
    ] as const) {
      const request = modelOf(name).http.exchanges[0].request;
      expect(
        request.body.form.map((f: { name: string }) => f.name),
        name,
      ).toEqual(fields);
      if (fields.includes('password' as never))
        expect(
          request.credentials.map((c: { source: string }) => c.source),
          name,
        ).toEqual(['password']);
    }
    expect(modelOf('form-without-content-type').http.exchanges[0].request.body.form[1]).toMatchObject({ value: MASK, masked: true });
    expect(modelOf('json-cut-at-max-body-bytes').http.exchanges[0].request.body.text).toBe(`{"user":"ann","password":"${MASK}"`);
    // Masking is by position: a secret equal to another field's text leaves that field alone.
    const model = modelOf('pop3-second-pass');
    expect(model.capture.format).toBe('pcap');
    expect(model.pop3.sessions[0].auth.map((a: { success: boolean }) => a.success)).toEqual([false, true]);
  }, 180_000); // two class builds with PDFs, on a machine others share

  it('a secret that is also an ordinary word of the model does not rewrite the model', () => {
    const file = tempFile('pcap-password.pcap', pcapFile(http('GET /?password=pcap HTTP/1.1\r\nHost: shop\r\n\r\n')()));
    const out = tempDir();
    expect(spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', file, '--format', 'json', '--out', out]).status).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'pcap-password.json'), 'utf8'));
    expect(model.capture.format).toBe('pcap');
    expect(model.http.exchanges[0].request.uri).toBe(`/?password=${MASK}`);
  });
});

describe('the maskers, by position', () => {
  it('mask password-like parameters however they are encoded, and only those', () => {
    expect(maskParameters('/a?user=ann&password=%70%77%21&pw=x&q=ok', false).text).toBe(`/a?user=ann&password=${MASK}&pw=${MASK}&q=ok`);
    expect(maskParameters('/a?user=ann&password=%70%77%21', false).secrets).toEqual([{ name: 'password', value: 'pw!', asSent: '%70%77%21' }]);
  });
  it('mask a URL userinfo, every cookie value and JSON secrets', () => {
    expect(maskUserinfo('see http://bob:s3cr%65t@host/x', false).text).toBe(`see http://bob:${MASK}@host/x`);
    expect(maskCookies('a=1; sid=abc', false).text).toBe(`a=${MASK}; sid=${MASK}`);
    expect(maskJson('{"password": "p\\"w", "n": 1, "api_key": 42}', false).text).toBe(`{"password": "${MASK}", "n": 1, "api_key": "${MASK}"}`);
  });
  it('mask the exact texts a secret travelled as, %-escapes in either case, in the raw text views only', () => {
    const r = new Redactor(false);
    r.add('Pa/ss', 'Pa%2fss');
    expect(r.redact('x Pa%2Fss y Pa%2fss z')).toBe(`x ${MASK} y ${MASK} z`);
    expect(r.redactModel({ format: 'Pa/ss', body: { text: 'a Pa/ss' } })).toEqual({ format: 'Pa/ss', body: { text: `a ${MASK}` } });
  });
});
