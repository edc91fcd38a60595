import { explainStatus, format, type Language } from '../../knowledge/index.js';
import { answersEn, type AnswersKey } from '../../knowledge/http/answers-en.js';
import { answersZh } from '../../knowledge/http/answers-zh.js';
import type { LabTask } from '../../labs/profile.js';
import type { Block, ViewContext } from '../../render/context.js';
import type { Http, HttpExchange, HttpRequest, HttpResponse } from './schema.js';
import { explainValue } from './values.js';

/*
 * The answer blocks of Kurose & Ross's "Wireshark Lab: HTTP": one function per question,
 * each giving the answer in one sentence, the evidence (frames, header lines, values) and
 * where to see it in Wireshark, or, when the capture cannot answer, what to capture.
 *
 * Each of the lab's five parts is found in the capture by the handout's page its task
 * names in the profile (`page: HTTP-wireshark-file1.html`, under any host), and failing
 * that by the shape of the traffic: the first HTML page; a page fetched again with a
 * conditional GET; the page in the most TCP segments; the page whose images were fetched;
 * a 401 followed by a request with Authorization. The same functions give the model's
 * `lab.answers` (in the model's language) and the report's blocks (in the report's).
 */

type Words = Record<AnswersKey, string>;
const WORDS: Record<Language, Words> = { en: answersEn, zh: answersZh };

/** One piece of evidence: where it is, what Wireshark shows there (verbatim), and what it says. */
export interface Evidence {
  at: string;
  quote: string;
  note: string;
}

export interface Answer {
  /** The answer in one sentence; when `missing`, why the capture cannot answer and what to capture. */
  answer: string;
  missing: boolean;
  evidence: Evidence[];
  /** Where to see it in Wireshark: the display filter to type and the tree lines to expand. */
  wireshark: { filter: string; tree: string[] } | null;
  /** The frames cited, in order. */
  frames: number[];
}

/** An exchange with its request: the lab's parts are made of them. */
type Asked = HttpExchange & { request: HttpRequest };
type Answered = Asked & { response: HttpResponse };

const header = (m: { headers: { name: string; value: string }[] } | null | undefined, name: string): string | undefined =>
  m?.headers.find((h) => h.name.toLowerCase() === name)?.value;
const startLine = (q: HttpRequest) => `${q.method} ${q.uri} ${q.version}`;
const statusLine = (r: HttpResponse) => `${r.version} ${r.status} ${r.reason}`;
const wiresharkLine = (text: string) => `${text}\\r\\n`;
const HTTP_TREE = 'Hypertext Transfer Protocol';

/** The file a request asks for: the last segment of its path ("HTTP-wireshark-file1.html"). */
function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? '';
  return path.slice(path.lastIndexOf('/') + 1);
}

