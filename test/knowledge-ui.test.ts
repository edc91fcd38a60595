import { describe, expect, it } from 'vitest';
import { type UiKey, uiEn } from '../src/knowledge/ui/en.js';
import { uiZh } from '../src/knowledge/ui/zh.js';

/*
 * The report's own words: the Chinese strings have every English key, fill the same
 * placeholders, are written in Chinese, and keep code, option names and Wireshark's field
 * and header names exactly as the English has them.
 */

const keys = Object.keys(uiEn) as UiKey[];
const zh: Record<string, string> = uiZh;

/** Every match of a global pattern, as a sorted list without repeats. */
function all(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])].sort();
}

const PLACEHOLDER = /\{\d+\}/g;
const BACKTICKED = /`[^`]*`/g;
/** Command-line options such as --max-packet-rows. */
const OPTION = /--[a-z][a-z-]*/g;
/** Wireshark field names such as tcp.stream and http.time. */
const FIELD = /\b[a-z]+\.[a-z]{2,}[a-z_.]*\b/g;
/** HTTP header names such as Content-Length and If-None-Match. */
const HEADER = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b/g;
const CJK = /[\u3400-\u9fff]/;

describe('UI strings in Chinese', () => {
  it('has exactly the English keys, each with a non-empty string', () => {
    expect(Object.keys(uiZh).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(typeof zh[key], key).toBe('string');
      // Chinese writes two sentences one after the other, where English puts a space.
      if (key !== 'sentenceJoin') expect(zh[key]!.trim(), key).not.toBe('');
    }
  });

  it('fills the same placeholders as the English', () => {
    for (const key of keys) expect(all(zh[key]!, PLACEHOLDER), key).toEqual(all(uiEn[key], PLACEHOLDER));
  });

  it('is written in Chinese wherever the English is a phrase or a sentence', () => {
    for (const key of keys) {
      if (uiEn[key].trim().split(/\s+/).length > 3) expect(zh[key], key).toMatch(CJK);
    }
  });

  it('keeps code, option names, field names and header names unchanged', () => {
    for (const key of keys) {
      for (const pattern of [BACKTICKED, OPTION, FIELD, HEADER]) {
        for (const term of all(uiEn[key], pattern)) expect(zh[key], `${key}: ${term}`).toContain(term);
      }
    }
  });
});
