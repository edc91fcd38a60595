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
    const dir = tempDir();
    for (const c of CASES) writeFileSync(join(dir, `${c.name}.pcap`), pcapFile(c.packets()));
    const out = tempDir();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', dir, '--format', 'json,md,html,pdf', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const files = outputs(out);
    expect(files.map((f) => f.file)).toContain('summary.csv');
    for (const c of CASES) {
      const own = files.filter((f) => f.file.startsWith(c.name) || f.file.startsWith('summary') || f.file.endsWith('.svg'));
      for (const secret of c.secrets)
        for (const form of forms(secret)) for (const f of own) expect(f.text.includes(form), `${c.name}: ${form} in ${f.file}`).toBe(false);
    }
    // Masking is by position: a secret equal to another field's text leaves that field alone.
    const model = JSON.parse(readFileSync(join(out, 'pop3-second-pass.json'), 'utf8'));
    expect(model.capture.format).toBe('pcap');
    expect(model.pop3.sessions[0].auth.map((a: { success: boolean }) => a.success)).toEqual([false, true]);
  });

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
