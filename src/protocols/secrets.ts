/*
 * Secrets never reach a report unless the user asks (--reveal-secrets). Each is masked
 * where it is carried, in two ways:
 *
 * - by position, in the structures that carry it: a form or query field's value, a
 *   password-like parameter inside a URI, a Referer or a Location, every cookie's value,
 *   a JSON body's password-like values, a URL's userinfo, an Authorization header's
 *   credentials, the argument of POP3's PASS and APOP, the SASL lines of a login. This
 *   masks a secret of any length and however it was encoded, and nothing else;
 * - in the raw text views of captured data (body texts, header values, dialogue lines,
 *   warnings: the model's CAPTURED_TEXT keys, never its structural fields), by the exact
 *   texts the secret travelled as, and its usual encodings (URL-encoding in either case,
 *   base64, hex): a safety net for a secret quoted where no parser looked.
 *
 * A body's text is masked before it is cut at its limit, so half a secret never shows.
 */

/** Shown instead of a secret. */
export const MASK = '••••••••';

/** Field, parameter and key names that hold secrets: passwords, tokens, keys, sessions. */
const SECRET_NAME =
  /pass(word|wd|phrase|code)?|pwd|secret|token|api[-_]?key|access[-_]?key|credential|session|^(pw|pin|key|otp|auth|sid|jwt)$|(^|[-_])auth($|[-_])/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Shorter secrets are masked only at their positions: masking them in free text would hit ordinary words and digits. */
const MIN_REDACTED_LENGTH = 3;

/**
 * The model's keys whose string values are captured text as sent (raw text views): only
 * these are searched for secrets' texts. Structural fields ("format", "kind", "mediaType",
 * the lab's ids…) are never touched, so a secret that happens to be "pcap" cannot rewrite them.
 */
const CAPTURED_TEXT = new Set([
  'value',
  'text',
  'uri',
  'fullUri',
  'argument',
  'raw',
  'decoded',
  'info',
  'message',
  'subject',
  'from',
  'to',
  'cc',
  'banner',
  'greeting',
  'result',
  'reason',
  'filename',
  'domain',
  'params',
  'messageId',
  'date',
]);

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The usual forms a secret takes in captured text: as is, URL-encoded, base64, hex. */
function encodings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    new URLSearchParams({ x: secret }).toString().slice(2),
    b64(secret),
    b64(secret).replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('hex'),
  ];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text as a pattern that also matches it with %-escapes in either case (%2f and %2F). */
const caseInsensitiveEscapes = (form: string) =>
  escapeRegExp(form).replace(
    /%([0-9a-fA-F])([0-9a-fA-F])/g,
    (_m, a: string, b: string) => `%[${a.toLowerCase()}${a.toUpperCase()}][${b.toLowerCase()}${b.toUpperCase()}]`,
  );

/** Collects the secrets of a capture and masks them: at their positions (the mask functions below) and in the model's raw text views. */
export class Redactor {
  private readonly forms = new Set<string>();
  private pattern: RegExp | null = null;

  constructor(readonly reveal: boolean) {}

  /** Register a secret, with the exact texts it travelled as (a %-encoded value as sent, the base64 of "user:password"…). */
  add(secret: string, ...asSent: string[]): void {
    if (this.reveal || secret.length === 0) return;
    for (const f of [...encodings(secret), ...asSent]) if (f.length >= MIN_REDACTED_LENGTH) this.forms.add(f);
    this.pattern = null;
  }

  /** The secret as the model may show it: itself with --reveal-secrets, otherwise null. */
  shown(secret: string): string | null {
    return this.reveal ? secret : null;
  }

  /** A value as the model shows it at the position of a secret: the mask, unless --reveal-secrets. */
  masked(value: string): string {
    return this.reveal ? value : MASK;
  }

  /**
   * Mask every registered secret's texts in a raw text view. Values only: a text standing as a
   * name (followed by = or :, as in password=password or {"password": …}) is a field's name that
   * happens to equal the secret, and stays.
   */
  redact(text: string): string {
    if (this.forms.size === 0) return text;
    // Longest first, so a base64 blob is masked whole before any secret inside its decoding.
    this.pattern ??= new RegExp(
      `(?:${[...this.forms]
        .sort((a, b) => b.length - a.length)
        .map(caseInsensitiveEscapes)
        .join('|')})(?!"?[ \t]*[=:])`,
      'g',
    );
    return text.replace(this.pattern, MASK);
  }

