import { z } from 'zod';
import { frameNumber } from '../protocols/schema.js';

/*
 * The model's objects: what Wireshark's File › Export Objects lists (HTTP bodies, mail
 * messages), one entry each, with the file name `--export DIR` writes (or would write).
 */

/** Why an object is not whole: bytes not captured, the capture ending inside it, a line cut at maxLineBytes, decoding stopped at its limit, damaged coded data, a content coding not supported. */
export const OBJECT_REASONS = ['notCaptured', 'endsEarly', 'lineCut', 'decodeLimit', 'damaged', 'unsupportedCoding'] as const;
export type ObjectReason = (typeof OBJECT_REASONS)[number];

export const ExportedObject = z.object({
  /** Frame carrying the body's or message's last byte (where Wireshark lists the object). */
  frame: frameNumber,
  /** The protocol that carried it. */
  kind: z.enum(['http', 'smtp', 'pop3', 'imap']),
  /** Its connection's tcp.stream. */
  stream: z.number().int().nonnegative(),
  /** The file name in the export folder: from the Content-Disposition file name, the URI's last path segment or the mail's subject; made safe, clashes numbered. */
  name: z.string(),
  /** Media type: the body's Content-Type, message/rfc822 for mail; null when not given. */
  type: z.string().nullable(),
  /** Bytes of the file: the body de-chunked and content-decoded, the message dot-unstuffed; null when not known without --export (a content-coded body longer than the bytes kept). */
  size: z.number().int().nonnegative().nullable(),
  /** SHA-256 of the file, hex; null when size is. */
  sha256: z.string().nullable(),
  /** False when the capture did not hold all of it, or it could not be decoded whole; `problem` says which. */
  complete: z.boolean(),
  problem: z.string().nullable(),
  /** The same, as reasons (one per sentence of `problem`), for a report to word in its language. */
  reasons: z.array(z.enum(OBJECT_REASONS)),
  /** Whether --export wrote it (false without --export: the name is what it would be). */
  exported: z.boolean(),
  /** HTTP: the exchange it belongs to (its index in http.exchanges) and which message of it carried the body. */
  exchange: z.number().int().nonnegative().optional(),
  side: z.enum(['request', 'response']).optional(),
  /** Mail: the message's index in the messages of its session (the smtp, pop3 or imap session on `stream`). */
  message: z.number().int().nonnegative().optional(),
});

export type ExportedObject = z.infer<typeof ExportedObject>;
