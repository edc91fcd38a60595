import { isSecretName, type Redactor } from '../secrets.js';
import type { Credentials } from './schema.js';

/*
 * Credentials an HTTP request carries: the Authorization header's schemes and
 * password-like form and query fields. Each secret is registered with the redactor.
 */

/** Credentials in an Authorization or Proxy-Authorization header value. */
export function headerCredentials(source: string, value: string, redactor: Redactor): Credentials {
  const [scheme = '', ...rest] = value.trim().split(/\s+/);
  const param = rest.join(' ');
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(param, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
    const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    redactor.add(secret, param);
    return { source, scheme: 'Basic', user, encoding: 'base64', secretLength: [...secret].length, secret: redactor.shown(secret) };
  }
  if (scheme.toLowerCase() === 'digest') {
    const user = /username="([^"]*)"/i.exec(param)?.[1] ?? null;
    const response = /response="?([0-9a-f]+)"?/i.exec(param)?.[1] ?? '';
    redactor.add(response);
    return { source, scheme: 'Digest', user, encoding: 'hashed', secretLength: response.length, secret: redactor.shown(response) };
  }
  redactor.add(param);
  return { source, scheme: scheme || 'unknown', user: null, encoding: 'token', secretLength: param.length, secret: redactor.shown(param) };
}

/** Credentials in password-like fields of a form or query string. */
export function fieldCredentials(where: 'form' | 'query', fields: { name: string; value: string | null }[], redactor: Redactor): Credentials[] {
  const out: Credentials[] = [];
  for (const f of fields) {
    if (!isSecretName(f.name) || f.value === null || f.value === '') continue;
    redactor.add(f.value);
    out.push({
      source: f.name,
      scheme: where,
      user: null,
      encoding: where === 'query' ? 'url-encoded (query string)' : 'form field',
      secretLength: [...f.value].length,
      secret: redactor.shown(f.value),
    });
  }
  return out;
}
