import { format } from '../knowledge/index.js';
import type { Language } from '../knowledge/types.js';
import type { UiStrings } from '../knowledge/ui/en.js';
import type { LabProfile } from '../labs/profile.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { PacketRow } from '../protocols/schema.js';
import { readingStoppedAfter } from './damage.js';
import type { ReportConfig } from '../report/config.js';
import type { FrameDetail, ReportModel } from '../report/schema.js';

/*
 * What every part of the view shares while the report is put together, in the report's
 * order: the language and its words, the model, the place being written (so that a thing
 * explained once is referred back to, not explained again), and number, size and time
 * formatting.
 */

/** A piece of the report a lab profile can place: a partial and the data it renders. */
export interface Block {
  /** The partial's name: "http/request", "missing", … */
  partial: string;
  data: unknown;
}

/** One row of a packet list, as Wireshark's packet list pane shows it: a slice's PacketRow, without its kind. */
export type PacketListRow = Omit<PacketRow, 'kind'>;

/** Rows of the packet list shown around the frames a task examines. */
const EXCERPT_AROUND = 3;

export class ViewContext {
  /** Where things were first explained: key → the label of that place ("Task 1"). */
  private readonly explainedAt = new Map<string, string>();
  /** The absences said at each place ("missing:…@Task 5"), each said there once. */
  private readonly missingHere = new Set<string>();
  /** The packet list of every protocol the report reads, in frame order (set by the view before any block is built). */
  packets: PacketListRow[] = [];
  /** Wireshark's display filter of each protocol in the packet list ("HTTP" → "http"). */
  filters = new Map<string, string>();
  /** Pictures the report links to (file name → SVG), written beside it in `filesDir`. */
  readonly pictures = new Map<string, string>();
  /** The folder beside the report that holds its pictures, as the Markdown links to it: "lab.files". */
  filesDir = 'report.files';
  /** The place being written now. */
  place = { id: '', label: '' };
  /** The lab the report follows (its tasks name the handout's pages the answer blocks look for). */
  lab: LabProfile | null = null;
  /** How much of each list the report shows (maxReportRows, maxDialogueLines). */
  limits: Limits = DEFAULT_LIMITS;
  private readonly zone: string;

  constructor(
    readonly model: ReportModel,
    readonly config: ReportConfig,
    readonly lang: Language,
    readonly t: UiStrings,
  ) {
    this.zone = config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  }

  /**
   * Whether `key` (a header name, a command, a reply code…) was explained at an earlier
   * place: the first call records the current place and returns null; later calls return
   * "see Task 1". Within one place everything is explained where it first appears.
   */
  seen(key: string): string | null {
    const at = this.explainedAt.get(key);
    if (at === undefined) {
      this.explainedAt.set(key, this.place.label);
      return null;
    }
    return at === this.place.label ? null : format(this.t.seeTask, at);
  }

  /** Keep a picture to write beside the report; returns the link to it. */
  picture(name: string, svg: string): string {
    const file = `${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}.svg`;
    this.pictures.set(file, svg);
    return `${this.filesDir}/${file}`;
  }

  /**
   * A block the capture cannot fill: what is missing, and how to capture it; said once. The
   * same absence again in the same place is left out, at a later place it refers back. When
   * the file is cut off, the note says so: what came after may be missing only for that.
   */
  missing(text: string): Block {
    const key = `missing:${text}`;
    const first = !this.explainedAt.has(key);
    const at = this.seen(key);
    const here = `${key}@${this.place.label}`;
    if ((!first && at === null) || this.missingHere.has(here)) return { partial: 'missing', data: { text: '' } };
    this.missingHere.add(here);
    if (at !== null) {
      // Its first sentence says what is missing ("No SMTP session was captured."); the rest, how to capture it, was said there.
      const what = /^(.+?)(?:。|\.(?=\s|$))/.exec(text)?.[1] ?? text;
      return { partial: 'missing', data: { text: format(this.t.missingAgain, what, at) } };
    }
    const stopped = readingStoppedAfter(this.model);
    const cut = stopped === null ? '' : format(this.t.missingCutOff, stopped);
    return { partial: 'missing', data: { text: `${this.t.missingIntro}${text}${cut}` } };
  }

