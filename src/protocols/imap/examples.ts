import type { ImapModel, ImapSession, ImapTranscriptLine } from './schema.js';

/*
 * The examples the IMAP part of the report shows: the session in full, and the lines that
 * show the parts of IMAP's messages (a tagged command, untagged data, an untagged status with
 * a response code, the tagged completion, a continuation request, a literal), with the frames
 * of one command and of the response to it, whose packet details are shown. Chosen from the
 * model, so the detail stage and the view agree.
 */

export function selectedSession(imap: ImapModel): ImapSession | null {
  const stream = imap.selection.session?.stream;
  return imap.sessions.find((s) => s.stream === stream) ?? null;
}

export interface StructureExamples {
  /** A tagged command with arguments: SELECT or EXAMINE when there is one. */
  command: ImapTranscriptLine | null;
  /** Untagged data (* 2 EXISTS), preferably in answer to that command. */
  untagged: ImapTranscriptLine | null;
  /** An untagged status with a response code (* OK [UIDVALIDITY …] …). */
  status: ImapTranscriptLine | null;
  /** The command's tagged completion. */
  completion: ImapTranscriptLine | null;
  /** A "+" continuation request. */
  continuation: ImapTranscriptLine | null;
  /** A line announcing a literal ({535}) and the literal after it. */
  literal: { line: ImapTranscriptLine; data: ImapTranscriptLine } | null;
}

/** Commands whose answer shows the parts of a response best: data, status codes and the completion in one frame. */
const SHOWCASE = ['SELECT', 'EXAMINE', 'LIST', 'SEARCH', 'CAPABILITY'];
/** Commands not to show as the example: their arguments are secrets (masked, but a poor example). */
const SECRET = new Set(['LOGIN', 'AUTHENTICATE']);

export function structureExamples(s: ImapSession): StructureExamples {
  const lines = s.transcript;
  const commands = lines.filter((l) => l.side === 'C' && l.tag !== null && l.command !== null);
  const completionOf = (c: ImapTranscriptLine) => lines.slice(lines.indexOf(c) + 1).find((l) => l.side === 'S' && l.tag === c.tag && l.status !== null) ?? null;
  // The command's frame and its completion's are shown in Wireshark's details: a frame holding a literal's data is not a good one.
  const dataFrames = new Set(lines.filter((l) => l.kind === 'data').map((l) => l.frame));
  const fits = (c: ImapTranscriptLine) => {
    const done = completionOf(c);
    return !SECRET.has(c.command!) && done !== null && !dataFrames.has(c.frame) && !dataFrames.has(done.frame);
  };
  const command =
    SHOWCASE.map((name) => commands.find((c) => c.command === name && fits(c))).find(Boolean) ??
    commands.find((c) => fits(c) && c.text.split(' ').length > 2) ??
    commands.find(fits) ??
    null;
  const completion = command ? completionOf(command) : null;
  const answer = command && completion ? lines.slice(lines.indexOf(command) + 1, lines.indexOf(completion)) : [];
  const untaggedData = (l: ImapTranscriptLine) => l.side === 'S' && l.tag === '*' && l.command !== null && l.status === null;
  const untaggedStatus = (l: ImapTranscriptLine) => l.side === 'S' && l.tag === '*' && l.status !== null && l.code !== null;
  const untagged = answer.find((l) => untaggedData(l) && l.command === 'EXISTS') ?? answer.find(untaggedData) ?? lines.find(untaggedData) ?? null;
  const status = answer.find(untaggedStatus) ?? lines.find(untaggedStatus) ?? null;
  const continuation =
    lines.find((l) => l.side === 'S' && l.tag === '+' && l.kind === 'continue') ?? lines.find((l) => l.side === 'S' && l.tag === '+') ?? null;
  // A literal: a FETCH answer's message best, else any line whose literal follows it.
  let literal: StructureExamples['literal'] = null;
  for (const [i, line] of lines.entries()) {
    if (line.tag === null || !/\{\d+\+?\}$/.test(line.text)) continue;
    // The literal is the same side's next entry (a "+ OK" from the server may come between).
    const data = lines.slice(i + 1).find((l) => l.side === line.side);
    if (data?.kind === 'data' || data?.kind === 'literal') {
      literal = { line, data };
      break;
    }
  }
  return { command, untagged, status, completion, continuation, literal };
}

/** The frames whose packet details the structure block shows: the example command's and its completion's. */
export function detailFrames(s: ImapSession): number[] {
  const { command, completion } = structureExamples(s);
  return [command, completion].filter((l): l is ImapTranscriptLine => l !== null).map((l) => l.frame);
}