/** What a request asks for, as an answer names it: its file, or its path when that ends in "/". */
const shownName = (uri: string) => fileName(uri) || (uri.split(/[?#]/)[0] ?? '') || uri;

/**
 * Whether `text` matches `pattern`, where `*` stands for any characters, ignoring case.
 * Written by hand rather than as a RegExp, because the text is captured (hostile) and a
 * pattern with several stars would make a backtracking RegExp slow: this walk is linear
 * in the text for each star it backs up to.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < t.length) {
    if (i < p.length && p[i] !== '*' && p[i] === t[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

const asked = (http: Http): Asked[] => http.exchanges.filter((e): e is Asked => e.request !== null);
const gets = (http: Http): Asked[] => asked(http).filter((e) => e.request.method === 'GET');
const answered = (e: Asked | null | undefined): e is Answered => !!e?.response;
const isHtml = (e: Asked) => e.response?.body?.mediaType === 'text/html';
const sameResource = (a: Asked, b: Asked) => a.request.uri === b.request.uri && header(a.request, 'host') === header(b.request, 'host');
const named = (http: Http, page: string) => gets(http).filter((e) => wildcardMatch(page, fileName(e.request.uri)));

/** A request the browser made to show a page (rather than an object of one): Fetch metadata says so, or, without it, an Accept that puts HTML first. */
function isPageRequest(q: HttpRequest): boolean {
  const dest = header(q, 'sec-fetch-dest');
  if (dest !== undefined) return dest === 'document' || header(q, 'sec-fetch-mode') === 'navigate';
  return /^\s*text\/html/i.test(header(q, 'accept') ?? '');
}

/** Whether a request was made for the page: its Referer is the page, or the page's origin (what a browser sends to another site). */
function referredBy(q: HttpRequest, page: HttpRequest): boolean {
  const referer = header(q, 'referer');
  if (!referer) return false;
  const origin = `http://${(header(page, 'host') ?? '').toLowerCase()}`;
  return referer === page.fullUri || referer.toLowerCase() === origin || referer.toLowerCase() === `${origin}/`;
}

/** The GETs a page load made for the page's objects: after the page, from the same computer, referred by it, until the next page is asked for (a link followed from the page is a new page). */
function objectsOf(http: Http, page: Asked): Asked[] {
  const out: Asked[] = [];
  for (const e of gets(http)) {
    if (e.request.frame <= page.request.frame || e.client.ip !== page.client.ip) continue;
    if (isPageRequest(e.request)) break;
    if (referredBy(e.request, page.request)) out.push(e);
  }
  return out;
}

function isImage(e: Asked): boolean {
  if (/^favicon\.ico$/i.test(fileName(e.request.uri))) return false;
  const type = e.response?.body?.mediaType ?? header(e.response, 'content-type') ?? '';
  return /^image\//i.test(type) || header(e.request, 'sec-fetch-dest') === 'image' || /\.(png|jpe?g|gif|webp|svg|avif|bmp)$/i.test(fileName(e.request.uri));
}

const most = <T>(items: readonly T[], score: (x: T) => number): T | null =>
  items.reduce<T | null>((top, x) => (top === null || score(x) > score(top) ? x : top), null);

/** What a part of the lab is made of, and whether it was found by the page's name or stands in by the shape of the traffic. */
interface Found<T> {
  part: T | null;
  /** The shape it was found by, when the task named a page the capture does not hold. */
  standIn: AnswersKey | null;
}

function found<T>(page: string | undefined, byName: T | null, byShape: () => T | null, shape: AnswersKey): Found<T> {
  if (byName) return { part: byName, standIn: null };
  const part = byShape();
  return { part, standIn: page && part ? shape : null };
}

/** Part 1: the page's GET (the first, if the page was fetched more than once). */
function basicPart(http: Http, page: string | undefined): Found<Asked> {
  return found(
    page,
    page ? (named(http, page)[0] ?? null) : null,
    () => gets(http).find(isHtml) ?? gets(http).find((e) => isPageRequest(e.request)) ?? null,
    'shapeBasic',
  );
}

/** Part 2: the first GET of the page and the one after it (the reload, which should be conditional). */
function conditionalPart(http: Http, page: string | undefined): Found<{ first: Asked; second: Asked | null }> {
  const byName = page ? named(http, page) : [];
  const byShape = () => {
    const all = gets(http);
    const conditional = (e: Asked) => header(e.request, 'if-modified-since') !== undefined || header(e.request, 'if-none-match') !== undefined;
    const earlier = (e: Asked, ok: (x: Asked) => boolean) => all.filter((x) => x.request.frame < e.request.frame && sameResource(x, e) && ok(x));
    // A 304 after a 200 for the same resource, else any conditional GET after an earlier GET of it.
    const second =
      all.find((e) => e.response?.status === 304 && earlier(e, (x) => x.response?.status === 200).length > 0) ??
      all.find((e) => conditional(e) && earlier(e, () => true).length > 0);
    if (!second) return null;
    const before = earlier(second, (x) => x.response?.status === 200);
    return { first: before.at(-1) ?? earlier(second, () => true).at(-1)!, second };
  };
  return found(page, byName[0] ? { first: byName[0], second: byName[1] ?? null } : null, byShape, 'shapeConditional');
}

/** Part 3: the long page's GET, and every GET its load made. */
function longPart(http: Http, page: string | undefined): Found<{ page: Asked; gets: Asked[] }> {
  const load = (e: Asked | null) => (e ? { page: e, gets: [e, ...objectsOf(http, e)] } : null);
  const byShape = () => {
    const many = gets(http).filter((e) => (e.response?.segments.length ?? 0) > 1);
    const segments = (e: Asked) => e.response?.segments.length ?? 0;
    return load(most(many.filter(isHtml), segments) ?? most(many, segments));
  };
  return found(page, page ? load(named(http, page)[0] ?? null) : null, byShape, 'shapeLong');
}

/** Part 4: the page, the GETs its load made, and the images among them. */
function embeddedPart(http: Http, page: string | undefined): Found<{ page: Asked; objects: Asked[]; images: Asked[] }> {
  const load = (e: Asked | null) => {
    if (!e) return null;
    const objects = objectsOf(http, e);
    return { page: e, objects, images: objects.filter(isImage) };
  };
  const byShape = () => {
    const loads = gets(http)
      .filter((e) => isHtml(e) || isPageRequest(e.request))
      .map(load)
      .filter((l) => l !== null && l.images.length > 0);
    return most(loads, (l) => l!.images.length);
  };
  return found(page, page ? load(named(http, page)[0] ?? null) : null, byShape, 'shapeEmbedded');
}

/** Part 5: the GET answered 401 and the GET after it that carries Authorization. */
function authPart(http: Http, page: string | undefined): Found<{ first: Asked; authorized: Asked | null }> {
  const authorizedAfter = (first: Asked) =>
    asked(http).find((e) => e.request.frame > first.request.frame && sameResource(e, first) && header(e.request, 'authorization') !== undefined) ?? null;
  const byName = () => {
    const all = page ? named(http, page) : [];
    const challenged = all.find((e) => e.response?.status === 401);
    if (challenged) return { first: challenged, authorized: authorizedAfter(challenged) };
    // No 401: the browser may have sent the password at once, as it still remembered it.
    const sentAtOnce = all.find((e) => header(e.request, 'authorization') !== undefined);
    return sentAtOnce ? { first: sentAtOnce, authorized: sentAtOnce } : null;
  };
  const byShape = () => {
    const challenged = asked(http).filter((e) => e.response?.status === 401);
    const first = challenged.find((e) => authorizedAfter(e) !== null) ?? challenged[0];
    return first ? { first, authorized: authorizedAfter(first) } : null;
  };
  return found(page, byName(), byShape, 'shapeAuth');
}

/** Numbers, sizes, frames and lists in one language. */
class Say {
  readonly w: Words;

  constructor(readonly lang: Language) {
    this.w = WORDS[lang];
  }

  f(key: AnswersKey, ...args: unknown[]): string {
    return format(this.w[key], ...args);
  }

  num(n: number): string {
    return n.toLocaleString(this.lang === 'zh' ? 'zh-CN' : 'en-US');
  }

  bytes(n: number): string {
    return this.f(n === 1 ? 'byte' : 'bytes', this.num(n));
  }

  seconds(t: number): string {
    return this.f('seconds', t.toFixed(6));
  }

  /** "a, b and c" / "a、b 和 c". */
  list(items: readonly (string | number)[]): string {
    const s = items.map(String);
    return s.length < 2 ? (s[0] ?? '') : `${s.slice(0, -1).join(this.w.listSeparator)}${this.w.listLast}${s.at(-1)}`;
  }

  /** "frame 7", "frames 64 and 71": each frame once (messages can end in the same frame). */
  frames(frames: readonly number[]): string {
    const once = [...new Set(frames)];
    return once.length === 1 ? this.f('frame', once[0]) : this.f('frames', this.list(once));
  }

  /** A remark in parentheses: " (x)" / "（x）". */
  paren(x: string): string {
    return this.lang === 'zh' ? `（${x}）` : ` (${x})`;
  }

  at(frame: number): string {
    return this.f('at', frame);
  }

  pageName(page: string | undefined): string {
    return page ?? this.w.thePage;
  }

  cannot(key: AnswersKey, ...args: unknown[]): Answer {
    return { answer: this.f('cannot', this.f(key, ...args)), missing: true, evidence: [], wireshark: null, frames: [] };
  }
}

/** What every answer function is given: the capture's HTTP, the page the question's task names, and the language. */
interface Asking {
  http: Http;
  page: string | undefined;
  say: Say;
  /** Where the report explained a thing already ("see Task 1"), so that it is not explained again; the model's answers have none. */
  seen?: ((key: string) => string | null) | undefined;
}

const evidence = (at: string, quote: string, note = ''): Evidence => ({ at, quote, note });
const sorted = (frames: number[]) => [...new Set(frames)].sort((a, b) => a - b);

/** Lines of evidence shown for one answer (a page with many images has a GET each); the rest are counted. */
const EVIDENCE_LINES = 12;

/** The answer, with a first line of evidence saying which exchange stands in for a page the capture does not hold. */
function answer(a: Omit<Answer, 'missing'>, standIn: AnswersKey | null, ask: Asking): Answer {
  const note = standIn ? [evidence('', '', ask.say.f('standIn', ask.page, ask.say.w[standIn]))] : [];
  const more = a.evidence.length - EVIDENCE_LINES;
  const shown = more > 0 ? [...a.evidence.slice(0, EVIDENCE_LINES), evidence('', '', ask.say.f('moreEvidence', more))] : a.evidence;
  return { ...a, missing: false, evidence: [...note, ...shown], frames: sorted(a.frames) };
}

/** Part 1's answers need its GET, and most of them its response. */
function withBasic(ask: Asking, needsResponse: boolean, then: (e: Asked, standIn: AnswersKey | null) => Answer): Answer {
  const { part, standIn } = basicPart(ask.http, ask.page);
  if (!part) return ask.say.cannot('missingBasic', ask.say.pageName(ask.page));
  if (needsResponse && !part.response) return ask.say.cannot('missingResponse', part.request.frame);
  return then(part, standIn);
}

/** What a status code means, unless the report explained it already. */
function statusNote(r: HttpResponse, ask: Asking): string {
  const s = explainStatus(r.status, ask.say.lang);
  if (!s) return '';
  return ask.seen?.(`http-status-${r.status}`) ?? `${s.text}${ask.say.paren(s.ref)}`;
}

function ipLine(e: Asked): string {
  return `Internet Protocol Version ${e.client.ip.includes(':') ? 6 : 4}, Src: ${e.client.ip}, Dst: ${e.server.ip}`;
}

/** The body's size as the response declares it (Content-Length), else as captured: the captured body is shorter when the capture lost some of it. */
function bodySize(r: HttpResponse): number {
  const declared = header(r, 'content-length')?.trim() ?? '';
  return /^\d{1,15}$/.test(declared) ? Number(declared) : (r.body?.length ?? 0);
}

/** The frame's wire length from the packet list, when the model has it. */
function frameLength(http: Http, frame: number): number | null {
  const row = http.packets.find((p) => p.frame === frame);
  return row && row.length > 0 ? row.length : null;
}

const ANSWERS = {
  /** 1. The HTTP versions of the browser and of the server. */
  'kr-versions': (ask: Asking) =>
    withBasic(ask, false, (e, standIn) => {
      const q = e.request;
      const r = e.response;
      return answer(
        {
          answer: r ? ask.say.f('versions', q.version, q.frame, r.version, r.frame) : ask.say.f('versionsNoResponse', q.version, q.frame),
          evidence: [
            evidence(ask.say.at(q.frame), wiresharkLine(startLine(q)), ask.say.w.noteRequestLine),
            ...(r ? [evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), ask.say.w.noteStatusLine)] : []),
          ],
          wireshark: {
            filter: 'http',
            tree: [
              `${HTTP_TREE} › ${wiresharkLine(startLine(q))} › Request Version`,
              ...(r ? [`${HTTP_TREE} › ${wiresharkLine(statusLine(r))} › Response Version`] : []),
            ],
          },
          frames: [q.frame, ...(r ? [r.frame] : [])],
        },
        standIn,
        ask,
      );
    }),

  /** 2. The languages the browser accepts. */
  'kr-languages': (ask: Asking) =>
    withBasic(ask, false, (e, standIn) => {
      const q = e.request;
      const value = header(q, 'accept-language');
      if (value === undefined)
        return answer(
          { answer: ask.say.f('languagesNone', q.frame), evidence: [], wireshark: { filter: 'http', tree: [HTTP_TREE] }, frames: [q.frame] },
          standIn,
          ask,
        );
      const tags = value
        .split(',')
        .map((t) => t.split(';')[0]!.trim())
        .filter(Boolean);
      return answer(
        {
          answer: ask.say.f(tags.length === 1 ? 'languagesOne' : 'languages', ask.say.list(tags), q.frame),
          evidence: [evidence(ask.say.at(q.frame), `Accept-Language: ${value}`, explainValue('accept-language', value, ask.say.lang, []) ?? '')],
          wireshark: { filter: 'http.accept_language', tree: [`${HTTP_TREE} › Accept-Language`] },
          frames: [q.frame],
        },
        standIn,
        ask,
      );
    }),

  /** 3. The IP addresses of the computer and of the server. */
  'kr-addresses': (ask: Asking) =>
    withBasic(ask, false, (e, standIn) =>
      answer(
        {
          answer: ask.say.f('addresses', e.client.ip, e.server.ip, e.request.frame),
          evidence: [evidence(ask.say.at(e.request.frame), ipLine(e), ask.say.w.noteIpHeader)],
          wireshark: {
            filter: 'http.request.method == "GET"',
            tree: [`Internet Protocol Version ${e.client.ip.includes(':') ? 6 : 4} › Source Address, Destination Address`],
          },
          frames: [e.request.frame],
        },
        standIn,
        ask,
      ),
    ),

  /** 4. The status code returned. */
  'kr-status': (ask: Asking) =>
    withBasic(ask, true, (e, standIn) => {
      const r = e.response!;
      return answer(
        {
          answer: ask.say.f('status', `${r.status} ${r.reason}`, r.frame),
          evidence: [evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), statusNote(r, ask))],
          wireshark: { filter: `http.response.code == ${r.status}`, tree: [`${HTTP_TREE} › ${wiresharkLine(statusLine(r))} › Status Code`] },
          frames: [r.frame],
        },
        standIn,
        ask,
      );
    }),

  /** 5. When the file was last modified. */
  'kr-last-modified': (ask: Asking) =>
    withBasic(ask, true, (e, standIn) => {
      const r = e.response!;
      const value = header(r, 'last-modified');
      return answer(
        {
          answer: value !== undefined ? ask.say.f('lastModified', value, r.frame) : ask.say.f('lastModifiedNone', r.frame),
          evidence: value !== undefined ? [evidence(ask.say.at(r.frame), `Last-Modified: ${value}`, ask.say.w.noteGmt)] : [],
          wireshark: { filter: 'http.last_modified', tree: [`${HTTP_TREE} › Last-Modified`] },
          frames: [r.frame],
        },
        standIn,
        ask,
      );
    }),

  /** 6. The bytes of content returned: the body's size, not the frame's. */
  'kr-content-length': (ask: Asking) =>
    withBasic(ask, true, (e, standIn) => {
      const r = e.response!;
      const declared = header(r, 'content-length');
      const body = r.body;
      const length = frameLength(ask.http, r.frame);
      const text = !body
        ? ask.say.f('noBody', r.frame)
        : declared !== undefined
          ? ask.say.f('contentLength', ask.say.bytes(bodySize(r)), declared.trim(), r.frame)
          : ask.say.f('contentLengthNone', ask.say.bytes(body.length), r.frame, ask.say.w[body.framing === 'chunked' ? 'framingChunked' : 'framingClose']);
      return answer(
        {
          answer: text,
          evidence: [
            ...(declared !== undefined ? [evidence(ask.say.at(r.frame), `Content-Length: ${declared.trim()}`, ask.say.w.noteContentLength)] : []),
            ...(body ? [evidence(ask.say.at(r.frame), `File Data: ${body.length} bytes`, ask.say.w.noteFileData)] : []),
            ...(length ? [evidence('', `Frame ${r.frame}: ${length} bytes on wire (${length * 8} bits)`, ask.say.w.noteFrameLength)] : []),
          ],
          wireshark: {
            filter: 'http.content_length',
            tree: [`${HTTP_TREE} › Content-Length › [Content length: ${declared?.trim() ?? '…'}]`, `${HTTP_TREE} › File Data`],
          },
          frames: [r.frame],
        },
        standIn,
        ask,
      );
    }),

  /** 7. Header lines in the raw data that the packet list does not show. */
  'kr-hidden-headers': (ask: Asking) =>
    withBasic(ask, true, (e, standIn) => {
      const q = e.request;
      const r = e.response!;
      const info = ask.http.packets.find((p) => p.frame === r.frame)?.info ?? statusLine(r);
      const names = r.headers.map((h) => h.name);
      if (names.length === 0)
        return answer({ answer: ask.say.f('hiddenHeadersNone', r.frame), evidence: [], wireshark: null, frames: [r.frame] }, standIn, ask);
      const requestInfo = ask.http.packets.find((p) => p.frame === q.frame)?.info ?? startLine(q);
      return answer(
        {
          answer: ask.say.f('hiddenHeaders', r.frame, names.length, ask.say.list(names.slice(0, 3))),
          evidence: [
            evidence(ask.say.at(r.frame), info, ask.say.w.noteInfoColumn),
            evidence(ask.say.at(r.frame), '', ask.say.f('noteHeaderLines', names.length, names.join(ask.say.w.listSeparator))),
            evidence(ask.say.at(q.frame), requestInfo, ask.say.f('noteRequestHeaders', q.headers.length)),
          ],
          wireshark: { filter: 'http', tree: [HTTP_TREE] },
          frames: [q.frame, r.frame],
        },
        standIn,
        ask,
      );
    }),

  /** 8. Whether the first GET of the page carries If-Modified-Since. */
  'kr-first-ims': (ask: Asking) => {
    const { part, standIn } = conditionalPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingConditional', ask.say.pageName(ask.page));
    const q = part.first.request;
    const ims = header(q, 'if-modified-since');
    const file = shownName(q.uri);
    return answer(
      {
        answer: ims === undefined ? ask.say.f('firstImsNo', file, q.frame) : ask.say.f('firstImsYes', file, q.frame, ims),
        evidence: [
          ims === undefined
            ? evidence(ask.say.at(q.frame), wiresharkLine(startLine(q)), ask.say.f('noteNoIms', q.headers.length))
            : evidence(ask.say.at(q.frame), `If-Modified-Since: ${ims}`),
        ],
        wireshark: { filter: `http.request.uri == "${q.uri}"`, tree: [HTTP_TREE] },
        frames: [q.frame],
      },
      standIn,
      ask,
    );
  },

  /** 9. Whether the server returned the file's contents, and how one can tell. */
  'kr-first-contents': (ask: Asking) => {
    const { part, standIn } = conditionalPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingConditional', ask.say.pageName(ask.page));
    const r = part.first.response;
    if (!r) return ask.say.cannot('missingResponse', part.first.request.frame);
    const body = r.body;
    const declared = header(r, 'content-length');
    return answer(
      {
        answer: body
          ? ask.say.f('firstContentsYes', r.frame, `${r.status} ${r.reason}`, ask.say.bytes(body.length), body.mediaType ?? '—')
          : ask.say.f('firstContentsNo', r.frame, `${r.status} ${r.reason}`),
        evidence: [
          evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), ask.say.w.noteStatusLine),
          ...(declared !== undefined ? [evidence(ask.say.at(r.frame), `Content-Length: ${declared.trim()}`, ask.say.w.noteContentLength)] : []),
          body
            ? evidence(ask.say.at(r.frame), `File Data: ${body.length} bytes`, ask.say.w.noteFileData)
            : evidence(ask.say.at(r.frame), '', ask.say.w.noteNoBody),
        ],
        wireshark: {
          filter: `http.response.code == ${r.status}`,
          tree: [`${HTTP_TREE} › File Data`, ...(body?.mediaType?.startsWith('text/') ? ['Line-based text data'] : [])],
        },
        frames: [r.frame],
      },
      standIn,
      ask,
    );
  },

  /** 10. Whether the second GET carries If-Modified-Since, and what follows it. */
  'kr-second-ims': (ask: Asking) => {
    const { part, standIn } = conditionalPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingConditional', ask.say.pageName(ask.page));
    if (!part.second) return ask.say.cannot('missingSecond', shownName(part.first.request.uri), part.first.request.frame);
    const q = part.second.request;
    const ims = header(q, 'if-modified-since');
    const inm = header(q, 'if-none-match');
    const origin = part.first.response;
    const lastModified = header(origin, 'last-modified');
    const fromOrigin = origin && ims !== undefined && lastModified === ims;
    const text =
      ims === undefined
        ? inm !== undefined
          ? ask.say.f('secondImsEtagOnly', q.frame, inm)
          : ask.say.f('secondImsNo', q.frame)
        : !fromOrigin
          ? ask.say.f('secondImsYesCached', q.frame, ims)
          : inm !== undefined
            ? ask.say.f('secondImsYesEtag', q.frame, ims, origin.frame, inm)
            : ask.say.f('secondImsYes', q.frame, ims, origin.frame);
    return answer(
      {
        answer: text,
        evidence: [
          ...(ims !== undefined ? [evidence(ask.say.at(q.frame), `If-Modified-Since: ${ims}`)] : [evidence(ask.say.at(q.frame), wiresharkLine(startLine(q)))]),
          ...(fromOrigin ? [evidence(ask.say.at(origin.frame), `Last-Modified: ${lastModified}`, ask.say.w.noteEchoes)] : []),
          ...(inm !== undefined ? [evidence(ask.say.at(q.frame), `If-None-Match: ${inm}`, origin ? ask.say.f('noteEtag', origin.frame) : '')] : []),
        ],
        wireshark: { filter: 'http.request.line contains "If-Modified-Since"', tree: [`${HTTP_TREE} › If-Modified-Since`] },
        frames: [q.frame, ...(fromOrigin ? [origin.frame] : [])],
      },
      standIn,
      ask,
    );
  },

  /** 11. The second response's status code and phrase, and whether it carried the file. */
  'kr-second-status': (ask: Asking) => {
    const { part, standIn } = conditionalPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingConditional', ask.say.pageName(ask.page));
    if (!part.second) return ask.say.cannot('missingSecond', shownName(part.first.request.uri), part.first.request.frame);
    const r = part.second.response;
    if (!r) return ask.say.cannot('missingResponse', part.second.request.frame);
    const status = `${r.status} ${r.reason}`;
    return answer(
      {
        answer:
          r.status === 304
            ? ask.say.f('secondStatus304', status, r.frame)
            : r.body
              ? ask.say.f('secondStatusBody', status, r.frame, ask.say.bytes(r.body.length))
              : ask.say.f('secondStatusOther', status, r.frame),
        evidence: [
          evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), statusNote(r, ask)),
          ...(r.body
            ? [evidence(ask.say.at(r.frame), `File Data: ${r.body.length} bytes`, ask.say.w.noteFileData)]
            : [evidence(ask.say.at(r.frame), '', ask.say.w.noteNoBody)]),
        ],
        wireshark: { filter: `http.response.code == ${r.status}`, tree: [`${HTTP_TREE} › ${wiresharkLine(statusLine(r))}`] },
        frames: [r.frame],
      },
      standIn,
      ask,
    );
  },

  /** 12. How many GETs the browser sent, and which frame holds the long page's. */
  'kr-long-gets': (ask: Asking) => {
    const { part, standIn } = longPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingLong', ask.say.pageName(ask.page));
    const q = part.page.request;
    const file = shownName(q.uri);
    return answer(
      {
        answer: part.gets.length === 1 ? ask.say.f('longGetsOne', file, q.frame) : ask.say.f('longGetsMany', part.gets.length, file, q.frame),
        evidence: part.gets.map((e) => evidence(ask.say.at(e.request.frame), wiresharkLine(startLine(e.request)))),
        wireshark: { filter: 'http.request.method == "GET"', tree: [`${HTTP_TREE} › ${wiresharkLine(startLine(q))}`] },
        frames: part.gets.map((e) => e.request.frame),
      },
      standIn,
      ask,
    );
  },

  /** 13. Which frame holds the response's status code and phrase. */
  'kr-long-status-frame': (ask: Asking) => {
    const { part, standIn } = longPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingLong', ask.say.pageName(ask.page));
    const r = part.page.response;
    if (!r) return ask.say.cannot('missingResponse', part.page.request.frame);
    const first = r.segments[0]?.frame ?? r.frame;
    const many = r.segments.length > 1;
    return answer(
      {
        answer: many
          ? ask.say.f('statusFrameMany', statusLine(r), first, r.segments.length + r.framesUnlisted, r.frame)
          : ask.say.f('statusFrameOne', r.frame, statusLine(r)),
        evidence: [
          ...(many ? [evidence(ask.say.at(first), '', ask.say.w.noteFirstSegment)] : []),
          evidence(ask.say.at(r.frame), ask.http.packets.find((p) => p.frame === r.frame)?.info ?? statusLine(r), many ? ask.say.w.noteShownAt : ''),
        ],
        wireshark: {
          filter: many ? `tcp.reassembled_in == ${r.frame} || frame.number == ${r.frame}` : `frame.number == ${r.frame}`,
          tree: many
            ? [
                `[${r.segments.length} Reassembled TCP Segments (${r.segments.reduce((n, x) => n + x.bytes, 0)} bytes): …] › [Frame: ${first}, payload: 0-${r.segments[0]!.bytes - 1} (${r.segments[0]!.bytes} bytes)]`,
              ]
            : [`${HTTP_TREE} › ${wiresharkLine(statusLine(r))}`],
        },
        frames: many ? [first, r.frame] : [r.frame],
      },
      standIn,
      ask,
    );
  },

  /** 14. The response's status code and phrase. */
  'kr-long-status': (ask: Asking) => {
    const { part, standIn } = longPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingLong', ask.say.pageName(ask.page));
    const r = part.page.response;
    if (!r) return ask.say.cannot('missingResponse', part.page.request.frame);
    return answer(
      {
        answer: ask.say.f('longStatus', r.status, r.reason, r.frame),
        evidence: [evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), statusNote(r, ask))],
        wireshark: { filter: `http.response.code == ${r.status}`, tree: [`${HTTP_TREE} › ${wiresharkLine(statusLine(r))} › Status Code, Response Phrase`] },
        frames: [r.frame],
      },
      standIn,
      ask,
    );
  },

  /** 15. How many data-carrying TCP segments carried the response. */
  'kr-long-segments': (ask: Asking) => {
    const { part, standIn } = longPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingLong', ask.say.pageName(ask.page));
    const r = part.page.response;
    if (!r) return ask.say.cannot('missingResponse', part.page.request.frame);
    const total = r.segments.reduce((n, s) => n + s.bytes, 0);
    const list = r.segments.map((s) => `#${s.frame}(${s.bytes})`).join(', ');
    const body = ask.say.bytes(bodySize(r));
    return answer(
      {
        answer:
          (r.body?.missingBytes ?? 0) > 0
            ? ask.say.f('segmentsLost', r.segments.length + r.framesUnlisted, ask.say.bytes(total), ask.say.bytes(r.body!.missingBytes), list)
            : r.segments.length > 1
              ? ask.say.f('segmentsMany', r.segments.length + r.framesUnlisted, ask.say.bytes(total), body, list)
              : ask.say.f('segmentsOne', r.frame, ask.say.bytes(total)),
        evidence:
          r.segments.length > 1
            ? [
                evidence(
                  ask.say.at(r.frame),
                  `[${r.segments.length} Reassembled TCP Segments (${total} bytes): ${list}]`,
                  ask.say.f('noteReassembled', ask.say.bytes(total), body),
                ),
              ]
            : [evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)))],
        wireshark: {
          filter: r.segments.length > 1 ? `tcp.reassembled_in == ${r.frame} || frame.number == ${r.frame}` : `frame.number == ${r.frame}`,
          tree: [r.segments.length > 1 ? `[${r.segments.length} Reassembled TCP Segments (${total} bytes): …]` : HTTP_TREE],
        },
        frames: r.segments.map((s) => s.frame),
      },
      standIn,
      ask,
    );
  },

  /** 16. How many GETs the browser sent, and to which addresses. */
  'kr-embedded-gets': (ask: Asking) => {
    const { part, standIn } = embeddedPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingEmbedded', ask.say.pageName(ask.page));
    const all = [part.page, ...part.objects];
    const byAddress = new Map<string, number[]>();
    for (const e of all) byAddress.set(e.server.ip, [...(byAddress.get(e.server.ip) ?? []), e.request.frame]);
    const role = (e: Asked) => ask.say.w[e === part.page ? 'roleThePage' : isImage(e) ? 'roleImage' : 'roleObject'];
    const groups = [...byAddress].map(([ip, frames]) => ask.say.f('getsTo', ask.say.frames(frames), ip));
    return answer(
      {
        answer:
          byAddress.size === 1
            ? ask.say.f('embeddedGetsOne', all.length, [...byAddress.keys()][0], ask.say.frames(all.map((e) => e.request.frame)))
            : ask.say.f('embeddedGets', all.length, byAddress.size, groups.join(ask.say.w.groupSeparator)),
        evidence: all.map((e) =>
          evidence(
            ask.say.at(e.request.frame),
            wiresharkLine(startLine(e.request)),
            ask.say.f('noteGet', role(e), e.server.ip, header(e.request, 'host') ?? '—', e.stream),
          ),
        ),
        wireshark: {
          filter: 'http.request.method == "GET"',
          tree: [`Internet Protocol Version ${part.page.client.ip.includes(':') ? 6 : 4} › Destination Address`, `${HTTP_TREE} › Host`],
        },
        frames: all.map((e) => e.request.frame),
      },
      standIn,
      ask,
    );
  },

  /** 17. Whether the images were fetched serially or in parallel: their connections, and their GETs' times against their responses'. */
  'kr-embedded-parallel': (ask: Asking) => {
    const { part, standIn } = embeddedPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingEmbedded', ask.say.pageName(ask.page));
    const images = [...part.images].sort((a, b) => a.request.time - b.request.time || a.request.frame - b.request.frame);
    if (images.length < 2) return ask.say.cannot('missingImages', part.page.request.frame, images.length);
    const streams = [...new Set(images.map((e) => e.stream))].sort((a, b) => a - b);
    // A GET sent before an earlier image had arrived: the browser did not wait for it. (An image whose answer was not captured tells nothing.)
    let overlap: { later: Asked; earlier: Answered } | null = null;
    for (let i = 1; i < images.length && !overlap; i++) {
      const earlier = images
        .slice(0, i)
        .filter(answered)
        .find((x) => x.response.time > images[i]!.request.time);
      if (earlier) overlap = { later: images[i]!, earlier };
    }
    const getFrames = ask.say.frames(images.map((e) => e.request.frame));
    const responses = images.filter(answered).map((e) => e.response.frame);
    const firstArrival = images.filter(answered).sort((a, b) => a.response.time - b.response.time)[0];
    const allBefore = firstArrival !== undefined && images.every((e) => e.request.time < firstArrival.response.time);
    let text: string;
    if (!overlap)
      text =
        streams.length === 1
          ? ask.say.f('serialOne', getFrames, ask.say.frames(responses), streams[0])
          : ask.say.f('serialMany', getFrames, ask.say.frames(responses), streams.length, ask.say.list(streams));
    else if (streams.length === 1) text = ask.say.f('pipelined', images.length, getFrames, streams[0]);
    else if (allBefore)
      text = ask.say.f('parallelAll', images.length, streams.length, ask.say.list(streams), getFrames, ask.say.frames([firstArrival.response.frame]));
    else
      text = ask.say.f(
        'parallelSome',
        images.length,
        streams.length,
        ask.say.list(streams),
        overlap.later.request.frame,
        overlap.earlier.request.frame,
        overlap.earlier.response?.frame ?? '—',
      );
    return answer(
      {
        answer: text,
        evidence: images.map((e) =>
          evidence(
            ask.say.at(e.request.frame),
            wiresharkLine(startLine(e.request)),
            e.response
              ? ask.say.f('noteImageTiming', ask.say.seconds(e.request.time), e.stream, e.response.frame, ask.say.seconds(e.response.time))
              : ask.say.f('noteImageNoAnswer', ask.say.seconds(e.request.time), e.stream),
          ),
        ),
        wireshark: {
          filter: `(${streams.map((s) => `tcp.stream == ${s}`).join(' || ')}) && http`,
          tree: ['Transmission Control Protocol › [Stream index]', `${HTTP_TREE} › [Time since request]`],
        },
        frames: [...images.map((e) => e.request.frame), ...responses],
      },
      standIn,
      ask,
    );
  },

  /** 18. The server's answer to the first GET of the protected page. */
  'kr-auth-challenge': (ask: Asking) => {
    const { part, standIn } = authPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingAuth', ask.say.pageName(ask.page));
    const r = part.first.response;
    if (!r) return ask.say.cannot('missingResponse', part.first.request.frame);
    const challenge = header(r, 'www-authenticate');
    const status = `${r.status} ${r.reason}`;
    return answer(
      {
        answer:
          r.status !== 401
            ? ask.say.f('challengeNot401', status, r.frame)
            : challenge !== undefined
              ? ask.say.f('challenge', status, r.frame, challenge)
              : ask.say.f('challengeNoHeader', status, r.frame),
        evidence: [
          evidence(ask.say.at(r.frame), wiresharkLine(statusLine(r)), statusNote(r, ask)),
          ...(challenge !== undefined ? [evidence(ask.say.at(r.frame), `WWW-Authenticate: ${challenge}`)] : []),
        ],
        wireshark: {
          filter: `http.response.code == ${r.status}`,
          tree: [`${HTTP_TREE} › ${r.status === 401 ? 'WWW-Authenticate' : wiresharkLine(statusLine(r))}`],
        },
        frames: [r.frame],
      },
      standIn,
      ask,
    );
  },

  /** 19. The new field of the second GET: Authorization, and what its Basic credentials decode to. */
  'kr-auth-field': (ask: Asking) => {
    const { part, standIn } = authPart(ask.http, ask.page);
    if (!part) return ask.say.cannot('missingAuth', ask.say.pageName(ask.page));
    if (!part.authorized) return ask.say.cannot('missingAuthorized', part.first.response?.frame ?? part.first.request.frame);
    const q = part.authorized.request;
    const value = header(q, 'authorization') ?? '';
    const basic = q.credentials.find((c) => c.source.toLowerCase() === 'authorization' && c.scheme === 'Basic');
    const user = basic?.user ?? '';
    const text = basic
      ? basic.secret !== null
        ? ask.say.f('authBasicRevealed', q.frame, user, basic.secret)
        : ask.say.f('authBasicMasked', q.frame, user, basic.secretLength)
      : ask.say.f('authOther', q.frame, value.split(/\s+/)[0] || '—');
    const decoded = basic ? (basic.secret !== null ? `${user}:${basic.secret}` : ask.say.f('noteSecretMasked', user, basic.secretLength)) : '';
    return answer(
      {
        answer: text,
        evidence: [evidence(ask.say.at(q.frame), `Authorization: ${value}`, basic ? ask.say.f('noteCredentials', decoded) : '')],
        wireshark: { filter: 'http.authorization', tree: [`${HTTP_TREE} › Authorization${basic ? ' › Credentials' : ''}`] },
        frames: [q.frame],
      },
      standIn,
      ask,
    );
  },
} satisfies Record<string, (ask: Asking) => Answer>;

