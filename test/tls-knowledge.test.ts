import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { explainSuite, explainTls, isGrease, parseSuiteName, suiteName, tlsName, tlsVersionName, TLS_FACTS } from '../src/knowledge/tls/index.js';
import { tlsEn } from '../src/knowledge/tls/en.js';
import { ALERTS, CIPHER_SUITES, EXTENSIONS, HANDSHAKE_TYPES } from '../src/knowledge/tls/facts.js';
import type { TlsTexts } from '../src/knowledge/tls/types.js';
import { tlsZh } from '../src/knowledge/tls/zh.js';
import type { Explanation } from '../src/knowledge/types.js';
import { suiteCrypto } from '../src/protocols/tls/suites.js';

const LANGUAGES: { lang: 'en' | 'zh'; texts: TlsTexts }[] = [
  { lang: 'en', texts: tlsEn },
  { lang: 'zh', texts: tlsZh },
];
const CJK = /[\u4e00-\u9fff]/;

let valueStrings: Map<string, Map<number, string>> | undefined;
/** Wireshark 4.0's value strings for a TLS field: code → name (`tshark -G values`, 89 MB, filtered to the tls fields by grep). */
function wiresharkValues(field: string): Map<number, string> {
  if (!valueStrings) {
    valueStrings = new Map();
    const out = execFileSync('sh', ['-c', "tshark -G values 2>/dev/null | grep -E '^V\ttls\\.'"], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const line of out.split('\n')) {
      const [, name, value, text] = line.split('\t');
      if (!name || text === undefined) continue;
      if (!valueStrings.has(name)) valueStrings.set(name, new Map());
      valueStrings.get(name)!.set(Number(value), text);
    }
  }
  return valueStrings.get(field) ?? new Map();
}

describe('TLS knowledge: texts', () => {
  for (const table of Object.keys(TLS_FACTS) as (keyof TlsTexts)[]) {
    for (const { lang, texts } of LANGUAGES) {
      it(`${table}: every entry has a ${lang} title and text, and no text without a fact`, () => {
        const words = texts[table] as Record<string, Explanation>;
        const facts = Object.keys(TLS_FACTS[table]).sort();
        expect(Object.keys(words).sort()).toEqual(facts);
        for (const id of facts) {
          expect(words[id]!.title.trim(), `${table}.${id} title (${lang})`).not.toBe('');
          // A sentence at least (Chinese needs fewer characters than English).
          expect(words[id]!.text.trim().length, `${table}.${id} text (${lang})`).toBeGreaterThan(lang === 'zh' ? 4 : 10);
          expect(words[id]!.text.trim(), `${table}.${id} text (${lang}) ends a sentence`).toMatch(/[.。)）]$/);
          if (lang === 'zh') expect(words[id]!.text, `${table}.${id} is translated`).toMatch(CJK);
        }
      });
    }
  }

  it('explains by code point with the reference in each language', () => {
    expect(explainTls('alerts', 48, 'en')).toMatchObject({ title: 'Unknown CA', ref: 'RFC 8446 §6.2' });
    expect(explainTls('alerts', 48, 'zh')).toMatchObject({ title: '未知的 CA', ref: 'RFC 8446 第 6.2 节' });
    expect(explainTls('extensions', 0, 'en')!.title).toMatch(/SNI/);
    expect(explainTls('versions', 0x0304, 'en')!.ref).toBe('RFC 8446');
    expect(explainTls('alerts', 255, 'en')).toBeNull(); // unknown: never an invented meaning
    expect(explainTls('extensions', 0x5a5a, 'en')!.title).toBe('GREASE');
    expect(explainTls('keylogRecipes', 'python', 'zh')!.text).toContain('keylog_filename');
  });
});

describe('TLS knowledge: names agree with Wireshark', () => {
  it('every cipher suite listed has the name Wireshark 4.0 gives its code point', () => {
    const ws = wiresharkValues('tls.handshake.ciphersuite');
    const codes = Object.keys(CIPHER_SUITES).map(Number);
    expect(codes.length).toBeGreaterThan(340);
    for (const code of codes) expect(CIPHER_SUITES[code]!.name, `0x${code.toString(16)}`).toBe(ws.get(code));
    // The suites of the recorded fixtures are all there.
    for (const code of [0x1301, 0x1302, 0x1303, 0x1304, 0x1305, 0xc02f, 0xc030, 0xcca8, 0x009e, 0xccaa, 0x009c, 0xc013, 0xc028, 0x006b, 0x002f, 0x003d, 0xc027])
      expect(CIPHER_SUITES[code], `0x${code.toString(16)}`).toBeDefined();
    for (let i = 0; i < 16; i++) expect(suiteName((i << 12) | 0x0a00 | (i << 4) | 0x0a)).toBe('GREASE');
  });

  it('alert and handshake type code points are the ones Wireshark names', () => {
    const alerts = wiresharkValues('tls.alert_message.desc');
    for (const code of Object.keys(ALERTS).map(Number)) expect(alerts.has(code), `alert ${code}`).toBe(true);
    const types = wiresharkValues('tls.handshake.type');
    for (const code of Object.keys(HANDSHAKE_TYPES)
      .map(Number)
      .filter((c) => c !== 254))
      expect(types.has(code), `handshake type ${code}`).toBe(true);
    const exts = wiresharkValues('tls.handshake.extension.type');
    // Wireshark 4.0 predates the newer ALPS code point (17613) and ECH's final one (65037: it has the older ESNI).
    for (const code of Object.keys(EXTENSIONS)
      .map(Number)
      .filter((c) => c !== 17613 && c !== 65037))
      expect(exts.has(code), `extension ${code}`).toBe(true);
    expect(tlsName('alerts', 0)).toBe('close_notify');
    expect(tlsName('handshakeTypes', 1)).toBe('client_hello');
    expect(tlsName('extensions', 0x1a1a)).toBe('GREASE');
    expect(tlsVersionName(0x0303)).toBe('TLS 1.2');
    expect(tlsVersionName(0x7f1c)).toBe('0x7f1c');
    expect(isGrease(0xfafa) && !isGrease(0xfafb)).toBe(true);
  });
});

