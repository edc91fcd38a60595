import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { imapDetailLines } from '../src/protocols/imap/details.js';
import { detailText } from '../src/render/details.js';
import { OWN_FIXTURES, captures, tshark } from './helpers/files.js';
import { imapModel } from './imap-helpers.js';

vi.mock('../src/protocols/registry.js', async (original) => (await import('./imap-registry.js')).withImap(await original()));

/*
 * The IMAP packet list and packet details against tshark 4.0 on the recorded captures of
 * fixtures/imap: every frame the display filter "imap" shows, with its Protocol and Info
 * columns; and, for every one of those frames, the IMAP lines of the packet details as
 * `tshark -2 -V` prints them (two passes, as Wireshark's window shows [Response In]). The
 * models are built with the secrets revealed, so the lines are the captured ones.
 */

const IMAP_FIXTURES = join(OWN_FIXTURES, 'imap');
const DECODE_AS = ['tcp.port==1143,imap'];

/** Where we knowingly differ from tshark, and why. */
const KNOWN: Record<string, Record<number, string>> = {
  'imap-auth.pcapng': {
    // "L1 LOGIN {7+}" then the LITERAL+ strings in the same segment: tshark takes "{7+}" for the user name, finds no password and marks the frame malformed.
    106: 'tshark 4.0 marks the LITERAL+ login malformed (its Info ends in "[Malformed Packet]", its details stop at the user name)',
  },
};

/** Frames whose details tshark reads otherwise (its Info column and protocol agree with ours). */
const DETAILS_DIFFER: Record<string, Record<number, string>> = {
  'imap-auth.pcapng': {
    112: 'after "* 1 FETCH (FLAGS (\\Seen) RFC822.SIZE 535)", which has no literal, tshark 4.0 looks for a "{" past the end of the line, finds the {102} of a later FETCH, and reads the wrong bytes as a literal and the rest as lines (imap-fidelity.test.ts: literalAsLines)',
  },
};

/** Frames whose details differ only in the pairing, because tshark never paired their request (see KNOWN). */
const UNPAIRED: Record<string, Record<number, string>> = {
  'imap-auth.pcapng': {
    108: 'the answer to the malformed frame 106: tshark stopped before pairing tag L1, so it shows no [Request In] and no [Response Time]',
  },
};

const fixtures = captures(IMAP_FIXTURES);

/** The IMAP part of each frame's packet details, as `tshark -2 -V` prints it: frame → its lines, from "Internet Message Access Protocol" to the next layer. */
function tsharkDetails(file: string): Map<number, string> {
  const out = execFileSync('tshark', ['-2', '-r', file, ...DECODE_AS.flatMap((d) => ['-d', d]), '-V', '-Y', 'imap'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 << 20,
  });
  const details = new Map<number, string>();
  for (const packet of out.split(/\n(?=Frame \d+: )/)) {
    const frame = Number(/^Frame (\d+):/.exec(packet)?.[1]);
    const lines = packet.split('\n');
    const start = lines.indexOf('Internet Message Access Protocol');
    if (start < 0) continue;
    const end = lines.findIndex((l, i) => i > start && l !== '' && !l.startsWith(' '));
    details.set(
      frame,
      lines
        .slice(start, end < 0 ? undefined : end)
        .filter((l) => l !== '')
        .join('\n'),
    );
  }
  return details;
}

describe('the IMAP packet list and packet details agree with tshark', () => {
  it('has the recorded captures', () => expect(fixtures.map((f) => basename(f))).toEqual(['imap-auth.pcapng', 'imap-session.pcapng', 'imap-tls.pcapng']));

  it.each(fixtures)('%s: the frames of the display filter "imap", with their Protocol and Info columns', async (file) => {
    const { report } = await imapModel(file);
    const { packets, packetsUnlisted } = (
      report as unknown as { imap: { packets: { frame: number; protocol: string; info: string; length: number; time: number }[]; packetsUnlisted: number } }
    ).imap;
    const theirs = tshark(file, ['frame.number', '_ws.col.Protocol', '_ws.col.Info', 'frame.len', 'frame.time_relative'], {
      filter: 'imap',
      decodeAs: DECODE_AS,
    });
    const known = KNOWN[basename(file)] ?? {};
    expect(packetsUnlisted).toBe(0);
    expect(packets.map((p) => p.frame)).toEqual(theirs.map(([frame]) => Number(frame)));
    for (const [i, [frame, protocol, info, length, time]] of theirs.entries()) {
      const ours = packets[i]!;
      expect(ours.protocol, `frame ${frame}`).toBe(protocol);
      if (known[Number(frame)]) expect(info, known[Number(frame)]).toBe(`${ours.info}[Malformed Packet]`);
      else expect(ours.info, `frame ${frame}`).toBe(info);
      expect(ours.length, `frame ${frame}`).toBe(Number(length));
      expect(ours.time, `frame ${frame}`).toBeCloseTo(Number(time), 6);
    }
  });

  it.each(fixtures)('%s: the IMAP lines of the packet details of every frame, with the pairing by tag and the response time', async (file) => {
    const { model } = await imapModel(file);
    const theirs = tsharkDetails(file);
    const known = KNOWN[basename(file)] ?? {};
    const timeOf = (frame: number) => model.packets.find((p) => p.frame === frame)?.time;
    let compared = 0;
    for (const [frame, text] of theirs) {
      if (known[frame] || DETAILS_DIFFER[basename(file)]?.[frame]) continue;
      const session = model.sessions.find((s) => s.transcript.some((l) => l.frame === frame));
      expect(session, `frame ${frame}`).toBeDefined();
      const lines = imapDetailLines(session!, frame, timeOf);
      // A client's literal message (APPEND) is data to us and lines to tshark: we show no details for that frame.
      if (lines === null) {
        expect(
          session!.transcript.some((l) => l.frame === frame && l.kind === 'data' && l.side === 'C'),
          `frame ${frame}`,
        ).toBe(true);
        continue;
      }
      const unpaired = UNPAIRED[basename(file)]?.[frame];
      const shown = unpaired ? lines.filter((l) => !/^\[(Request In|Response Time):/.test(l.text)) : lines;
      if (unpaired) expect(shown.length, unpaired).toBe(lines.length - 2);
      // The response time is the difference of two times in seconds since the first frame; it agrees with tshark's to the nanosecond.
      expect(detailText(shown), `frame ${frame}`).toBe(text);
      compared++;
    }
    expect(compared).toBeGreaterThan(basename(file) === 'imap-tls.pcapng' ? 4 : 30);
  });
});
