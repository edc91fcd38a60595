import type { Limits } from '../limits.js';
import { objectsBlock } from '../export/view.js';
import { format, UI, type Language } from '../knowledge/index.js';
import type { LabProfile, LabText } from '../labs/profile.js';
import { SLICES } from '../protocols/registry.js';
import { COMPARE_ASPECTS, type ProtocolSlice, type SliceView } from '../protocols/slice.js';
import type { ReportConfig } from '../report/config.js';
import type { ReportModel } from '../report/schema.js';
import { ViewContext, type Block, type PacketListRow } from './context.js';
import { captureDamage, DAMAGE_MARK, noteWords, warningWords } from './damage.js';
import type { Notes } from './notes.js';

/*
 * The template context of a lab report: the header block, the lab's purpose, tasks and
 * environment, the procedure (one subsection per task, each holding the blocks that answer
 * it, built in the report's order so that what was explained once is referred back to),
 * the summary and the appendix. A pure function of the model, the config, the language, the
 * lab profile and the student's notes: the same inputs give byte-identical reports.
 * templates/README.md documents this shape.
 */

type AnySlice = ProtocolSlice<string, unknown, unknown>;

export interface ViewInput {
  model: ReportModel;
  config: ReportConfig;
  lang: Language;
  lab: LabProfile;
  notes: Notes | null;
  /** The folder beside the report for its pictures, as the Markdown links to it ("lab.files"). */
  filesDir: string;
  /** How much of each list the report shows (maxReportRows, maxDialogueLines); default: the defaults. */
  limits?: Limits | undefined;
}

/** A slice with its view loaded. */
export interface LoadedView {
  slice: AnySlice;
  view: SliceView<unknown>;
}

/** A slice's view, with its part of the model. */
interface Loaded extends LoadedView {
  model: unknown;
}

/** Every registered slice's view (each is loaded only now: a JSON build never loads them). */
export async function loadViews(): Promise<LoadedView[]> {
  const loaded: LoadedView[] = [];
  for (const slice of SLICES as readonly AnySlice[]) {
    const view = await slice.view?.();
    if (view) loaded.push({ slice, view });
  }
  return loaded;
}

/** The report's words: the common ones and every slice's. */
export function reportWords(loaded: readonly LoadedView[], lang: Language): Record<string, string> {
  const t: Record<string, string> = { ...UI[lang] };
  for (const { view } of loaded) Object.assign(t, view.ui[lang]);
  return t;
}

const text = (x: LabText, lang: Language) => x[lang];

export function buildView(input: ViewInput, views: readonly LoadedView[]) {
  const { model, config, lang, lab, notes } = input;
  const loaded: Loaded[] = views.map((v) => ({ ...v, model: (model as unknown as Record<string, unknown>)[v.slice.name] }));
  const t = reportWords(loaded, lang);
  const ctx = new ViewContext(model, config, lang, UI[lang]);
  ctx.filesDir = input.filesDir;
  if (input.limits) ctx.limits = input.limits;
  ctx.lab = lab;
  ctx.packets = markGaps(
    loaded.flatMap((l) => l.view.packets?.(l.model, ctx) ?? []).sort((a, b) => a.frame - b.frame),
    model,
    lang,
  );
  for (const l of loaded) for (const p of l.view.packets?.(l.model, ctx) ?? []) ctx.filters.set(p.protocol, l.view.filter);
  const byName = new Map(loaded.map((l) => [l.slice.name, l]));

  const block = (id: string): Block => {
    const [owner = '', name = ''] = id.split('.');
    if (owner === 'core') return coreBlock(name, loaded, ctx, t);
    const l = byName.get(owner);
    const build = l?.view.blocks[name];
    if (!l || !build) throw new Error(`no block "${id}"`); // profiles are checked against the blocks when loaded
    return build(l.model, ctx);
  };

  const title = config.header.experiment.name || text(lab.title, lang);
  const tasks = lab.tasks.map((task, i) => {
    ctx.place = { id: task.id, label: format(t.taskLabel!, i + 1) };
    return {
      id: task.id,
      n: i + 1,
      heading: format(t.taskHeading!, i + 1, text(task.title, lang)),
      title: text(task.title, lang),
      blocks: task.blocks.map(block),
      questions: task.questions.map((q) => ({ n: q.n, heading: format(t.questionHeading!, q.n), text: text(q.text, lang), block: block(q.answer) })),
      notes: notes?.parts[task.id] ?? '',
    };
  });
  ctx.place = { id: 'summary', label: t.summaryTitle! };
  const summary = lab.summary.map((point) => ('block' in point ? block(point.block) : { partial: 'summary-point', data: { text: text(point.text, lang) } }));

  return {
    lang,
    t,
    title: format(t.title!, title),
    header: headerRows(config, t),
    institution: [config.header.school, config.header.college].filter(Boolean).join(' · '),
    generator: model.generator,
    model,
    lab: {
      purpose: lab.purpose.map((p) => text(p, lang)),
      assignment: lab.assignment.map((a) => text(a, lang)),
      tasks: tasks.map((x) => ({ n: x.n, title: x.title })),
    },
    environment: environment(loaded, ctx, t, lab.environment.map((l) => text(l, lang))),
    tasks,
    summary,
    notes: { purpose: notes?.parts.purpose ?? '', environment: notes?.parts.environment ?? '', summary: notes?.parts.summary ?? '' },
    appendix: config.appendix ? appendix(loaded, ctx, t, lab) : [],
    pictures: ctx.pictures,
  };
}

