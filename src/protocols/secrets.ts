/*
 * Secrets never reach a report unless the user asks (--reveal-secrets): passwords in
 * HTTP Authorization, password-like form and query fields (and, for mail, AUTH and PASS).
 * Each secret found is masked wherever it appears in the model, in every encoding it
 * could travel in (plain, URL-encoded, base64, hex), so no output file holds it.
 */

/** Shown instead of a secret. */
export const MASK = '••••••••';

/** Field names that hold secrets. */
const SECRET_NAME = /pass(word|wd|phrase|code)?|pwd|secret|token|api[-_]?key|credential|^pin$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Shorter secrets are masked only in their own fields: masking them in free text would hit ordinary words and digits. */
const MIN_REDACTED_LENGTH = 3;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every form a secret could take in captured text. */
function encodings(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    new URLSearchParams({ x: secret }).toString().slice(2),
    b64(secret),
    b64(secret).replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('hex'),
    Buffer.from(secret, 'utf8').toString('hex').toUpperCase(),
  ]);
  return [...forms].filter((f) => f.length >= MIN_REDACTED_LENGTH);
}

/** Collects the secrets of a capture and masks them in any text. */
export class Redactor {
  private readonly forms = new Set<string>();
  private pattern: RegExp | null = null;

  constructor(readonly reveal: boolean) {}

  /** Register a secret, with any larger blobs it travelled in (e.g. the base64 of "user:password"). */
  add(secret: string, ...blobs: string[]): void {
    if (this.reveal || secret.length === 0) return;
    for (const f of [...encodings(secret), ...blobs.filter((b) => b.length >= MIN_REDACTED_LENGTH)]) this.forms.add(f);
    this.pattern = null;
  }

  /** The secret as the model may show it: itself with --reveal-secrets, otherwise null. */
  shown(secret: string): string | null {
    return this.reveal ? secret : null;
  }

  redact(text: string): string {
    if (this.forms.size === 0) return text;
    // Longest first, so a base64 blob is masked whole before any secret inside its decoding.
    this.pattern ??= new RegExp(
      [...this.forms]
        .sort((a, b) => b.length - a.length)
        .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, MASK);
  }

  /** Mask every string inside a JSON-like value, in place. */
  redactDeep<T>(value: T): T {
    if (this.forms.size === 0) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redact(v);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
        return v;
      }
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) (v as Record<string, unknown>)[k] = walk(x);
      }
      return v;
    };
    return walk(value) as T;
  }
}
