import { describe, expect, it } from 'vitest';
import type { Explanation, Reference } from '../src/knowledge/types.js';
import { mailEn } from '../src/knowledge/mail/en.js';
import {
  EHLO_KEYWORDS,
  ENHANCED_CLASSES,
  ENHANCED_STATUS,
  ENHANCED_SUBJECTS,
  MAIL_HEADERS,
  MIME_TYPES,
  POP3_CAPABILITIES,
  POP3_COMMANDS,
  POP3_INDICATORS,
  SASL_MECHANISMS,
  SMTP_COMMANDS,
  SMTP_REPLY_CODES,
  SMTP_REPLY_DIGITS,
  TRANSFER_ENCODINGS,
} from '../src/knowledge/mail/facts.js';
import type { MailTexts } from '../src/knowledge/mail/types.js';
import { mailZh } from '../src/knowledge/mail/zh.js';

/** Every facts table, paired with the key of its texts in MailTexts. */
const TABLES: { name: keyof MailTexts; facts: Record<string, { ref: Reference }> }[] = [
  { name: 'smtpCommands', facts: SMTP_COMMANDS },
  { name: 'smtpReplyCodes', facts: SMTP_REPLY_CODES },
  { name: 'smtpReplyDigits', facts: SMTP_REPLY_DIGITS },
  { name: 'enhancedClasses', facts: ENHANCED_CLASSES },
  { name: 'enhancedSubjects', facts: ENHANCED_SUBJECTS },
  { name: 'enhancedStatus', facts: ENHANCED_STATUS },
  { name: 'ehloKeywords', facts: EHLO_KEYWORDS },
  { name: 'saslMechanisms', facts: SASL_MECHANISMS },
  { name: 'pop3Commands', facts: POP3_COMMANDS },
  { name: 'pop3Indicators', facts: POP3_INDICATORS },
  { name: 'pop3Capabilities', facts: POP3_CAPABILITIES },
  { name: 'mailHeaders', facts: MAIL_HEADERS },
  { name: 'transferEncodings', facts: TRANSFER_ENCODINGS },
  { name: 'mimeTypes', facts: MIME_TYPES },
];

const LANGUAGES: { lang: string; texts: MailTexts }[] = [
  { lang: 'en', texts: mailEn },
  { lang: 'zh', texts: mailZh },
];

const CJK = /[\u4e00-\u9fff]/;

function textsOf(texts: MailTexts, table: keyof MailTexts): Record<string, Explanation> {
  return texts[table] as Record<string, Explanation>;
}

describe('mail knowledge: texts', () => {
  for (const { name, facts } of TABLES) {
    for (const { lang, texts } of LANGUAGES) {
      it(`${name}: every entry has a ${lang} title and text`, () => {
        const table = textsOf(texts, name);
        for (const id of Object.keys(facts)) {
          const e = table[id];
          expect(e, `${name}.${id} (${lang})`).toBeDefined();
          expect(e!.title.trim(), `${name}.${id} title (${lang})`).not.toBe('');
          expect(e!.text.trim(), `${name}.${id} text (${lang})`).not.toBe('');
          if (lang === 'zh') expect(e!.text, `${name}.${id} text (zh) has CJK`).toMatch(CJK);
        }
        // No text without a fact.
        expect(Object.keys(table).sort()).toEqual(Object.keys(facts).sort());
      });
    }
  }

  it('Chinese titles that are not just a protocol token contain CJK', () => {
    // Titles such as "PLAIN", "base64" or "text/plain" are names and stay untranslated.
    const untranslatable = /^[A-Za-z0-9+\-/=. ]+$/;
    for (const { name } of TABLES) {
      for (const [id, e] of Object.entries(textsOf(mailZh, name))) {
        if (!untranslatable.test(e.title)) expect(e.title, `${name}.${id}`).toMatch(CJK);
      }
    }
  });
});

