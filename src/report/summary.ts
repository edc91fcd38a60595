import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { SLICES } from '../protocols/registry.js';
import { visibleText } from '../util/visible.js';
import type { ProtocolSlice } from '../protocols/slice.js';
import type { ReportModel } from './schema.js';

/*
 * One line of a class summary: what a teacher checks in each student's capture (did it
 * hold the lab's tasks?), and fingerprints to spot copies: the same file under another
 * name, or the same TCP conversations re-saved (pcap ⇄ pcapng, renamed, trimmed of other traffic).
 */

/** The summary's columns each slice adds (summary.csv's, after "packets"), in registry order: httpExchanges, hasGet, hasPost, hasSmtpAuth, hasPop3Retr, … */
export const SUMMARY_COLUMNS: readonly string[] = (SLICES as readonly ProtocolSlice[]).flatMap((s) => s.summary?.columns ?? []);

export interface SummaryRow {
  /** The capture's path as given. */
  capture: string;
  /** The report's base name (output/<name>.md, …). */
  name: string;
  /** "ok", or the one-line error that stopped this capture. */
  status: string;
  packets: number | null;
  /** What each slice's columns say of this capture (null when it could not be read). */
  columns: Record<string, boolean | number | null>;
  warnings: number | null;
  /** SHA-256 of the file. */
  sha256: string | null;
  /** SHA-256 over the dissected conversations (endpoints, packets and bytes of each), independent of file format and order. */
  conversations: string | null;
  /** Names of other captures that are copies of this one: the same file, or the same conversations. */
  duplicates: string[];
  /** Those of `duplicates` that are the very same file (the same SHA-256). */
  identical: string[];
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function conversationsFingerprint(model: ReportModel): string | null {
  if (model.tcp.listed.length === 0) return null;
  const lines = model.tcp.listed.map((c) => `${c.protocol} ${c.client.ip} ${c.client.port} ${c.server.ip} ${c.server.port} ${c.packets} ${c.bytes}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The lab's tasks as found in a model: each slice's columns. */
export function summaryRow(capture: string, name: string, model: ReportModel, sha256: string): SummaryRow {
  const columns: Record<string, boolean | number | null> = {};
  for (const slice of SLICES as readonly ProtocolSlice[])
    Object.assign(columns, slice.summary?.values((model as unknown as Record<string, unknown>)[slice.name]));
  return {
    capture,
    name,
    status: 'ok',
    packets: model.capture.packets,
    columns,
    warnings: model.warnings.length + model.warningsUnlisted,
    sha256,
    conversations: conversationsFingerprint(model),
    duplicates: [],
    identical: [],
  };
}

export function failedRow(capture: string, name: string, error: string): SummaryRow {
  return { capture, name, status: error, packets: null, columns: {}, warnings: null, sha256: null, conversations: null, duplicates: [], identical: [] };
}

/** Mark each row with the other rows that hold the same file or the same conversations. */
export function markDuplicates(rows: SummaryRow[]): void {
  for (const row of rows) {
    const others = rows.filter((other) => other !== row);
    row.identical = others.filter((other) => row.sha256 && other.sha256 === row.sha256).map((other) => other.name);
    row.duplicates = others
      .filter((other) => (row.sha256 && other.sha256 === row.sha256) || (row.conversations && other.conversations === row.conversations))
      .map((other) => other.name);
  }
}

const csvField = (v: unknown) => {
  let s = visibleText(v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));
  // A file name such as "=HYPERLINK(…).pcap" must stay text in a spreadsheet (CSV formula injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The summary as CSV (RFC 4180), one row per capture, for spreadsheets. */
export function summaryCsv(rows: SummaryRow[]): string {
  const fixed = (r: SummaryRow) => ({ name: r.name, capture: r.capture, status: r.status, packets: r.packets });
  const tail = (r: SummaryRow) => ({
    warnings: r.warnings,
    duplicates: r.duplicates,
    identical: r.identical,
    sha256: r.sha256,
    conversations: r.conversations,
  });
  const header = ['name', 'capture', 'status', 'packets', ...SUMMARY_COLUMNS, 'warnings', 'duplicates', 'identical', 'sha256', 'conversations'];
  const line = (r: SummaryRow) =>
    [...Object.values(fixed(r)), ...SUMMARY_COLUMNS.map((c) => r.columns[c] ?? null), ...Object.values(tail(r))].map(csvField).join(',');
  return `${[header.join(','), ...rows.map(line)].join('\r\n')}\r\n`;
}
