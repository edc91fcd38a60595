import { z } from 'zod';
import { mailSessionCommon, SessionSelection } from '../mail/schema.js';
import { frameNumber, PacketRow } from '../schema.js';

/** The POP3 part of the ReportModel (model.pop3): one entry per POP3 connection. */

export const Pop3Session = z.object({
  ...mailSessionCommon,
  tls: z.enum(['none', 'stls', 'implicit']),
  greeting: z.string().nullable(),
  user: z.string().nullable(),
  /** Every response, with its command (null for the greeting), at the frame of its first line. */
  responses: z.array(
    z.object({
      command: z.string().nullable(),
      argument: z.string(),
      indicator: z.enum(['+OK', '-ERR']),
      frame: frameNumber,
      text: z.string(),
      lines: z.number().int().nonnegative(),
    }),
  ),
  /** Responses past maxReplies: counted, not listed; and how many of those were -ERR. */
  responsesUnlisted: z.number().int().nonnegative().default(0),
  failuresUnlisted: z.number().int().nonnegative().default(0),
});

export const Pop3 = z.object({
  sessions: z.array(Pop3Session),
  /** Sessions past the maxMailSessions limit: read and counted, not listed. */
  sessionsUnlisted: z.number().int().nonnegative(),
  /** The packet list filtered on pop, in frame order (up to the maxPacketRows limit). */
  packets: z.array(PacketRow),
  packetsUnlisted: z.number().int().nonnegative(),
  /** The session the report shows in full (with a login and a message when there is one); null when the capture has none. */
  selection: z.object({ session: SessionSelection.nullable() }),
});

export type Pop3Session = z.infer<typeof Pop3Session>;
export type Pop3 = z.infer<typeof Pop3>;
