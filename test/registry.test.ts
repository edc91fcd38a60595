import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { UI, type Language } from '../src/knowledge/index.js';
import { CORE_BLOCKS, knownBlocks } from '../src/labs/blocks.js';
import { builtinLabs, loadLab, type LabProfile } from '../src/labs/profile.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { SLICES } from '../src/protocols/registry.js';
import { COMPARE_ASPECTS, type ProtocolSlice, type SliceView } from '../src/protocols/slice.js';
import { DEFAULT_TEMPLATES } from '../src/render/templates-dir.js';
import { buildView, loadViews } from '../src/render/view.js';
import { analyse } from '../src/report/analyse.js';
import { ReportConfig } from '../src/report/config.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES } from './helpers/files.js';

/*
 * The protocol registry (src/protocols/registry.ts): every slice it lists is whole (its
 * detection and dissector, its part of the model's schema, its analysis, its view with its
 * words in English and Chinese), the blocks it offers are the ones its view builds and the
 * ones the built-in lab profiles place, and its class-summary columns have headings. Checked
 * on the models of the shipped captures, so each slice is seen doing its work.
 */

type AnySlice = ProtocolSlice<string, unknown, unknown>;
const TRANSPORTS = ['tls', 'quic'];
const slices = SLICES as readonly AnySlice[];
const LANGS: Language[] = ['en', 'zh'];

const CAPTURES: Record<string, string> = {
  lab: join(OWN_FIXTURES, 'lab.pcapng'),
  'kurose-ross': join(OWN_FIXTURES, 'kurose-ross.pcapng'),
  imap: join(OWN_FIXTURES, 'imap', 'imap-session.pcapng'),
};
/** The profile each capture was recorded for. */
const PROFILE_OF: Record<string, string> = { lab: 'http-smtp-pop3', 'kurose-ross': 'kurose-ross-http', imap: 'http-smtp-pop3' };

const models: Record<string, ReportModel> = {};
let views: Awaited<ReturnType<typeof loadViews>>;
const labs = new Map<string, LabProfile>();
const slicePart = (model: ReportModel, name: string) => (model as unknown as Record<string, unknown>)[name];