describe('mail knowledge: references', () => {
  for (const { name, facts } of TABLES) {
    it(`${name}: every reference is well-formed`, () => {
      for (const [id, fact] of Object.entries(facts)) {
        const ref = fact.ref;
        const where = `${name}.${id}`;
        expect(Number.isInteger(ref.rfc), where).toBe(true);
        if (ref.rfc > 0) {
          if (ref.section !== undefined) expect(ref.section, where).toMatch(/^\d+(\.\d+)*$/);
        } else {
          expect(ref.rfc, where).toBe(0);
          // A document by its name, or (for a field no document defines) a note saying so.
          expect(ref.source?.trim() || ref.note, where).toBeTruthy();
          expect(ref.section, where).toBeUndefined();
        }
      }
    });
  }
});

describe('mail knowledge: SMTP', () => {
  it('has every reply code listed in RFC 5321 section 4.2.3', () => {
    // Transcribed from the RFC text, not from the table.
    const rfc5321 = [
      '211', '214', '220', '221', '250', '251', '252', '354', '421', '450', '451', '452', '455',
      '500', '501', '502', '503', '504', '550', '551', '552', '553', '554', '555',
    ]; // prettier-ignore
    for (const code of rfc5321) expect(SMTP_REPLY_CODES, code).toHaveProperty([code]);
  });

  it('has the SMTP AUTH (RFC 4954) and RFC 7504 reply codes', () => {
    for (const code of ['235', '334', '432', '454', '530', '534', '535', '538', '521', '556']) {
      expect(SMTP_REPLY_CODES, code).toHaveProperty([code]);
    }
  });

  it('reply codes are three digits with a first digit from 2 to 5', () => {
    for (const code of Object.keys(SMTP_REPLY_CODES)) {
      expect(code).toMatch(/^[2-5][0-9][0-9]$/);
    }
  });

  it('has the RFC 5321 commands, keyed by upper-case verb', () => {
    for (const verb of ['HELO', 'EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT']) {
      expect(SMTP_COMMANDS, verb).toHaveProperty([verb]);
    }
    for (const [verb, fact] of Object.entries(SMTP_COMMANDS)) {
      expect(verb).toBe(verb.toUpperCase());
      expect(fact.syntax.startsWith(verb), verb).toBe(true);
    }
    expect(SMTP_COMMANDS.MAIL.syntax).toBe('MAIL FROM:<reverse-path> [parameters]');
  });

  it('enhanced status codes are keyed subject.detail with a known subject', () => {
    for (const key of Object.keys(ENHANCED_STATUS)) {
      expect(key).toMatch(/^[0-7]\.(0|[1-9][0-9]{0,2})$/);
      expect(ENHANCED_SUBJECTS).toHaveProperty([key.split('.')[0]!]);
    }
    expect(Object.keys(ENHANCED_CLASSES).sort()).toEqual(['2', '4', '5']);
  });
});

describe('mail knowledge: POP3', () => {
  it('has every RFC 1939 command', () => {
    for (const cmd of ['USER', 'PASS', 'APOP', 'QUIT', 'STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL']) {
      expect(POP3_COMMANDS, cmd).toHaveProperty([cmd]);
      expect(POP3_COMMANDS[cmd as keyof typeof POP3_COMMANDS].ref.rfc).toBe(1939);
    }
  });

  it('marks the multi-line responses', () => {
    const multi = Object.entries(POP3_COMMANDS)
      .filter(([, f]) => f.multiLineResponse)
      .map(([k]) => k)
      .sort();
    expect(multi).toEqual(['CAPA', 'LANG', 'LIST', 'RETR', 'TOP', 'UIDL']);
  });

  it('has +OK and -ERR', () => {
    expect(POP3_INDICATORS).toHaveProperty(['+OK']);
    expect(POP3_INDICATORS).toHaveProperty(['-ERR']);
  });
});

describe('mail knowledge: headers and MIME', () => {
  it('header keys are lower-case and match the canonical name', () => {
    for (const [key, fact] of Object.entries(MAIL_HEADERS)) {
      expect(key).toBe(key.toLowerCase());
      expect(fact.name.toLowerCase()).toBe(key);
    }
  });

  it('MIME type and transfer-encoding keys are lower-case', () => {
    for (const key of [...Object.keys(MIME_TYPES), ...Object.keys(TRANSFER_ENCODINGS)]) expect(key).toBe(key.toLowerCase());
  });
});
