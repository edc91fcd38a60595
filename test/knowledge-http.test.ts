import { describe, expect, it } from 'vitest';
import { httpEn } from '../src/knowledge/http/en.js';
import {
  HTTP_HEADERS,
  HTTP_METHODS,
  HTTP_STATUS,
  HTTP_STATUS_CLASSES,
  type HttpHeaderId,
  type HttpMethodName,
  type HttpStatusClass,
  type HttpStatusCode,
  type HttpTexts,
} from '../src/knowledge/http/facts.js';
import { httpZh } from '../src/knowledge/http/zh.js';
import type { Explanation, Reference } from '../src/knowledge/types.js';

/*
 * The HTTP knowledge tables: every fact has words in both languages (the compiler checks
 * the keys, this checks the words are there), every reference is citable, and the tables
 * hold what RFC 9110 defines.
 */

/** Every status code RFC 9110 section 15 defines (15.2 to 15.6), written out from the RFC, not from the table. */
const RFC9110_STATUS_CODES = [
  100, 101, 200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412,
  413, 414, 415, 416, 417, 418, 421, 422, 426, 500, 501, 502, 503, 504, 505,
];

const LANGUAGES: [string, HttpTexts][] = [
  ['en', httpEn],
  ['zh', httpZh],
];

const headerIds = Object.keys(HTTP_HEADERS) as HttpHeaderId[];
const statusCodes = Object.keys(HTTP_STATUS).map(Number) as HttpStatusCode[];
const statusClasses = Object.keys(HTTP_STATUS_CLASSES) as HttpStatusClass[];
const methodNames = Object.keys(HTTP_METHODS) as HttpMethodName[];

const CJK = /[\u4e00-\u9fff]/;

function expectWords(explanation: Explanation | undefined, where: string, lang: string): void {
  expect(explanation, where).toBeDefined();
  expect(explanation!.title.trim(), `${where} title`).not.toBe('');
  expect(explanation!.text.trim(), `${where} text`).not.toBe('');
  if (lang === 'zh') expect(explanation!.text, `${where} text is Chinese`).toMatch(CJK);
}

function expectCitable(ref: Reference, where: string): void {
  if (ref.rfc > 0) {
    expect(Number.isInteger(ref.rfc), where).toBe(true);
    expect(ref.section, `${where} cites a section`).toMatch(/^\d+(\.\d+)*$/);
  } else {
    expect(ref.rfc, where).toBe(0);
    // A document by its name, or (for a field no document defines) a note saying so.
    expect(ref.source?.trim() || ref.note, `${where} names its source`).toBeTruthy();
  }
}

describe('HTTP knowledge: words for every fact', () => {
  for (const [lang, texts] of LANGUAGES) {
    it(`${lang} explains every header, status code, class and method`, () => {
      for (const id of headerIds) expectWords(texts.headers[id], `${lang} header ${id}`, lang);
      for (const code of statusCodes) expectWords(texts.status[code], `${lang} status ${code}`, lang);
      for (const cls of statusClasses) expectWords(texts.statusClasses[cls], `${lang} class ${cls}`, lang);
      for (const method of methodNames) expectWords(texts.methods[method], `${lang} method ${method}`, lang);
    });

    it(`${lang} has no entries the facts do not know`, () => {
      expect(Object.keys(texts.headers).sort()).toEqual([...headerIds].sort());
      expect(Object.keys(texts.status).map(Number).sort()).toEqual([...statusCodes].sort());
      expect(Object.keys(texts.statusClasses).sort()).toEqual([...statusClasses].sort());
      expect(Object.keys(texts.methods).sort()).toEqual([...methodNames].sort());
    });
  }

  it('English status titles are the reason phrases', () => {
    for (const code of statusCodes) expect(httpEn.status[code].title, `status ${code}`).toBe(HTTP_STATUS[code].reason);
  });

  it('method titles are the method names', () => {
    for (const method of methodNames) {
      expect(httpEn.methods[method].title).toBe(method);
      expect(httpZh.methods[method].title).toBe(method);
    }
  });
});

