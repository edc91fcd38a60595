import { describe, expect, it } from 'vitest';
import { decodeSasl } from '../src/protocols/mail/sasl.js';
import { newSasl } from '../src/protocols/mail/records.js';
import {
  cutText,
  isSecretName,
  MASK,
  maskAll,
  maskCookies,
  maskJson,
  maskParameters,
  maskSetCookie,
  maskUserinfo,
  Redactor,
} from '../src/protocols/secrets.js';

/*
 * Secrets (src/protocols/secrets.ts) as a unit: what registering a secret with the Redactor
 * masks in free text (every encoding it may have travelled in), what the maskers mask by
 * position (and what they leave), and that the model's structural fields are never rewritten.
 * The end-to-end checks (no secret in any output of a built report) are in secrets.test.ts.
 */

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

describe('the Redactor: a registered secret in every encoding', () => {
  const secret = 's3cr3t pa$$/word!';
  const r = new Redactor(false);
  r.add(secret);

  const forms: [string, string][] = [
    ['as is', secret],
    ['%-encoded (encodeURIComponent)', encodeURIComponent(secret)],
    ['%-encoded with + for spaces', encodeURIComponent(secret).replace(/%20/g, '+')],
    ['form-encoded (URLSearchParams)', new URLSearchParams({ x: secret }).toString().slice(2)],
    ['%-escapes in lower case', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['base64', b64(secret)],
    ['base64 without its padding', b64(secret).replace(/=+$/, '')],
    ['hex', hex(secret)],
  ];
  for (const [how, form] of forms) {
    it(`masks it ${how}, wherever it stands in a text, every time`, () => {
      if (how !== 'as is') expect(form, 'a form of its own').not.toBe(secret);
      expect(r.redact(`before ${form} middle ${form}`)).toBe(`before ${MASK} middle ${MASK}`);
      expect(r.redact(`<${form}>`)).toBe(`<${MASK}>`);
    });
  }

  it('masks the texts it was sent as, given when registered (a base64 blob holding it with a user name)', () => {
    const r2 = new Redactor(false);
    const blob = b64('\u0000ann\u0000hunter22');
    r2.add('hunter22', blob);
    expect(r2.redact(`AUTH PLAIN ${blob}`)).toBe(`AUTH PLAIN ${MASK}`);
    expect(r2.redact('hunter22')).toBe(MASK);
  });

  it('masks a base64 form whole before any shorter secret inside what it decodes to', () => {
    const r2 = new Redactor(false);
    r2.add('abc');
    r2.add('longer-secret', b64('xabcx'));
    expect(r2.redact(b64('xabcx'))).toBe(MASK);
  });

  it('leaves a secret’s text where it stands as a field’s name (password=password, "password": …)', () => {
    const r2 = new Redactor(false);
    r2.add('password');
    expect(r2.redact('password=password')).toBe(`password=${MASK}`);
    expect(r2.redact('{"password": "password"}')).toBe(`{"password": "${MASK}"}`);
    expect(r2.redact('password : x')).toBe('password : x');
  });

  it('masks nothing in text that does not hold it, and nothing at all for secrets too short to find in free text', () => {
    expect(r.redact('an ordinary line, s3cr3t alone')).toBe('an ordinary line, s3cr3t alone');
    const short = new Redactor(false);
    short.add('ab');
    short.add('');
    expect(short.redact('ab abc cab')).toBe('ab abc cab');
  });

  it('with --reveal-secrets registers nothing: texts stay, shown() and masked() give the secret back', () => {
    const reveal = new Redactor(true);
    reveal.add(secret);
    expect(reveal.redact(`x ${secret} ${b64(secret)}`)).toBe(`x ${secret} ${b64(secret)}`);
    expect(reveal.shown(secret)).toBe(secret);
    expect(reveal.masked(secret)).toBe(secret);
    expect(r.shown(secret)).toBeNull();
    expect(r.masked(secret)).toBe(MASK);
  });

  it('a secret added after a first redaction is found by the next one', () => {
    const r2 = new Redactor(false);
    r2.add('first-one');
    expect(r2.redact('second-one')).toBe('second-one');
    r2.add('second-one');
    expect(r2.redact('first-one second-one')).toBe(`${MASK} ${MASK}`);
  });

  it('a secret with pattern characters is matched as text, not as a pattern', () => {
    const r2 = new Redactor(false);
    r2.add('a.b*c');
    expect(r2.redact('aXbbbc a.b*c')).toBe(`aXbbbc ${MASK}`);
  });
});

describe('the Redactor on the model: captured text only, never the structure', () => {
  it('masks the raw text views (text, value, uri, info, params, …) and arrays under them, and nothing else', () => {
    const r = new Redactor(false);
    r.add('pcapng');
    const model = {
      capture: { format: 'pcapng', file: 'pcapng' },
      kind: 'pcapng',
      http: { exchanges: [{ request: { uri: '/?t=pcapng', headers: [{ name: 'pcapng', value: 'pcapng' }] } }] },
      warnings: [{ id: 'pcapng', message: 'saw pcapng', params: { text: 'pcapng', kind: 'pcapng', n: 3 } }],
      lines: { text: ['pcapng', 'other'] },
      number: 7,
      nothing: null,
    };
    // A warning's params are searched by their own keys: the captured text a warning quotes is its `text`.
    const out = r.redactModel(model);
    expect(out).toBe(model); // in place
    expect(out).toEqual({
      capture: { format: 'pcapng', file: 'pcapng' },
      kind: 'pcapng',
      http: { exchanges: [{ request: { uri: `/?t=${MASK}`, headers: [{ name: 'pcapng', value: MASK }] } }] },
      warnings: [{ id: 'pcapng', message: `saw ${MASK}`, params: { text: MASK, kind: 'pcapng', n: 3 } }],
      lines: { text: [MASK, 'other'] },
      number: 7,
      nothing: null,
    });
  });

  it('leaves the model untouched when no secret was registered', () => {
    const model = { text: 'anything' };
    expect(new Redactor(false).redactModel(model)).toEqual({ text: 'anything' });
  });
});

describe('masking by position', () => {
  it('secret names: passwords, tokens, keys, sessions; not ordinary words that contain a short one', () => {
    for (const name of ['password', 'passwd', 'user_pass', 'pwd', 'api-key', 'access_token', 'SESSIONID', 'pin', 'auth', 'x-auth-token', 'jwt'])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ['user', 'email', 'q', 'author', 'pinned', 'keyboard', 'page']) expect(isSecretName(name), name).toBe(false);
  });

  it('query and form parameters: the value however it was encoded, the name kept, other fields and empty values left', () => {
    const m = maskParameters('user=ann&pass%77ord=a%2Bb+c&token=&q=ok;pin=1234', false);
    expect(m.text).toBe(`user=ann&pass%77ord=${MASK}&token=&q=ok;pin=${MASK}`);
    expect(m.secrets).toEqual([
      { name: 'password', value: 'a+b c', asSent: 'a%2Bb+c' },
      { name: 'pin', value: '1234', asSent: '1234' },
    ]);
    expect(maskParameters('user=ann&password=x', true).text).toBe('user=ann&password=x');
  });

  it('a URL’s userinfo password, the user kept; a URL without one left', () => {
    expect(maskUserinfo('ftp://bob:p%40ss@host/ and http://host/a:b@c', false)).toEqual({
      text: `ftp://bob:${MASK}@host/ and http://host/a:b@c`,
      secrets: [{ name: 'bob', value: 'p@ss', asSent: 'p%40ss' }],
    });
    expect(maskUserinfo('http://bob:@host/', false).secrets).toEqual([]);
  });

  it('cookies: every value masked, the names kept; Set-Cookie: its value, the attributes kept', () => {
    expect(maskCookies('theme=dark; sid=abc123; empty=', false).text).toBe(`theme=${MASK}; sid=${MASK}; empty=`);
    expect(maskSetCookie('sid=abc123; Path=/; HttpOnly', false)).toEqual({
      text: `sid=${MASK}; Path=/; HttpOnly`,
      secrets: [{ name: 'sid', value: 'abc123', asSent: 'abc123' }],
    });
    expect(maskSetCookie('sid=; Path=/', false).text).toBe('sid=; Path=/');
  });

  it('JSON: the string and number values of secret keys, escapes included; other keys left', () => {
    const m = maskJson('{"user":"ann","password":"a\\"b","pin":1234,"note":"password"}', false);
    expect(m.text).toBe(`{"user":"ann","password":"${MASK}","pin":"${MASK}","note":"password"}`);
    expect(m.secrets.map((s) => s.value)).toEqual(['a\\"b', '1234']);
  });

  it('maskAll runs the maskers in turn and registers what they found, so the secret is masked in free text too', () => {
    const r = new Redactor(false);
    const m = maskAll('http://ann:topsecret@h/?api_key=k3y-value', r, maskUserinfo, maskParameters);
    expect(m.text).toBe(`http://ann:${MASK}@h/?api_key=${MASK}`);
    expect(r.redact(`echo topsecret ${b64('k3y-value')}`)).toBe(`echo ${MASK} ${MASK}`);
  });

  it('a SASL login decoded by position registers its secret in the forms it travelled in (AUTH LOGIN, PLAIN)', () => {
    const r = new Redactor(false);
    const login = newSasl('LOGIN', 10);
    login.responses.push({ text: b64('ann'), frame: 12 }, { text: b64('Tr0ub4dor'), frame: 14 });
    const auth = decodeSasl(login, r, true, '235 ok');
    expect(auth.user).toBe('ann');
    expect(JSON.stringify(auth)).not.toContain('Tr0ub4dor');
    expect(r.redact(`C: ${b64('Tr0ub4dor')}`)).toBe(`C: ${MASK}`);
    const plain = newSasl(`PLAIN ${b64('\u0000bob\u0000s3same')}`, 20);
    decodeSasl(plain, r, true, '235 ok');
    expect(r.redact(`AUTH PLAIN ${b64('\u0000bob\u0000s3same')}; s3same`)).toBe(`AUTH PLAIN ${MASK}; ${MASK}`);
  });
});

describe('cutText (a body’s text is masked before it is cut)', () => {
  it('cuts at a byte bound on a character boundary, and says whether it cut', () => {
    expect(cutText('abc', 3)).toEqual({ text: 'abc', cut: false });
    expect(cutText('中文字', 7)).toEqual({ text: '中文', cut: true });
    expect(cutText('中文字', 9)).toEqual({ text: '中文字', cut: false });
  });
});