export type ReportView = ReturnType<typeof buildView>;

/** The header block of a paper lab report, two fields a row; empty fields stay blank for handwriting. */
function headerRows(config: ReportConfig, t: Record<string, string>) {
  const h = config.header;
  return [
    [t.course, h.course, t.score, h.score],
    [t.grade, h.grade, t.class, h.class],
    [t.studentName, h.student.name, t.studentNumber, h.student.number],
    [t.teacher, h.teacher, t.group, h.group],
    [t.experimentName, h.experiment.name, t.experimentNumber, h.experiment.number],
    [t.date, h.date, t.time, h.time],
  ].map(([a, b, c, d]) => ({ label1: a, value1: b, label2: c, value2: d }));
}

/** 实验环境: what the capture file says about where it was made, then what the traffic says (browser, servers, mail client), then the student's lines. */
function environment(loaded: readonly Loaded[], ctx: ViewContext, t: Record<string, string>, labLines: readonly string[]) {
  const c = ctx.model.capture;
  const rows: { label: string; value: string }[] = [];
  if (c.os) rows.push({ label: t.envCaptureOs!, value: c.os });
  if (c.hardware) rows.push({ label: t.envCaptureHardware!, value: c.hardware });
  if (c.application) rows.push({ label: t.envCaptureApp!, value: c.application });
  for (const i of c.interfaces) if (i.name || i.description) rows.push({ label: t.envInterface!, value: [i.name, i.description].filter(Boolean).join(', ') });
  const noSystem = rows.length === 0;
  rows.push({
    label: t.envCaptureFile!,
    value: format(t.envCaptureFileValue!, c.file, c.format, ctx.num(c.packets), ctx.clock(c.firstTime), ctx.clock(c.lastTime), c.duration.toFixed(3)),
  });
  // Where the file is cut off or damaged (reading stopped there): said at the top, not only in the appendix.
  for (const w of captureDamage(ctx.model))
    rows.push({ label: noteWords('note.captureDamage', ctx.lang), value: `${DAMAGE_MARK} ${warningWords(w, ctx.lang)}` });
  for (const l of loaded) rows.push(...(l.view.environment?.(l.model, ctx) ?? []));
  // The lab's own lines ("Analysis: Wireshark, …"): the words before the first colon are the label.
  for (const line of labLines) {
    const colon = /^([^:：]{1,40})[:：]\s*(.+)$/.exec(line);
    rows.push(colon ? { label: colon[1]!, value: colon[2]! } : { label: t.envLab!, value: line });
  }
  for (const line of ctx.config.environment) rows.push({ label: t.envStudent!, value: line });
  return { rows, note: noSystem ? t.envNothing! : '' };
}

/** The blocks that belong to no protocol: what went over the wire in clear text, and the protocols compared. */
function coreBlock(name: string, loaded: readonly Loaded[], ctx: ViewContext, t: Record<string, string>): Block {
  if (name === 'cleartext') {
    const items = loaded.flatMap((l) => l.view.cleartext?.(l.model, ctx) ?? []);
    return { partial: 'summary-point', data: { text: items.length ? format(t.cleartextIntro!, ctx.list(items)) : t.cleartextNone! } };
  }
  // compare
  const present = loaded.filter((l) => l.view.compare);
  return {
    partial: 'compare',
    data: {
      columns: present.map((l) => l.slice.label),
      rows: [
        ...COMPARE_ASPECTS.map((aspect) => ({ aspect: t[`cmp${aspect}`] ?? aspect, cells: present.map((l) => t[l.view.compare![aspect]] ?? '') })),
        {
          aspect: t.cmpInCapture!,
          cells: present.map((l) => format(t.cmpCount!, ctx.model.tcp.listed.filter((c) => c.protocol === l.slice.name).length)),
        },
      ],
    },
  };
}

