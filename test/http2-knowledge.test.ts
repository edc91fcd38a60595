import { describe, expect, it } from 'vitest';
import { http2En } from '../src/knowledge/http2/en.js';
import {
  HPACK_REPRESENTATIONS,
  HTTP2_CONCEPTS,
  HTTP2_ERROR_CODES,
  HTTP2_FLAGS,
  HTTP2_FRAME_TYPES,
  HTTP2_PSEUDO_HEADERS,
  HTTP2_SETTINGS,
  type Http2Texts,
} from '../src/knowledge/http2/facts.js';
import { http2Zh } from '../src/knowledge/http2/zh.js';
import type { Explanation, Reference } from '../src/knowledge/types.js';
import { ERROR_CODE, FLAG, FRAME_TYPE, SETTING } from '../src/protocols/http2/frames.js';
import type { HpackRepresentation } from '../src/protocols/http2/hpack.js';

/* The HTTP/2 knowledge tables: complete in both languages, citable, and covering every code the dissector names. */

const TABLES: { name: keyof Http2Texts; facts: Record<string, { ref: Reference }> }[] = [
  { name: 'frameTypes', facts: HTTP2_FRAME_TYPES },
  { name: 'flags', facts: HTTP2_FLAGS },
  { name: 'settings', facts: HTTP2_SETTINGS },
  { name: 'errorCodes', facts: HTTP2_ERROR_CODES },
  { name: 'pseudoHeaders', facts: HTTP2_PSEUDO_HEADERS },
  { name: 'hpack', facts: HPACK_REPRESENTATIONS },
  { name: 'concepts', facts: HTTP2_CONCEPTS },
];
const CJK = /[\u4e00-\u9fff]/;

describe('HTTP/2 knowledge', () => {
  for (const { name, facts } of TABLES) {
    for (const [lang, texts] of [
      ['en', http2En],
      ['zh', http2Zh],
    ] as const) {
      it(`${name}: every entry has a ${lang} title and text, and no text lacks a fact`, () => {
        const table = texts[name] as Record<string, Explanation>;
        expect(Object.keys(table).sort()).toEqual(Object.keys(facts).sort());
        for (const [id, e] of Object.entries(table)) {
          expect(e.title.trim(), `${name}.${id}`).not.toBe('');
          expect(e.text.trim(), `${name}.${id}`).not.toBe('');
          if (lang === 'zh') expect(e.text, `${name}.${id}`).toMatch(CJK);
        }
      });
    }
    it(`${name}: every reference names an RFC section`, () => {
      for (const [id, f] of Object.entries(facts)) expect(f.ref.rfc > 0 && /^\d+(\.\d+)*$/.test(f.ref.section ?? ''), `${name}.${id}`).toBe(true);
    });
  }

  it('explains every frame type, flag, setting and error code the dissector knows, with the same code', () => {
    for (const [n, code] of Object.entries(FRAME_TYPE)) expect(HTTP2_FRAME_TYPES[n as keyof typeof HTTP2_FRAME_TYPES]?.code, n).toBe(code);
    for (const [n, code] of Object.entries(FLAG)) expect(HTTP2_FLAGS[n as keyof typeof HTTP2_FLAGS]?.code, n).toBe(code);
    for (const [n, code] of Object.entries(SETTING)) expect(HTTP2_SETTINGS[`SETTINGS_${n}` as keyof typeof HTTP2_SETTINGS]?.code, n).toBe(code);
    for (const [n, code] of Object.entries(ERROR_CODE)) expect(HTTP2_ERROR_CODES[n as keyof typeof HTTP2_ERROR_CODES]?.code, n).toBe(code);
    const representations: HpackRepresentation[] = ['indexed', 'incremental', 'without-indexing', 'never-indexed'];
    for (const r of representations) expect(HPACK_REPRESENTATIONS[r]).toBeDefined();
  });

  it('RFC 9113 section 7 defines error codes 0x0 to 0xd, all of them explained', () => {
    expect(Object.values(HTTP2_ERROR_CODES).map((e) => e.code)).toEqual([...Array(14).keys()]);
  });
});

describe('HTTP/2 knowledge lookups', async () => {
  const { explainHttp2, http2SettingName } = await import('../src/knowledge/http2/index.js');
  it('explains by table and id, in each language, with the reference', () => {
    expect(explainHttp2('frameTypes', 'HEADERS', 'en')).toMatchObject({ title: 'HEADERS frame', ref: 'RFC 9113 §6.2' });
    expect(explainHttp2('pseudoHeaders', ':status', 'zh')).toMatchObject({ title: '状态码', ref: 'RFC 9113 第 8.3.2 节' });
    expect(explainHttp2('frameTypes', 'toString', 'en')).toBeNull();
    expect(http2SettingName(0x4)).toBe('SETTINGS_INITIAL_WINDOW_SIZE');
    expect(http2SettingName(0x99)).toBeNull();
  });
});