describe('HTTP knowledge: headers', () => {
  it('has at least 100 header fields', () => {
    expect(headerIds.length).toBeGreaterThanOrEqual(100);
  });

  it('keys are lower case and match the canonical name', () => {
    for (const id of headerIds) {
      expect(id, id).toBe(id.toLowerCase());
      expect(HTTP_HEADERS[id].name.toLowerCase(), id).toBe(id);
    }
  });

  it('every header cites its defining document', () => {
    for (const id of headerIds) expectCitable(HTTP_HEADERS[id].ref, `header ${id}`);
  });

  it('spot-checks section numbers against RFC 9110, 9111 and 9112', () => {
    expect(HTTP_HEADERS.accept.ref).toEqual({ rfc: 9110, section: '12.5.1' });
    expect(HTTP_HEADERS['content-type'].ref).toEqual({ rfc: 9110, section: '8.3' });
    expect(HTTP_HEADERS.host.ref).toEqual({ rfc: 9110, section: '7.2' });
    expect(HTTP_HEADERS['user-agent'].ref).toEqual({ rfc: 9110, section: '10.1.5' });
    expect(HTTP_HEADERS['if-none-match'].ref).toEqual({ rfc: 9110, section: '13.1.2' });
    expect(HTTP_HEADERS.etag.ref).toEqual({ rfc: 9110, section: '8.8.3' });
    expect(HTTP_HEADERS.connection.ref).toEqual({ rfc: 9110, section: '7.6.1' });
    expect(HTTP_HEADERS['cache-control'].ref).toEqual({ rfc: 9111, section: '5.2' });
    expect(HTTP_HEADERS['transfer-encoding'].ref).toEqual({ rfc: 9112, section: '6.1' });
  });

  it('says who sends each header', () => {
    expect(HTTP_HEADERS.host.role).toBe('request');
    expect(HTTP_HEADERS.server.role).toBe('response');
    expect(HTTP_HEADERS['content-type'].role).toBe('both');
  });
});

describe('HTTP knowledge: status codes', () => {
  it('has every status code RFC 9110 section 15 defines', () => {
    for (const code of RFC9110_STATUS_CODES) {
      expect(HTTP_STATUS, `status ${code}`).toHaveProperty(String(code));
      expect(HTTP_STATUS[code as HttpStatusCode].ref.rfc, `status ${code}`).toBe(9110);
    }
  });

  it('has the common extension codes', () => {
    for (const code of [102, 103, 207, 208, 226, 425, 428, 429, 431, 451, 506, 507, 508, 510, 511]) {
      expect(HTTP_STATUS, `status ${code}`).toHaveProperty(String(code));
    }
  });

  it('every code cites its defining document and sits in its class', () => {
    for (const code of statusCodes) {
      const { reason, ref } = HTTP_STATUS[code];
      expectCitable(ref, `status ${code}`);
      expect(reason.trim(), `status ${code}`).not.toBe('');
      expect(code).toBeGreaterThanOrEqual(100);
      expect(code).toBeLessThanOrEqual(599);
      const cls = `${Math.floor(code / 100)}xx` as HttpStatusClass;
      expect(HTTP_STATUS_CLASSES, `class of ${code}`).toHaveProperty(cls);
      // RFC 9110 defines each code in the subsection of its class: 404 in 15.5.5, under 15.5.
      if (ref.rfc === 9110) expect(ref.section!.startsWith(`${HTTP_STATUS_CLASSES[cls].ref.section}.`), `status ${code} section ${ref.section}`).toBe(true);
    }
  });

  it('reason phrases follow RFC 9110', () => {
    expect(HTTP_STATUS[404].reason).toBe('Not Found');
    expect(HTTP_STATUS[413].reason).toBe('Content Too Large');
    expect(HTTP_STATUS[422].reason).toBe('Unprocessable Content');
    expect(HTTP_STATUS[418]).toEqual({ reason: '(Unused)', ref: { rfc: 9110, section: '15.5.19' } });
  });

  it('has the five classes with their RFC 9110 sections', () => {
    expect(statusClasses.sort()).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx']);
    statusClasses.forEach((cls) => expect(HTTP_STATUS_CLASSES[cls].ref).toEqual({ rfc: 9110, section: `15.${Number(cls[0]) + 1}` }));
  });
});

