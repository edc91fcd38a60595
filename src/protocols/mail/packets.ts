import type { PacketRow } from '../schema.js';
import type { FrameLookup, FramesWanted } from '../slice.js';
import type { MailMessage, TranscriptLine } from './schema.js';

/*
 * The packet list of a mail protocol, as Wireshark shows it with the display filter
 * "smtp" or "pop": one row per frame carrying a line of the dialogue (its first line in the
 * Info column, "C: EHLO client.lab.test"), and one per segment of a message ("DATA
 * fragment, 1448 bytes"; SMTP's last one is the IMF row with the sender and subject).
 */

interface SessionLike {
  stream: number;
  client: { ip: string };
  server: { ip: string };
  transcript: TranscriptLine[];
  messages: MailMessage[];
}

export function mailPacketRows(sessions: readonly SessionLike[], protocol: string, imf: boolean): PacketRow[] {
  const rows = new Map<number, PacketRow>();
  for (const s of sessions) {
    const add = (frame: number, fromClient: boolean, info: string, kind: PacketRow['kind'], proto = protocol) => {
      if (rows.has(frame)) return;
      const [from, to] = fromClient ? [s.client, s.server] : [s.server, s.client];
      // Times and lengths come from the detail stage.
      rows.set(frame, { frame, time: Number.NaN, source: from.ip, destination: to.ip, protocol: proto, length: 0, info, kind, stream: s.stream });
    };
    // A message's segments first: the frame with its final dot is the message's last segment (SMTP's IMF row).
    const messageFrames = new Set<number>();
    for (const m of s.messages) {
      const fromClient = m.fetchedBy === undefined;
      for (const seg of m.segments) {
        messageFrames.add(seg.frame);
        const last = seg.frame === m.frame;
        if (last && imf) {
          const types = m.parts.filter((p) => !p.contentType.startsWith('multipart/')).map((p) => ` (${p.contentType})`);
          const raw = (name: string) => m.headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
          add(seg.frame, fromClient, `from: ${raw('from')}, subject: ${raw('subject')}, ${types.join('')}`, 'request', `${protocol}/IMF`);
        } else add(seg.frame, fromClient, `${fromClient ? 'C' : 'S'}: DATA fragment, ${seg.bytes} bytes`, fromClient ? 'request' : 'response');
      }
    }
    for (const l of s.transcript) {
      if (l.kind === 'tls' || l.kind === 'data') continue;
      const terminator = l.text === '.' && !l.command && !l.indicator && l.code === undefined;
      if (terminator && messageFrames.has(l.frame)) continue;
      // A line of the dialogue in the same frame as a message's first bytes shows instead (POP3's "+OK 3951 octets").
      if (messageFrames.delete(l.frame)) rows.delete(l.frame);
      add(l.frame, l.side === 'C', `${l.side}: ${l.text}`, l.side === 'C' ? 'request' : 'response');
    }
  }
  return [...rows.values()].sort((a, b) => a.frame - b.frame);
}

/** The frames of a mail slice's packet list, for the detail stage. */
export function mailFrames(model: { packets: PacketRow[] }): FramesWanted {
  return { detailed: new Map(), listed: model.packets.map((p) => p.frame) };
}

/** Fill the packet list's lengths and times from what the detail stage read. */
export function mailDetailed(model: { packets: PacketRow[] }, lookup: FrameLookup): void {
  for (const p of model.packets) {
    const basic = lookup.basics.get(p.frame);
    p.length = basic?.length ?? 0;
    p.time = basic?.time ?? 0;
  }
}
