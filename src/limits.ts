/**
 * Every bound labreport keeps against hostile or enormous captures, with its default.
 * Each is a named option: a `--max-…` flag of `labreport build`, and a line in the
 * table in docs/limits.md. Nothing is bounded by a number hidden in a loop.
 */
export const LIMIT_OPTIONS = {
  maxBodyBytes: {
    default: 1024 * 1024,
    unit: 'bytes',
    description: 'Bytes of one message body kept for decoding and display; a longer body is described by its size and SHA-256.',
  },
  maxKeptBodyBytes: {
    default: 16 * 1024 * 1024,
    unit: 'bytes',
    description:
      'Body bytes kept across the whole capture for decoding; once spent, further bodies are described by size and SHA-256 only. (Images, audio, video, fonts and archives sent without a content coding are never kept: nothing in them is decoded or shown.)',
  },
  maxDecodedBytes: {
    default: 16 * 1024 * 1024,
    unit: 'bytes',
    description: 'Largest decoded (decompressed) body; a decompression bomb stops here with a warning.',
  },
  maxBodyTextBytes: {
    default: 32 * 1024,
    unit: 'bytes',
    description: 'Bytes of decoded body text put in the model and the report, per body.',
  },
  maxHeaderBytes: {
    default: 64 * 1024,
    unit: 'bytes',
    description: 'Largest HTTP header section (start line, header fields, blank line); a longer one is treated as malformed.',
  },
  maxFramesPerMessage: {
    default: 10_000,
    unit: 'frames',
    description: 'Frames listed for one message; a message spanning more lists the first ones and counts the rest.',
  },
  maxExchanges: {
    default: 2000,
    unit: 'exchanges',
    description: 'HTTP exchanges detailed in the model, in capture order; further ones are counted, not listed.',
  },
  maxPacketRows: {
    default: 300,
    unit: 'rows',
    description: "Rows of the report's HTTP packet list (like Wireshark's, filtered on http); further frames are counted, with a note.",
  },
  maxLineBytes: {
    default: 64 * 1024,
    unit: 'bytes',
    description: 'Longest SMTP or POP3 line kept; a longer one is cut (RFC 5321 allows 1000 bytes).',
  },
  maxTranscriptLines: {
    default: 2000,
    unit: 'lines',
    description:
      'Commands and status lines of one SMTP or POP3 dialogue kept in its transcript (the lines inside multi-line replies are bounded apart, by maxReplyLines); further lines are counted.',
  },
  maxRecipients: {
    default: 1000,
    unit: 'addresses',
    description: 'RCPT TO addresses kept per SMTP session.',
  },
  maxConnectionsListed: {
    default: 10_000,
    unit: 'connections',
    description: 'Connections listed in the model (those carrying a dissected protocol); further ones are counted.',
  },
  maxStreams: {
    default: 20_000,
    unit: 'connections',
    description: 'TCP connections tracked at once; past it the oldest is closed and forgotten (a late packet of it then counts as a new connection).',
  },
  maxOutOfOrderBytes: {
    default: 4 * 1024 * 1024,
    unit: 'bytes',
    description: 'Out-of-order bytes buffered per TCP direction before the hole in front of them is declared lost.',
  },
  maxPendingDatagrams: {
    default: 1024,
    unit: 'datagrams',
    description: 'Fragmented IP datagrams reassembled at once; past it the oldest is dropped (its fragments are counted).',
  },
  maxFragmentBytes: {
    default: 1024 * 1024,
    unit: 'bytes',
    description:
      'Bytes of IP fragments held for one datagram awaiting the rest, duplicates and overlaps included (a whole datagram is at most 64 KiB; each fragment counts at least 8 bytes); further fragments of it are dropped and counted.',
  },
  maxReplyLines: {
    default: 200,
    unit: 'lines',
    description:
      'Lines of one multi-line SMTP reply or POP3 listing (CAPA, LIST, UIDL) kept in the transcript; further lines are counted, and every command and status line is still kept.',
  },
  maxReplies: {
    default: 2000,
    unit: 'replies',
    description:
      'SMTP replies and POP3 responses listed per session (and SMTP refusals among them), and HTTP interim (1xx) responses per exchange; further ones are counted.',
  },
  maxAuthSteps: {
    default: 100,
    unit: 'steps',
    description: 'SASL challenges and responses kept per authentication exchange (and exchanges per session); further ones are counted.',
  },
  maxEhloKeywords: {
    default: 200,
    unit: 'keywords',
    description: 'EHLO extension keywords kept per SMTP session; further ones are counted.',
  },
  maxMailSessions: {
    default: 200,
    unit: 'sessions',
    description:
      "SMTP, POP3 and IMAP sessions detailed in the model, each protocol's in capture order; further ones are read and counted (with their connections' packets and bytes), not kept.",
  },
  maxMessages: {
    default: 100,
    unit: 'messages',
    description: 'Mail messages (SMTP DATA/BDAT, POP3 RETR/TOP) kept and decoded per session; further ones are counted, with their sizes.',
  },
  maxMailHeaders: {
    default: 500,
    unit: 'fields',
    description: 'Header fields listed per mail message; further ones are counted.',
  },
  maxMimeParts: {
    default: 500,
    unit: 'parts',
    description: 'MIME parts listed per mail message; further ones are counted.',
  },
  maxFormFields: {
    default: 1000,
    unit: 'fields',
    description: 'Form fields (urlencoded or multipart) listed per HTTP body; further ones are counted.',
  },
  maxTlsListed: {
    default: 1000,
    unit: 'items',
    description:
      'TLS records, alerts, handshake messages, offered cipher suites and extensions, and certificates listed per TLS connection; further ones are counted.',
  },
  maxTlsHandshakeBytes: {
    default: 256 * 1024,
    unit: 'bytes',
    description: 'Largest TLS handshake message decoded (a certificate chain is a few KB; the format allows 16 MiB); a longer one is counted and skipped.',
  },
  maxKeylogSessions: {
    default: 100_000,
    unit: 'sessions',
    description:
      "TLS sessions remembered from the key logs (--keylog, SSLKEYLOGFILE, the capture's decryption secrets); further ones are ignored with a warning.",
  },
  maxHttp2Streams: {
    default: 1000,
    unit: 'streams',
    description: 'HTTP/2 streams tracked at once per connection; past it the oldest open stream is closed early and marked incomplete.',
  },
  maxHpackTableBytes: {
    default: 64 * 1024,
    unit: 'bytes',
    description:
      'Largest HPACK dynamic table kept per direction of an HTTP/2 connection, whatever size the capture asks for (4 KiB is the default a peer allows).',
  },
  maxQuicConnections: {
    default: 10_000,
    unit: 'connections',
    description: 'QUIC connections (UDP) whose Initial packets are tracked; further ones are counted, not decrypted.',
  },
  maxQuicCryptoBytes: {
    default: 16 * 1024,
    unit: 'bytes',
    description:
      "CRYPTO bytes kept per direction of a QUIC connection to read its TLS ClientHello or ServerHello (a browser's is 2 KiB or less); a longer one is not read.",
  },
  maxMessageHoles: {
    default: 16,
    unit: 'holes',
    description:
      'Holes (bytes not captured) recorded per mail message, to say which part of it each one hit, and per HTTP body, to read a form on each side of a gap; further ones are counted.',
  },
  maxObjects: {
    default: 10_000,
    unit: 'objects',
    description:
      "Objects (HTTP bodies, mail messages) listed in the model's objects and written by --export, in capture order; further ones are counted, not listed or written.",
  },
  maxObjectBytes: {
    default: 4 * 1024 ** 3,
    unit: 'bytes',
    description:
      'Largest file --export writes for one object, after decoding; a longer one is cut there and marked incomplete (a decompression bomb stops here).',
  },
  maxWarnings: {
    default: 1000,
    unit: 'warnings',
    description: 'Warnings listed in the model; further ones are counted.',
  },
  // What the report shows, apart from what the model keeps: a list the model holds in full
  // (up to its own limit above) is shown in the report up to these, with a note counting the rest,
  // so that the report, and the PDF printed from it, stay readable and small.
  maxDialogueLines: {
    default: 300,
    unit: 'lines',
    description:
      "Lines of one SMTP, POP3 or IMAP dialogue shown in the report's C:/S: transcript (the model keeps up to --max-transcript-lines); further lines are counted in a note.",
  },
  maxReportRows: {
    default: 100,
    unit: 'rows',
    description:
      'Rows the report shows of one table or list (SMTP refusals, EHLO keywords, SASL steps, header fields, MIME parts, attachments, form fields, HTTP exchanges, sessions, connections, objects, warnings); further rows are counted in a note (the model keeps each list up to its own limit).',
  },
  // The PDF stage: Chromium's memory grows with the document it lays out (measured here: about
  // 370 MiB to start, and 1.1 GiB more per MiB of table-heavy HTML), so it is given a budget.
  maxPdfHtmlBytes: {
    default: 512 * 1024,
    unit: 'bytes',
    description:
      'HTML the PDF is printed from; a longer report is printed up to the last section that fits, with a note saying where it stops (the md and html reports stay whole).',
  },
  maxPdfSeconds: {
    default: 120,
    unit: 'seconds',
    description: 'Time Chromium may take to print one PDF; past it the PDF is not written and the build fails with a message.',
  },
  maxPdfMemoryBytes: {
    default: 2 * 1024 ** 3,
    unit: 'bytes',
    description: 'Memory the browser may use while printing (Linux, where it can be measured); past it the browser is stopped and the PDF is not written.',
  },
} as const;

