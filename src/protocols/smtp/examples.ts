import type { TranscriptLine } from '../mail/schema.js';
import type { Smtp, SmtpSession } from './schema.js';

/*
 * The examples the SMTP part of the report shows: the session in full, and the lines that show
 * the parts of its messages. Chosen from the model, so the detail stage and the view agree.
 */

export function selectedSession(smtp: Smtp): SmtpSession | null {
  const stream = smtp.selection.session?.stream;
  return smtp.sessions.find((s) => s.stream === stream) ?? null;
}

/** The lines that show the parts of SMTP messages: a command with a parameter, the reply to it, a multi-line reply. */
export function structureExamples(s: SmtpSession) {
  const lines = s.transcript;
  const commandAt = Math.max(
    lines.findIndex((l) => l.command === 'MAIL'),
    0,
  );
  const command = lines[commandAt]?.command ? lines[commandAt] : lines.find((l) => l.side === 'C' && l.command && l.argument);
  const reply = command ? lines.slice(lines.indexOf(command) + 1).find((l) => l.side === 'S' && l.code !== undefined) : lines.find((l) => l.code !== undefined);
  const multiStart = lines.findIndex((l) => l.kind === 'continuation' && l.code !== undefined);
  let multi: TranscriptLine[] = [];
  if (multiStart >= 0) {
    let end = multiStart;
    while (lines[end]?.kind === 'continuation') end++;
    multi = lines.slice(multiStart, end + 1);
  }
  return { command: command ?? null, reply: reply ?? null, multi };
}