  /** Mask the raw text views of a JSON-like model in place: the strings under CAPTURED_TEXT keys, and of arrays under them. */
  redactModel<T>(value: T): T {
    if (this.forms.size === 0) return value;
    const walk = (v: unknown, captured: boolean): unknown => {
      if (typeof v === 'string') return captured ? this.redact(v) : v;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i], captured);
        return v;
      }
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        for (const [k, x] of Object.entries(o)) o[k] = walk(x, CAPTURED_TEXT.has(k));
      }
      return v;
    };
    return walk(value, false) as T;
  }
}

/** Cut text at `maxBytes` of UTF-8, on a character boundary. */
export function cutText(text: string, maxBytes: number): { text: string; cut: boolean } {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return { text, cut: false };
  let s = Buffer.from(text).subarray(0, maxBytes).toString('utf8');
  if (s.endsWith('\uFFFD')) s = s.slice(0, -1);
  return { text: s, cut: true };
}

/** What masking found in a text: the text with its secrets masked, and each secret with the text it was sent as. */
export interface Masked {
  text: string;
  secrets: { name: string; value: string; asSent: string }[];
}

const decodeComponent = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** A URL-encoded text (a query string, a form body, a URI): the values of its password-like parameters masked where they stand. */
export function maskParameters(text: string, reveal: boolean): Masked {
  const secrets: Masked['secrets'] = [];
  const masked = text.replace(/(^|[?&;\s])([^=&;?#\s]{1,200})=([^&;#\s]*)/g, (whole, lead: string, rawName: string, rawValue: string) => {
    const name = decodeComponent(rawName);
    if (!isSecretName(name) || rawValue === '') return whole;
    secrets.push({ name, value: decodeComponent(rawValue), asSent: rawValue });
    return `${lead}${rawName}=${reveal ? rawValue : MASK}`;
  });
  return { text: masked, secrets };
}

/** A URL's userinfo password (http://user:password@host/): masked where it stands. */
export function maskUserinfo(text: string, reveal: boolean): Masked {
  const secrets: Masked['secrets'] = [];
  const masked = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s:]*):([^/?#@\s]*)@/gi, (whole, scheme: string, user: string, password: string) => {
    if (password === '') return whole;
    secrets.push({ name: user, value: decodeComponent(password), asSent: password });
    return `${scheme}${user}:${reveal ? password : MASK}@`;
  });
  return { text: masked, secrets };
}

/** A Cookie header's value: every cookie's value masked (they are session tokens), the names kept. */
export function maskCookies(value: string, reveal: boolean): Masked {
  const secrets: Masked['secrets'] = [];
  const masked = value.replace(/(^|;\s*)([^=;\s]+)=([^;]*)/g, (whole, lead: string, name: string, v: string) => {
    if (v === '') return whole;
    secrets.push({ name, value: v, asSent: v });
    return `${lead}${name}=${reveal ? v : MASK}`;
  });
  return { text: masked, secrets };
}

/** A Set-Cookie header's value: the cookie's value masked, its attributes kept. */
export function maskSetCookie(value: string, reveal: boolean): Masked {
  const m = /^(\s*[^=;\s]+=)([^;]*)(.*)$/s.exec(value);
  if (!m || m[2] === '') return { text: value, secrets: [] };
  return { text: `${m[1]}${reveal ? m[2] : MASK}${m[3]}`, secrets: [{ name: m[1]!.trim().slice(0, -1), value: m[2]!, asSent: m[2]! }] };
}

/**
 * A JSON text: the string and number values of password-like keys masked where they stand,
 * also a string the text ends inside (a body cut by the capture or at a limit).
 */
export function maskJson(text: string, reveal: boolean): Masked {
  const secrets: Masked['secrets'] = [];
  const masked = text.replace(
    /("((?:[^"\\]|\\.){1,200})"\s*:\s*)("(?:[^"\\]|\\.)*(?:"|\\?$)|-?\d[\d.eE+-]*)/g,
    (whole, key: string, name: string, v: string) => {
      if (!isSecretName(name)) return whole;
      const value = v.startsWith('"') ? v.slice(1, v.length > 1 && v.endsWith('"') ? -1 : undefined) : v;
      if (value === '') return whole;
      secrets.push({ name, value, asSent: value });
      return `${key}${reveal ? v : `"${MASK}"`}`;
    },
  );
  return { text: masked, secrets };
}

/** Apply maskers to a text one after the other, registering what they found. */
export function maskAll(
  text: string,
  redactor: Redactor,
  ...maskers: ((t: string, reveal: boolean) => Masked)[]
): { text: string; secrets: Masked['secrets'] } {
  let current = text;
  const found: Masked['secrets'] = [];
  for (const mask of maskers) {
    const m = mask(current, redactor.reveal);
    current = m.text;
    found.push(...m.secrets);
  }
  for (const s of found) redactor.add(s.value, s.asSent);
  return { text: current, secrets: found };
}