  /** The packet list around the given frames (each marked), with the display filter that shows those rows. */
  excerpt(frames: readonly number[]): { intro: string; rows: (PacketListRow & { mark: string })[] } | null {
    const marked = new Set(frames);
    const at = this.packets.flatMap((p, i) => (marked.has(p.frame) ? [i] : []));
    if (at.length === 0) return null;
    const from = Math.max(0, Math.min(...at) - EXCERPT_AROUND);
    const to = Math.min(this.packets.length, Math.max(...at) + EXCERPT_AROUND + 1);
    const rows = this.packets.slice(from, to).map((p) => ({ ...p, mark: marked.has(p.frame) ? '▶' : '' }));
    const filters = [...new Set(rows.map((r) => this.filters.get(r.protocol)).filter((f): f is string => f !== undefined))];
    return { intro: format(this.t.packetListExcerpt, filters.join(' || ') || 'tcp'), rows };
  }

  /** The colon between a label and its text, in the report's language (": " or "："). */
  get colon(): string {
    return this.lang === 'zh' ? '：' : ': ';
  }

  /** A remark in parentheses after a word, in the report's language (" (x)" or "（x）"). */
  paren(x: string | number): string {
    return x === '' ? '' : this.lang === 'zh' ? `（${x}）` : ` (${x})`;
  }

  /** An explained entry as one phrase: "Title: text (reference)". */
  explained(e: { title: string; text: string; ref: string }): string {
    return `${e.title}${e.text ? `${this.colon}${e.text}` : ''}${this.paren(e.ref)}`;
  }

  /**
   * The first maxReportRows of a list the report shows, and the sentence counting the rest
   * (empty when nothing is cut); `unlisted` adds what the model itself already left out.
   */
  rows<T>(list: readonly T[], unlisted = 0): { shown: T[]; more: string } {
    const shown = list.slice(0, this.limits.maxReportRows);
    const rest = list.length - shown.length + unlisted;
    return { shown, more: rest > 0 ? format(this.t.rowsNotShown, this.num(rest)) : '' };
  }

  num(n: number): string {
    return n.toLocaleString(this.lang === 'zh' ? 'zh-CN' : 'en-US');
  }

  bytes(n: number): string {
    return format(n === 1 ? this.t.byte : this.t.bytes, this.num(n));
  }

  frame(n: number): string {
    return format(this.t.frameN, n);
  }

  list(items: readonly string[]): string {
    return items.join(this.t.listSeparator);
  }

  /** "frame 728", "frames 692, 694". */
  frames(numbers: readonly number[]): string {
    return numbers.length === 1 ? this.frame(numbers[0]!) : format(this.t.framesN, this.list(numbers.map(String)));
  }

  /**
   * Logins that went over the wire in clear text, one phrase per mechanism ("an SMTP login with AUTH
   * PLAIN (frame 728)", "5 SMTP logins with AUTH LOGIN (the first in frames 692, 694)"): a capture of
   * fifty logins reads as one line per mechanism, not fifty.
   */
  logins(logins: readonly { mechanism: string; frames: readonly number[] }[], one: string, many: string): string[] {
    const byMechanism = new Map<string, { first: readonly number[]; count: number }>();
    for (const l of logins) {
      const seen = byMechanism.get(l.mechanism);
      if (seen) seen.count += 1;
      else byMechanism.set(l.mechanism, { first: l.frames, count: 1 });
    }
    return [...byMechanism].map(([mechanism, { first, count }]) =>
      count === 1 ? format(one, mechanism, this.frames(first)) : format(many, mechanism, this.frames(first), this.num(count)),
    );
  }

  detail(frame: number): FrameDetail | undefined {
    return this.model.frames.find((f) => f.number === frame);
  }

  /**
   * An absolute time from the capture (ISO 8601 UTC with the file's precision) in the
   * report's time zone, as Wireshark shows arrival times: "2026-11-28 02:50:57.079363752 CST".
   */
  clock(iso: string | null): string {
    if (!iso || iso.startsWith('@')) return iso ?? '—';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const fraction = /\.(\d+)Z$/.exec(iso)?.[1] ?? '';
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: this.zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}${fraction ? `.${fraction}` : ''} ${parts.timeZoneName}`;
  }
}