beforeAll(async () => {
  for (const id of builtinLabs()) labs.set(id, loadLab(id, knownBlocks()));
  for (const [name, path] of Object.entries(CAPTURES)) {
    const records = dissectCapture(path, { limits: DEFAULT_LIMITS });
    models[name] = await analyse(records, { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', lab: labs.get(PROFILE_OF[name]!)! });
  }
  views = await loadViews();
});

const viewOf = (name: string): SliceView<unknown> => views.find((v) => v.slice.name === name)!.view;

describe('the registered slices', () => {
  it('are http, smtp, pop3 and imap, then the transports tls and quic, each once, each with a label', () => {
    expect(slices.map((s) => s.name)).toEqual(['http', 'smtp', 'pop3', 'imap', ...TRANSPORTS]);
    for (const s of slices) expect(s.label).toBe(s.name.toUpperCase());
  });

  // TLS and QUIC carry the others (issue 14): no session of their own in the lab captures, no column of the comparison or the class summary.
  for (const name of TRANSPORTS) {
    describe(name, () => {
      const slice = slices.find((s) => s.name === name)!;
      it('starts a protocol of its own name, never claiming empty bytes, and records to fill', () => {
        const { protocol, records } = slice.start(DEFAULT_LIMITS);
        expect(protocol.name).toBe(name);
        expect(protocol.detect(new Uint8Array(0), new Uint8Array(0))).not.toBe('yes');
        expect(slice.start(DEFAULT_LIMITS).records).not.toBe(records);
      });
      it('has a schema that accepts its part of every shipped capture’s model, empty there, and a filter tshark accepts', async () => {
        const schema = await slice.schema();
        for (const model of Object.values(models)) {
          expect(schema.safeParse(slicePart(model, name)).success).toBe(true);
          expect(viewOf(name).present(slicePart(model, name))).toBe(false);
        }
        expect(schema.safeParse(null).success).toBe(false);
        execFileSync('tshark', ['-r', CAPTURES.lab!, '-c', '1', '-Y', viewOf(name).filter], { stdio: 'pipe' });
      });
      it('offers exactly the blocks its view builds, with its words in both languages', () => {
        const view = viewOf(name);
        expect(Object.keys(view.blocks).sort()).toEqual([...slice.blocks].sort());
        expect(Object.keys(view.ui.zh).sort()).toEqual(Object.keys(view.ui.en).sort());
        expect(Object.keys(view.ui.en).filter((k) => k in UI.en)).toEqual([]);
      });
    });
  }

  for (const slice of slices.filter((s) => !TRANSPORTS.includes(s.name))) {
    describe(slice.name, () => {
      it('starts a protocol of its own name, with its ports, a detector and a dissector, and records to fill', () => {
        const { protocol, records } = slice.start(DEFAULT_LIMITS);
        expect(protocol.name).toBe(slice.name);
        expect(protocol.ports.length).toBeGreaterThan(0);
        for (const port of protocol.ports) expect(port).toBeGreaterThan(0);
        // Nothing seen yet is never a yes; and two fresh starts share no records.
        expect(protocol.detect(new Uint8Array(0), new Uint8Array(0))).not.toBe('yes');
        expect(slice.start(DEFAULT_LIMITS).records).not.toBe(records);
      });

      it('has a schema that accepts its part of every shipped capture’s model and refuses a wrong one', async () => {
        const schema = await slice.schema();
        for (const [capture, model] of Object.entries(models)) {
          const part = slicePart(model, slice.name);
          expect(part, `${capture}`).toBeDefined();
          const checked = schema.safeParse(part);
          expect(checked.success, `${capture}: ${checked.error?.message}`).toBe(true);
        }
        expect(schema.safeParse({}).success).toBe(false);
        expect(schema.safeParse(null).success).toBe(false);
      });

      it('analyses the capture recorded for it into sessions or exchanges', () => {
        const part = slicePart(slice.name === 'imap' ? models.imap! : models.lab!, slice.name) as { exchanges?: unknown[]; sessions?: unknown[] };
        expect((part.exchanges ?? part.sessions ?? []).length).toBeGreaterThan(0);
        // And leaves its part empty where the capture has none of it.
        if (slice.name !== 'http') {
          const other = slicePart(models['kurose-ross']!, slice.name) as { sessions: unknown[] };
          expect(other.sessions).toEqual([]);
        }
      });

      it('has a view whose words are the same keys in English and Chinese, none empty, none the report’s, shared ones alike', () => {
        const view = viewOf(slice.name);
        expect(view, 'a view').toBeDefined();
        const en = Object.keys(view.ui.en).sort();
        expect(Object.keys(view.ui.zh).sort()).toEqual(en);
        for (const lang of LANGS) for (const [key, value] of Object.entries(view.ui[lang])) expect(value.trim(), `${lang} ${key}`).not.toBe('');
        // Chinese words differ from the English ones somewhere (they are translated, not copied).
        expect(en.filter((k) => /[\u4e00-\u9fff]/.test(view.ui.zh[k]!)).length).toBeGreaterThan(en.length / 4);
        // The report merges every slice's words into one table: a key of the report's own is never taken, and a key two
        // slices share (the mail words SMTP and POP3 both use) means the same in both, so the order of merging does not matter.
        expect(en.filter((k) => k in UI.en)).toEqual([]);
        for (const other of views.filter((v) => v.slice.name !== slice.name))
          for (const lang of LANGS)
            for (const k of en.filter((key) => key in other.view.ui[lang]))
              expect(other.view.ui[lang][k], `${lang} ${k} in ${other.slice.name}`).toBe(view.ui[lang][k]);
      });

      it('offers exactly the blocks its view builds', () => {
        expect(Object.keys(viewOf(slice.name).blocks).sort()).toEqual([...slice.blocks].sort());
      });

      it('has a display filter tshark accepts, and says whether a capture holds it', () => {
        const view = viewOf(slice.name);
        execFileSync('tshark', ['-r', CAPTURES.lab!, '-c', '1', '-Y', view.filter], { stdio: 'pipe' });
        const home = slice.name === 'imap' ? models.imap! : models.lab!;
        expect(view.present(slicePart(home, slice.name))).toBe(true);
        if (slice.name !== 'http') expect(view.present(slicePart(models['kurose-ross']!, slice.name))).toBe(false);
      });

      it('words every aspect of the protocols compared, in both languages', () => {
        const compare = viewOf(slice.name).compare;
        expect(compare, 'a column in the comparison').toBeDefined();
        expect(Object.keys(compare!).sort()).toEqual([...COMPARE_ASPECTS].sort());
        for (const lang of LANGS) {
          const words = { ...UI[lang], ...viewOf(slice.name).ui[lang] } as Record<string, string>;
          for (const aspect of COMPARE_ASPECTS) {
            expect(words[`cmp${aspect}`], `${lang} heading cmp${aspect}`).toBeTruthy();
            expect(words[compare![aspect]], `${lang} ${slice.name} ${aspect}`).toBeTruthy();
          }
        }
      });

      it('gives its class-summary columns, each with a heading in both languages, and a value for each', () => {
        const summary = slice.summary;
        expect(summary, 'a column in the class summary').toBeDefined();
        const home = slice.name === 'imap' ? models.imap! : models.lab!;
        expect(Object.keys(summary!.values(slicePart(home, slice.name))).sort()).toEqual([...summary!.columns].sort());
        for (const lang of LANGS) {
          const words = { ...UI[lang], ...viewOf(slice.name).ui[lang] } as Record<string, string>;
          for (const column of summary!.columns) {
            const heading = `class${column[0]!.toUpperCase()}${column.slice(1)}`;
            expect(words[heading], `${lang} ${heading}`).toBeTruthy();
          }
        }
        // The lab capture's own facts: it logs in to SMTP with AUTH, retrieves with POP3, and GETs and POSTs over HTTP.
        if (slice.name === 'http') expect(summary!.values(slicePart(models.lab!, 'http'))).toMatchObject({ hasGet: true, hasPost: true });
        if (slice.name === 'smtp') expect(summary!.values(slicePart(models.lab!, 'smtp'))).toEqual({ hasSmtpAuth: true });
        if (slice.name === 'pop3') expect(summary!.values(slicePart(models.lab!, 'pop3'))).toEqual({ hasPop3Retr: true });
        if (slice.name === 'imap') expect(summary!.values(slicePart(models['kurose-ross']!, 'imap'))).toEqual({ hasImapFetch: false });
      });
    });
  }
});

describe('the blocks the lab profiles place', () => {
  const placed = (lab: LabProfile) => [
    ...lab.tasks.flatMap((t) => [...t.blocks, ...t.questions.map((q) => q.answer)]),
    ...lab.summary.flatMap((p) => ('block' in p ? [p.block] : [])),
  ];

  it('are each a block of a registered slice or of the core', () => {
    expect(labs.size).toBeGreaterThanOrEqual(2);
    const offered = new Set([...CORE_BLOCKS, ...slices.flatMap((s) => s.blocks.map((b) => `${s.name}.${b}`))]);
    for (const [id, lab] of labs) for (const block of placed(lab)) expect(offered.has(block), `${id}: ${block}`).toBe(true);
  });

  for (const [capture, profile] of [
    ['lab', 'http-smtp-pop3'],
    ['kurose-ross', 'kurose-ross-http'],
  ] as const) {
    for (const lang of LANGS) {
      it(`are built from the ${capture} capture for ${profile} (${lang}), each from a partial the templates have, none missing`, () => {
        const lab = labs.get(profile)!;
        const view = buildView({ model: models[capture]!, config: ReportConfig.parse({}), lang, lab, notes: null, filesDir: 'x.files' }, views);
        const blocks = [...view.tasks.flatMap((t) => [...t.blocks, ...t.questions.map((q) => q.block)]), ...view.summary];
        expect(blocks.length).toBe(placed(lab).length + lab.summary.filter((p) => 'text' in p).length);
        for (const b of blocks) {
          expect(existsSync(join(DEFAULT_TEMPLATES, 'partials', `${b.partial}.md.hbs`)), b.partial).toBe(true);
          // The capture was recorded for this lab: no block lacks what it needs.
          expect(b.partial, JSON.stringify(b.data).slice(0, 200)).not.toBe('missing');
        }
      });
    }
  }

  it('answer each numbered question of the Kurose & Ross lab in the model, citing frames of the capture', () => {
    const lab = labs.get('kurose-ross-http')!;
    const questions = lab.tasks.flatMap((t) => t.questions.map((q) => q.n));
    const model = models['kurose-ross']!;
    expect(model.lab.profile).toBe('kurose-ross-http');
    expect(model.lab.answers.map((a) => a.question)).toEqual(questions);
    for (const a of model.lab.answers) {
      expect(a.answer.length, `question ${a.question}`).toBeGreaterThan(10);
      for (const f of a.frames) expect(f).toBeLessThanOrEqual(model.capture.packets);
    }
    // Answers come from the slice that owns the answer block.
    const http = slices.find((s) => s.name === 'http')!;
    const task = lab.tasks.find((t) => t.questions.length > 0)!;
    const first = http.answer!(slicePart(model, 'http'), task.questions[0]!.answer.split('.')[1]!, task, 'en');
    expect(first?.answer).toBe(model.lab.answers[0]!.answer);
  });
});
