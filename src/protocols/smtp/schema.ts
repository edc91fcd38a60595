import { z } from 'zod';
import { mailSessionCommon, SessionSelection } from '../mail/schema.js';
import { frameNumber, PacketRow } from '../schema.js';

/** The SMTP part of the ReportModel (model.smtp): one entry per SMTP connection. */

export const SmtpSession = z.object({
  ...mailSessionCommon,
  /** none; starttls (upgraded after the STARTTLS command); implicit (TLS from the first byte, port 465). */
  tls: z.enum(['none', 'starttls', 'implicit']),
  /** The 220 greeting. */
  banner: z.string().nullable(),
  ehlo: z
    .object({
      command: z.string(),
      domain: z.string(),
      keywords: z.array(z.object({ keyword: z.string(), params: z.string() })),
      /** Keywords past maxEhloKeywords: counted, not listed. */
      keywordsUnlisted: z.number().int().nonnegative().default(0),
    })
    .nullable(),
  envelope: z.object({ from: z.string().nullable(), to: z.array(z.string()) }),
  /** Every reply, with the command it answered (null for the greeting; DATA twice: its 354, and the reply to the message), at the frame of its last line. */
  replies: z.array(z.object({ command: z.string().nullable(), code: z.number().int(), enhanced: z.string().nullable(), frame: frameNumber, text: z.string() })),
  /** Replies past maxReplies: counted, not listed; and how many of those were failures (4xx, 5xx). */
  repliesUnlisted: z.number().int().nonnegative().default(0),
  failuresUnlisted: z.number().int().nonnegative().default(0),
});

export const Smtp = z.object({
  sessions: z.array(SmtpSession),
  /** Sessions past the maxMailSessions limit: read and counted, not listed. */
  sessionsUnlisted: z.number().int().nonnegative(),
  /** The packet list filtered on smtp, in frame order (up to the maxPacketRows limit). */
  packets: z.array(PacketRow),
  packetsUnlisted: z.number().int().nonnegative(),
  /** The session the report shows in full (with a login and a message when there is one); null when the capture has none. */
  selection: z.object({ session: SessionSelection.nullable() }),
});

export type SmtpSession = z.infer<typeof SmtpSession>;
export type Smtp = z.infer<typeof Smtp>;
