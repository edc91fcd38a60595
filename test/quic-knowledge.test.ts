import { describe, expect, it } from 'vitest';
import { quicEn } from '../src/knowledge/quic/en.js';
import { QUIC_CONCEPTS, QUIC_FRAMES, QUIC_LAB_STEPS, QUIC_PACKET_TYPES, QUIC_VERSIONS, type QuicTexts } from '../src/knowledge/quic/facts.js';
import { quicZh } from '../src/knowledge/quic/zh.js';
import type { Explanation, Reference } from '../src/knowledge/types.js';
import { QUIC_FRAME } from '../src/protocols/quic/frames.js';
import { QUIC_V1, QUIC_V2 } from '../src/protocols/quic/versions.js';

/* The QUIC knowledge tables: complete in both languages, citable, consistent with the dissector, with the lab's advice. */

const TABLES: { name: keyof QuicTexts; facts: Record<string, { ref: Reference }> }[] = [
  { name: 'versions', facts: QUIC_VERSIONS },
  { name: 'packetTypes', facts: QUIC_PACKET_TYPES },
  { name: 'frames', facts: QUIC_FRAMES },
  { name: 'concepts', facts: QUIC_CONCEPTS },
  { name: 'labSteps', facts: QUIC_LAB_STEPS },
];
const CJK = /[\u4e00-\u9fff]/;

describe('QUIC knowledge', () => {
  for (const { name, facts } of TABLES) {
    for (const [lang, texts] of [
      ['en', quicEn],
      ['zh', quicZh],
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
    it(`${name}: every reference names an RFC section or a source`, () => {
      for (const [id, f] of Object.entries(facts))
        expect((f.ref.rfc > 0 && /^\d+(\.\d+)*$/.test(f.ref.section ?? '')) || (f.ref.rfc === 0 && !!f.ref.source), `${name}.${id}`).toBe(true);
    });
  }

  it('names the versions and Initial frames the dissector reads, with the same codes', () => {
    expect(QUIC_VERSIONS.v1.code).toBe(QUIC_V1.version);
    expect(QUIC_VERSIONS.v2.code).toBe(QUIC_V2.version);
    for (const [n, code] of Object.entries(QUIC_FRAME)) expect(QUIC_FRAMES[n as keyof typeof QUIC_FRAMES]?.code, n).toBe(code);
  });

  it('tells how to turn QUIC off in each browser, in both languages, with the setting to change', () => {
    for (const texts of [quicEn, quicZh]) {
      expect(texts.labSteps.chrome.text).toContain('chrome://flags/#enable-quic');
      expect(texts.labSteps.chrome.text).toContain('--disable-quic');
      expect(texts.labSteps.edge.text).toContain('edge://flags/#enable-quic');
      expect(texts.labSteps.firefox.text).toContain('network.http.http3.enable');
    }
  });
});

describe('QUIC knowledge lookups', async () => {
  const { explainQuic } = await import('../src/knowledge/quic/index.js');
  it('explains by table and id, in each language', () => {
    expect(explainQuic('packetTypes', 'initial', 'en')).toMatchObject({ title: 'Initial packet', ref: 'RFC 9000 §17.2.2' });
    expect(explainQuic('labSteps', 'firefox', 'zh')!.ref).toContain('network.http.http3.enable');
    expect(explainQuic('frames', 'STREAM', 'en')).toBeNull();
  });
});
