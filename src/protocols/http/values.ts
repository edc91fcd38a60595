import { format, type Language } from '../../knowledge/index.js';
import { httpUiEn, type HttpUiKey } from '../../knowledge/http/ui-en.js';
import { httpUiZh } from '../../knowledge/http/ui-zh.js';
import { userAgentText } from './user-agent.js';

/*
 * What a header field's value says, in the report's language: each Cache-Control
 * directive with its duration, the items of Accept-* lists with their q-values, the
 * charset of a Content-Type, the attributes of a Set-Cookie, Connection and Keep-Alive,
 * Expires against Date, strong and weak ETags, the Host's port. The words are in the
 * knowledge tables (src/knowledge/http/ui-*.ts); null when there is nothing to add to the field's own explanation.
 */

const UI: Record<Language, Record<HttpUiKey, string>> = { en: httpUiEn, zh: httpUiZh };

/** A duration in seconds in the largest whole unit: 2592000 → "30 days". */
export function durationText(seconds: number, lang: Language): string {
  const h = UI[lang];
  const n = (x: number) => x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  if (seconds >= 86400 && seconds % 86400 === 0) return format(h.valDays, n(seconds / 86400));
  if (seconds >= 3600 && seconds % 3600 === 0) return format(h.valHours, n(seconds / 3600));
  if (seconds >= 60 && seconds % 60 === 0) return format(h.valMinutes, n(seconds / 60));
  return format(h.valSeconds, n(seconds));
}

/** Split a header list at commas outside quoted strings. */
function items(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out.filter(Boolean);
}

/** "name;q=0.8;x=y" → name and q (1 when absent). */
function weighted(item: string): { name: string; q: number } {
  const [name = '', ...params] = item.split(';').map((p) => p.trim());
  const qParam = params.find((p) => /^q=/i.test(p));
  const q = qParam ? Number(qParam.slice(2)) : 1;
  return { name, q: Number.isFinite(q) ? q : 1 };
}

function languageName(tag: string, lang: Language): string | null {
  if (tag === '*') return null;
  try {
    const name = new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }).of(tag);
    return name && name !== tag ? name : null;
  } catch {
    return null;
  }
}

/** Accept, Accept-Encoding, Accept-Language, Accept-Charset: the items grouped by their q-values, best first. */
function qualityList(value: string, lang: Language, names: boolean): string | null {
  const h = UI[lang];
  const list = items(value).map(weighted);
  if (list.length < 2) return null;
  const label = (x: { name: string }) => {
    const human = names ? languageName(x.name, lang) : null;
    return human ? `${x.name} ${human}` : x.name;
  };
  if (list.every((x) => x.q === 1)) return `${list.map(label).join(', ')}: ${h.valEqual}`;
  const groups = new Map<number, string[]>();
  for (const x of [...list].sort((a, b) => b.q - a.q)) groups.set(x.q, [...(groups.get(x.q) ?? []), label(x)]);
  const ranked = [...groups].map(([q, group], i) =>
    i === 0 && q === 1 ? format(h.valFirstChoice, group.join(', ')) : format(h.valQuality, group.join(', '), q),
  );
  return format(h.valRanked, ranked.join('; '));
}

function cacheControl(value: string, lang: Language): string | null {
  const h = UI[lang];
  const parts = items(value).map((d) => {
    const [name = '', arg] = d.split('=').map((x) => x.trim().replace(/^"|"$/g, ''));
    const n = name.toLowerCase();
    if ((n === 'max-age' || n === 's-maxage') && arg && /^\d+$/.test(arg))
      return format(h.valMaxAge, arg, durationText(Number(arg), lang)).replace('max-age', n);
    const fixed: Record<string, string> = {
      'no-cache': h.valNoCache,
      'no-store': h.valNoStore,
      private: h.valPrivate,
      public: h.valPublic,
      'must-revalidate': h.valMustRevalidate,
      immutable: h.valImmutable,
    };
    return fixed[n] ?? format(h.valOtherDirective, d);
  });
  return parts.length ? parts.join('; ') : null;
}

