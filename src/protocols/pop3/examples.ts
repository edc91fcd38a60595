import type { TranscriptLine } from '../mail/schema.js';
import type { Pop3, Pop3Session } from './schema.js';

/*
 * The examples the POP3 part of the report shows: the session in full, and the lines that show
 * the parts of its messages. Chosen from the model, so the detail stage and the view agree.
 */

export function selectedSession(pop3: Pop3): Pop3Session | null {
  const stream = pop3.selection.session?.stream;
  return pop3.sessions.find((s) => s.stream === stream) ?? null;
}

/** The lines that show the parts of POP3 messages: a command with a parameter, a response with a description, a multi-line response. */
export function structureExamples(s: Pop3Session) {
  const lines = s.transcript;
  const command = lines.find((l) => l.side === 'C' && l.command === 'USER') ?? lines.find((l) => l.side === 'C' && l.command && l.argument);
  const response =
    lines.find(
      (l) => l.side === 'S' && l.indicator && l.text.length > l.indicator.length + 1 && lines[lines.indexOf(l) + 1]?.kind !== 'continuation' && l !== lines[0],
    ) ?? lines.find((l) => l.side === 'S' && l.indicator);
  const opensList = (l: TranscriptLine, i: number) => l.side === 'S' && l.indicator && lines[i + 1]?.kind === 'continuation';
  // LIST's answer shows a multi-line response best (number and size per line); any other will do.
  const listAt = lines.findIndex((l, i) => opensList(l, i) && lines[i - 1]?.command === 'LIST');
  const multiAt = listAt >= 0 ? listAt : lines.findIndex(opensList);
  let multi: TranscriptLine[] = [];
  if (multiAt >= 0) {
    let end = multiAt + 1;
    while (lines[end]?.kind === 'continuation') end++;
    multi = lines.slice(multiAt, end + 1);
  }
  return { command: command ?? null, response: response ?? null, multi };
}
