import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ReportModel } from './schema.js';

/*
 * One line of a class summary: what a teacher checks in each student's capture (did it
 * hold the lab's tasks?), and fingerprints to spot copies: the same file under another
 * name, or the same TCP conversations re-saved (pcap ⇄ pcapng, renamed, trimmed of other traffic).
 */

export interface SummaryRow {
  /** The capture's path as given. */
  capture: string;
  /** The report's base name (output/<name>.md, …). */
  name: string;
  /** "ok", or the one-line error that stopped this capture. */
  status: string;
  packets: number | null;
  httpExchanges: number | null;
  hasGet: boolean | null;
  hasPost: boolean | null;
  /** An SMTP session that authenticated (AUTH). */
  hasSmtpAuth: boolean | null;
  /** A POP3 session that downloaded a message (RETR). */
  hasPop3Retr: boolean | null;
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

/** The lab's tasks as found in a model. */
export function summaryRow(capture: string, name: string, model: ReportModel, sha256: string): SummaryRow {
  const requests = model.http.exchanges.map((e) => e.request?.method);
  return {
    capture,
    name,
    status: 'ok',
    packets: model.capture.packets,
    httpExchanges: model.http.requests,
    hasGet: requests.includes('GET'),
    hasPost: requests.includes('POST'),
    hasSmtpAuth: model.smtp.sessions.some((s) => s.auth.length > 0),
    hasPop3Retr: model.pop3.sessions.some((s) => s.messages.some((m) => m.fetchedBy?.startsWith('RETR'))),
    warnings: model.warnings.length + model.warningsUnlisted,
    sha256,
    conversations: conversationsFingerprint(model),
    duplicates: [],
    identical: [],
  };
}

export function failedRow(capture: string, name: string, error: string): SummaryRow {
  return {
    capture,
    name,
    status: error,
    packets: null,
    httpExchanges: null,
    hasGet: null,
    hasPost: null,
    hasSmtpAuth: null,
    hasPop3Retr: null,
    warnings: null,
    sha256: null,
    conversations: null,
    duplicates: [],
    identical: [],
  };
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
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  // A file name such as "=HYPERLINK(…).pcap" must stay text in a spreadsheet (CSV formula injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The summary as CSV (RFC 4180), one row per capture, for spreadsheets. */
export function summaryCsv(rows: SummaryRow[]): string {
  const columns: (keyof SummaryRow)[] = [
    'name',
    'capture',
    'status',
    'packets',
    'httpExchanges',
    'hasGet',
    'hasPost',
    'hasSmtpAuth',
    'hasPop3Retr',
    'warnings',
    'duplicates',
    'identical',
    'sha256',
    'conversations',
  ];
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\r\n')}\r\n`;
}