export type AnswerBlock = keyof typeof ANSWERS;

/** The answer blocks the HTTP slice offers lab profiles ("kr-versions" for "http.kr-versions"). */
export const ANSWER_BLOCKS = Object.keys(ANSWERS) as AnswerBlock[];

const isAnswerBlock = (block: string): block is AnswerBlock => Object.prototype.hasOwnProperty.call(ANSWERS, block);

/** The answer of one block for a task's question, in `lang`; null for a block that is no answer block. */
export function answerOf(http: Http, block: string, page: string | undefined, lang: Language, seen?: Asking['seen']): Answer | null {
  return isAnswerBlock(block) ? ANSWERS[block]({ http, page, say: new Say(lang), seen }) : null;
}

/** The model's part of an answer (`lab.answers`): the sentence and the frames. */
export function modelAnswer(http: Http, block: string, task: LabTask, lang: Language): { answer: string; frames: number[] } | null {
  const a = answerOf(http, block, task.page, lang);
  return a && { answer: a.answer, frames: a.frames };
}

/** The report's answer blocks, worded in the report's language for the task being written. */
export const answerBlocks = Object.fromEntries(
  ANSWER_BLOCKS.map((block) => [
    block,
    (http: Http, ctx: ViewContext): Block => {
      const page = ctx.lab?.tasks.find((t) => t.id === ctx.place.id)?.page;
      const a = answerOf(http, block, page, ctx.lang, (key) => ctx.seen(key))!;
      const w = WORDS[ctx.lang];
      return {
        partial: 'answer',
        data: {
          ...a,
          labels: {
            answer: w.labelAnswer,
            evidence: w.labelEvidence,
            wireshark: w.labelWireshark,
            filter: w.labelFilter,
            expand: w.labelExpand,
            separator: w.treeSeparator,
            dash: w.noteDash,
          },
        },
      };
    },
  ]),
) as Record<AnswerBlock, (http: Http, ctx: ViewContext) => Block>;
