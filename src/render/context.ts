import { format } from '../knowledge/index.js';
import type { Language } from '../knowledge/types.js';
import type { UiStrings } from '../knowledge/ui/en.js';
import type { LabProfile } from '../labs/profile.js';
import type { PacketRow } from '../protocols/schema.js';
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

  /** A block the capture cannot fill: what is missing, and how to capture it. */
  missing(text: string): Block {
    return { partial: 'missing', data: { text } };
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