describe('TLS knowledge: cipher suite names parsed into their parts', () => {
  it('every listed suite but the signalling and integrity-only ones parses', () => {
    const exceptions = new Set([0x00ff, 0x5600, 0xc0b4, 0xc0b5]);
    for (const [code, fact] of Object.entries(CIPHER_SUITES)) {
      const parts = parseSuiteName(fact.name);
      if (exceptions.has(Number(code))) expect(parts, fact.name).toBeNull();
      else expect(parts, fact.name).not.toBeNull();
    }
  });

  it('reads key exchange, authentication, cipher, MAC and PRF hash from the name', () => {
    expect(parseSuiteName('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384')).toMatchObject({
      tls13: false,
      keyExchange: 'ECDHE',
      authentication: 'RSA',
      cipher: 'AES_256_GCM',
      cipherFamily: 'AES_GCM',
      keyBits: 256,
      aead: true,
      mac: null,
      prfHash: 'SHA384',
    });
    expect(parseSuiteName('TLS_RSA_WITH_AES_128_CBC_SHA')).toMatchObject({
      keyExchange: 'RSA',
      cipherFamily: 'AES_CBC',
      aead: false,
      mac: 'SHA',
      prfHash: 'SHA256',
    });
    expect(parseSuiteName('TLS_DHE_RSA_WITH_AES_128_CCM_8')).toMatchObject({ keyExchange: 'DHE', cipher: 'AES_128_CCM_8', aead: true, prfHash: 'SHA256' });
    expect(parseSuiteName('TLS_RSA_EXPORT_WITH_RC4_40_MD5')).toMatchObject({ export: true, cipherFamily: 'RC4', keyBits: 40, mac: 'MD5' });
    expect(parseSuiteName('TLS_CHACHA20_POLY1305_SHA256')).toMatchObject({ tls13: true, keyExchange: 'TLS13', authentication: 'CERTIFICATE', keyBits: 256 });
    expect(parseSuiteName('TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256')).toMatchObject({ keyExchange: 'ECDHE', authentication: 'PSK', cipher: 'AES_128_CCM_8' });
    const e = explainSuite(0xc02f, 'zh')!;
    expect(e.name).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(e.ref).toBe('RFC 5289 第 3 节');
    expect(e.keyExchange!.title).toMatch(/ECDHE/);
    expect(e.cipher!.title).toBe('AES-GCM');
    expect(explainSuite(0x0a0a, 'en')!.name).toBe('GREASE');
    expect(explainSuite(0xfefe, 'en')).toBeNull(); // a pre-TLS FIPS suite: unknown, not invented
  });

  it('gives decryption parameters for exactly the AES-GCM, AES-CCM, ChaCha20 and AES-CBC suites', () => {
    expect(suiteCrypto(0x1301)!.cipher).toMatchObject({ mode: 'gcm', keyLength: 16, fixedIvLength: 12, recordIvLength: 0, tagLength: 16 });
    expect(suiteCrypto(0x1305)!.cipher).toMatchObject({ mode: 'ccm', tagLength: 8 });
    expect(suiteCrypto(0xc030)).toMatchObject({
      prfHash: 'sha384',
      macHash: null,
      cipher: { mode: 'gcm', keyLength: 32, fixedIvLength: 4, recordIvLength: 8 },
    });
    expect(suiteCrypto(0xcca8)!.cipher).toMatchObject({ mode: 'chacha', fixedIvLength: 12, recordIvLength: 0 });
    expect(suiteCrypto(0x0035)).toMatchObject({ macHash: 'sha1', macLength: 20, prfHash: 'sha256', cipher: { mode: 'cbc', keyLength: 32 } });
    expect(suiteCrypto(0xc028)).toMatchObject({ macHash: 'sha384', macLength: 48, prfHash: 'sha384' });
    expect(suiteCrypto(0x000a)!.cipher).toBeNull(); // 3DES: decoded, not decrypted
    expect(suiteCrypto(0x0005)!.cipher).toBeNull(); // RC4
    expect(suiteCrypto(0x1234)).toBeNull();
  });
});