describe('HTTP knowledge: methods', () => {
  it('has the RFC 9110 methods, PATCH and the WebDAV methods', () => {
    expect(methodNames.sort()).toEqual(
      [
        'GET',
        'HEAD',
        'POST',
        'PUT',
        'DELETE',
        'CONNECT',
        'OPTIONS',
        'TRACE',
        'PATCH',
        'PROPFIND',
        'PROPPATCH',
        'MKCOL',
        'COPY',
        'MOVE',
        'LOCK',
        'UNLOCK',
      ].sort(),
    );
  });

  it('every method cites its defining document', () => {
    for (const method of methodNames) expectCitable(HTTP_METHODS[method].ref, `method ${method}`);
  });

  it('safe and idempotent as RFC 9110 section 9.2 says', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'TRACE'] as const) {
      expect(HTTP_METHODS[method].safe, method).toBe(true);
      expect(HTTP_METHODS[method].idempotent, method).toBe(true);
    }
    for (const method of ['PUT', 'DELETE'] as const) {
      expect(HTTP_METHODS[method].safe, method).toBe(false);
      expect(HTTP_METHODS[method].idempotent, method).toBe(true);
    }
    expect(HTTP_METHODS.POST.safe).toBe(false);
    expect(HTTP_METHODS.POST.idempotent).toBe(false);
    // Every safe method is idempotent (RFC 9110 section 9.2.2).
    for (const method of methodNames) if (HTTP_METHODS[method].safe) expect(HTTP_METHODS[method].idempotent, method).toBe(true);
  });

  it('GET and HEAD are cacheable, PUT and DELETE are not', () => {
    expect(HTTP_METHODS.GET.cacheable).toBe(true);
    expect(HTTP_METHODS.HEAD.cacheable).toBe(true);
    expect(HTTP_METHODS.PUT.cacheable).toBe(false);
    expect(HTTP_METHODS.DELETE.cacheable).toBe(false);
  });

  it('request bodies: none for GET, HEAD and TRACE, expected for POST and PUT', () => {
    expect(HTTP_METHODS.GET.requestBody).toBe('none');
    expect(HTTP_METHODS.HEAD.requestBody).toBe('none');
    expect(HTTP_METHODS.TRACE.requestBody).toBe('none');
    expect(HTTP_METHODS.POST.requestBody).toBe('expected');
    expect(HTTP_METHODS.PUT.requestBody).toBe('expected');
  });
});

describe('the fixtures are covered', () => {
  it('every HTTP header field and EHLO keyword in the fixtures has an explanation in both languages', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { dissectCapture } = await import('../src/dissect.js');
    const { explainHeader, explainMail } = await import('../src/knowledge/index.js');
    const { PUBLIC_FIXTURES, OWN_FIXTURES } = await import('./helpers/files.js');
    const files = [
      ...readdirSync(PUBLIC_FIXTURES)
        .filter((f) => /\.pcapng?$/.test(f))
        .map((f) => join(PUBLIC_FIXTURES, f)),
      join(OWN_FIXTURES, 'lab.pcapng'),
    ];
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      const records = dissectCapture(file);
      for (const e of records.protocols.http.exchanges) {
        for (const m of [e.request, e.response, ...e.informational]) {
          for (const h of m?.headers ?? []) {
            seen++;
            for (const lang of ['en', 'zh'] as const) if (!explainHeader(h.name, lang)) missing.push(`${h.name} (${lang}, ${file})`);
          }
        }
      }
      for (const s of records.protocols.smtp.sessions) {
        for (const k of s.ehlo?.keywords ?? []) if (!explainMail('ehloKeywords', k.keyword, 'zh')) missing.push(`EHLO ${k.keyword} (${file})`);
      }
    }
    expect(seen).toBeGreaterThan(200); // the fixtures hold some 275 header fields: the check saw them
    expect(missing).toEqual([]);
  });
});