function contentType(value: string, lang: Language): string | null {
  const h = UI[lang];
  const [type = '', ...params] = value.split(';').map((p) => p.trim());
  const param = (k: string) =>
    params
      .find((p) => p.toLowerCase().startsWith(`${k}=`))
      ?.slice(k.length + 1)
      .replace(/^"|"$/g, '');
  const charset = param('charset');
  const boundary = param('boundary');
  if (boundary) return format(h.valBoundary, type, boundary);
  if (charset) return format(h.valCharset, type, charset);
  return null;
}

function httpDate(value: string | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function setCookie(value: string, lang: Language): string {
  const h = UI[lang];
  const [pair = '', ...attrs] = value.split(';').map((p) => p.trim());
  const name = pair.split('=')[0] ?? '';
  const described = attrs.flatMap((a) => {
    const [k = '', v = ''] = a.split('=').map((x) => x.trim());
    switch (k.toLowerCase()) {
      case 'httponly':
        return [h.valCookieHttpOnly];
      case 'secure':
        return [h.valCookieSecure];
      case 'samesite':
        return [format(h.valCookieSameSite, v)];
      case 'path':
        return [format(h.valCookiePath, v)];
      case 'domain':
        return [format(h.valCookieDomain, v)];
      case 'expires':
        return [format(h.valCookieExpires, v)];
      case 'max-age':
        return /^\d+$/.test(v) ? [format(h.valCookieMaxAge, durationText(Number(v), lang))] : [];
      default:
        return [];
    }
  });
  return described.length ? format(h.valCookieAttrs, name, described.join(', ')) : format(h.valCookieName, name);
}

/** What the value of header `name` says; `others` are the other fields of the same message (Expires is read against Date). */
export function explainValue(name: string, value: string, lang: Language, others: readonly { name: string; value: string }[]): string | null {
  const h = UI[lang];
  const v = value.trim();
  const other = (n: string) => others.find((x) => x.name.toLowerCase() === n)?.value;
  switch (name.toLowerCase()) {
    case 'accept':
    case 'accept-encoding':
    case 'accept-charset':
      return qualityList(v, lang, false);
    case 'accept-language':
      return qualityList(v, lang, true);
    case 'cache-control':
      return cacheControl(v, lang);
    case 'content-type':
      return contentType(v, lang);
    case 'connection':
      return /^keep-alive$/i.test(v) ? h.valKeepAlive : /^close$/i.test(v) ? h.valClose : null;
    case 'keep-alive': {
      const timeout = /timeout=(\d+)/i.exec(v)?.[1];
      const max = /max=(\d+)/i.exec(v)?.[1];
      return timeout && max ? format(h.valKeepAliveParams, timeout, max) : null;
    }
    case 'etag':
    case 'if-none-match':
      return v.startsWith('W/') ? h.valWeakEtag : v.startsWith('"') ? h.valStrongEtag : null;
    case 'host': {
      const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(v);
      if (!m) return null;
      return m[2] ? format(h.valHostPort, m[1], m[2]) : format(h.valHostDefault, m[1]);
    }
    case 'expires': {
      const expires = httpDate(v);
      const date = httpDate(other('date'));
      if (expires === null || date === null) return null;
      return expires > date ? format(h.valExpiresAfter, durationText(Math.round((expires - date) / 1000), lang)) : h.valExpiresPast;
    }
    case 'set-cookie':
      return setCookie(v, lang);
    case 'cookie': {
      const names = v
        .split(';')
        .map((c) => c.trim().split('=')[0])
        .filter(Boolean);
      return names.length > 1 ? format(h.valCookies, names.length, names.join(', ')) : null;
    }
    case 'transfer-encoding':
      return /chunked/i.test(v) ? h.valChunked : null;
    case 'content-encoding':
      return format(h.valCodings, v);
    case 'user-agent':
      return userAgentText(v, lang);
    default:
      return null;
  }
}