export type LimitName = keyof typeof LIMIT_OPTIONS;
export type Limits = Record<LimitName, number>;

/** The limits of the render stage (what the report shows, and the PDF's budget): options of `labreport render` too. */
export const RENDER_LIMITS: readonly LimitName[] = ['maxDialogueLines', 'maxReportRows', 'maxPdfHtmlBytes', 'maxPdfSeconds', 'maxPdfMemoryBytes'];

export const DEFAULT_LIMITS: Limits = Object.fromEntries(Object.entries(LIMIT_OPTIONS).map(([k, v]) => [k, v.default])) as Limits;

/** The command-line flag of a limit: maxBodyBytes → --max-body-bytes. */
export function limitFlag(name: LimitName): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The smallest value a limit takes: below it a stage would be switched off rather than bounded. */
export const LIMIT_MINIMUM = 1;

/** Bytes as people write them: 1 MiB, 64 KiB, 1.5 GiB, 100 bytes. */
export function humanBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A limit's value with its unit, as the help and docs/limits.md show it: "1 MiB", "10,000 frames", "120 s". */
export function describeLimitValue(name: LimitName, value: number): string {
  const { unit } = LIMIT_OPTIONS[name];
  if (unit === 'bytes') return humanBytes(value);
  if (unit === 'seconds') return `${value} s`;
  return `${value.toLocaleString('en-US')} ${unit}`;
}

/** A limit's value from the command line: an integer, optionally with k, M or G (powers of 1024). */
export function parseLimitValue(text: string): number | null {
  const m = /^(\d+)([kKmMgG]i?[bB]?)?$/.exec(text.trim());
  if (!m) return null;
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]?.[0]?.toLowerCase() ?? ''] ?? 1;
  const value = Number(m[1]) * scale;
  return Number.isSafeInteger(value) ? value : null;
}
