import type { SegmentRef } from '../segments.js';
import type { TranscriptLine } from './schema.js';

/*
 * What the mail dissectors (SMTP, POP3, IMAP) gather alike: dialogue lines, messages
 * kept for MIME decoding, SASL exchanges decoded later (sasl.ts), and the moment a
 * connection turns to TLS.
 */

export type { TranscriptLine };

/** A message carried by the dialogue: bytes kept for MIME decoding. */
export interface MailRecord {
  frame: number;
  segments: SegmentRef[];
  unlistedFrames: number;
  /** Message bytes after dot-unstuffing. */
  size: number;
  content: Buffer;
  truncated: boolean;
  complete: boolean;
}

/** A SASL exchange (AUTH): the mechanism and every client response, decoded later. */
export interface SaslRecord {
  mechanism: string;
  /** The initial response on the AUTH line, then each line the client sent after a 334 / + challenge. */
  responses: { text: string; frame: number }[];
  /** The server's challenges (base64), in order, with their frames. */
  challenges: { text: string; frame: number }[];
  /** Reply code ending the exchange (235 success, 535 failure) or null. */
  result: number | null;
  resultText: string;
  frame: number;
}

/** Whether bytes start a TLS record (handshake, alert or application data; TLS 1.0 to 1.3): a connection encrypted from its first byte. */
export const startsTlsRecord = (b: Uint8Array) => b.length >= 3 && (b[0] === 0x16 || b[0] === 0x17 || b[0] === 0x15) && b[1] === 0x03 && b[2]! <= 0x04;

/** Add a line to a session's transcript, or count it once the transcript holds `max` lines. */
export function noteLine(session: { transcript: TranscriptLine[]; transcriptUnlisted: number }, line: TranscriptLine, max: number): void {
  if (session.transcript.length < max) session.transcript.push(line);
  else session.transcriptUnlisted++;
}