/** The appendix: the packet list, each slice's sections, the connections, the warnings, how the report was made; lettered A, B, … */
function appendix(loaded: readonly Loaded[], ctx: ViewContext, t: Record<string, string>, lab: LabProfile) {
  ctx.place = { id: 'appendix', label: t.appendixTitle! };
  const model = ctx.model;
  const sections: { title: string; block: Block }[] = [];
  if (ctx.packets.length) {
    const filters = [...new Set(loaded.filter((l) => l.view.present(l.model)).map((l) => l.view.filter))];
    const unlisted = loaded.reduce((n, l) => n + ((l.model as { packetsUnlisted?: number }).packetsUnlisted ?? 0), 0);
    sections.push({
      title: t.appendixPackets!,
      block: {
        partial: 'packet-list',
        data: {
          intro: format(t.packetListIntro!, `“${filters.join(' || ')}”`),
          rows: ctx.packets.map((p: PacketListRow) => ({ ...p, mark: '' })),
          unlisted: unlisted ? format(t.packetsUnlisted!, ctx.num(unlisted)) : '',
        },
      },
    });
  }
  for (const l of loaded) sections.push(...(l.view.appendix?.(l.model, ctx) ?? []));
  const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
  sections.push({
    title: t.appendixConnections!,
    block: {
      partial: 'connections',
      data: {
        more: ctx.rows(model.tcp.listed).more,
        rows: ctx.rows(model.tcp.listed).shown.map((c) => ({
          stream: c.stream,
          client: endpoint(c.client),
          server: endpoint(c.server),
          protocol: c.protocol?.toUpperCase() ?? '—',
          frames: `${c.firstFrame}–${c.lastFrame}`,
          packets: c.packets,
          payload: ctx.bytes(c.bytes),
          notes: [
            c.handshake ? '' : t.noHandshake,
            c.reset ? 'RST' : '',
            c.lostBytes ? format(t.lostBytes!, c.lostBytes) : '',
            c.retransmissions ? format(t.retransmissions!, c.retransmissions) : '',
          ]
            .filter(Boolean)
            .join('; '),
        })),
        unlisted:
          model.tcp.connections > model.tcp.listed.length ? format(t.connectionsUnlisted!, ctx.num(model.tcp.connections - model.tcp.listed.length)) : '',
      },
    },
  });
  if (model.objects?.length || model.objectsUnlisted) sections.push({ title: t.appendixObjects!, block: objectsBlock(ctx, t) });
  sections.push({
    title: t.appendixWarnings!,
    block: {
      partial: 'warnings',
      data: {
        rows: ctx.rows(model.warnings).shown.map((w) => ({ frame: w.frame, text: warningWords(w, ctx.lang) })),
        more: ctx.rows(model.warnings).more,
        unlisted: model.warningsUnlisted ? format(t.warningsUnlisted!, ctx.num(model.warningsUnlisted)) : '',
      },
    },
  });
  const chosen = loaded
    .flatMap((l) => Object.values((l.model as { selection?: Record<string, { chosenBy: string; frame?: number; stream?: number } | null> }).selection ?? {}))
    .filter((s): s is { chosenBy: string; frame?: number; stream?: number } => s !== null);
  const byConfig = chosen.filter((s) => s.chosenBy === 'config').map((s) => (s.frame !== undefined ? ctx.frame(s.frame) : format(t.streamN!, s.stream)));
  sections.push({
    title: t.appendixAbout!,
    block: {
      partial: 'about',
      data: {
        text: format(
          t.aboutText!,
          model.capture.file,
          ctx.bytes(model.capture.size),
          byConfig.length ? format(t.aboutChosenConfig!, ctx.list(byConfig)) : t.aboutChosenAuto,
        ),
        secrets: ctx.config.revealSecrets ? t.aboutSecretsShown : t.aboutSecrets,
      },
    },
  });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return sections.map((s, i) => ({ title: format(t.appendixLetter!, letters[i] ?? String(i + 1), s.title), block: s.block }));
}

/**
 * The packet list with its holes marked in the report's language: the row a slice gave for a
 * hole (HTTP's "[… bytes not captured before this frame …]", as Wireshark's expert info shows
 * it) worded anew, and the first row after a hole in a slice that gives none marked.
 */
function markGaps(rows: PacketListRow[], model: ReportModel, lang: Language): PacketListRow[] {
  const gaps = new Map<string, string[]>();
  for (const w of model.warnings) {
    if (w.id !== 'tcp.gap' || w.stream === undefined) continue;
    const key = `${w.stream} ${w.params.after}`;
    gaps.set(key, [...(gaps.get(key) ?? []), noteWords('note.gapRow', lang, w.params)]);
  }
  if (gaps.size === 0) return rows;
  return rows.map((r) => {
    const notes = gaps.get(`${r.stream} ${r.frame}`);
    if (!notes) return r;
    return { ...r, info: r.protocol === 'TCP' && r.info.startsWith('[') ? notes.join(' ') : `${DAMAGE_MARK} ${notes.join(' ')} ${r.info}` };
  });
}
