import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import type { Detection, Protocol } from '../src/protocols/protocol.js';
import { SLICES } from '../src/protocols/registry.js';
import { ProtocolRouter } from '../src/protocols/router.js';
import type { StreamHandler, TcpConnection } from '../src/reassembly/tcp-stream.js';
import { Warnings } from '../src/warnings.js';
import { tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * The protocol router (src/protocols/router.ts): it holds a new connection's first bytes
 * until one registered protocol claims them by content, or else by port; then it replays
 * what it held, in order, to that protocol's dissector. The detectors here are the
 * registered ones (each slice's own), so what is detected is what a capture would give;
 * only their dissectors are replaced by a recorder, to see what the router hands on.
 */

type Event = string;

/** The registered protocols, each opening a recorder of what it is handed instead of its dissector. */
function recordingProtocols(): { protocols: Protocol[]; events: Event[]; opened: string[] } {
  const events: Event[] = [];
  const opened: string[] = [];
  const protocols = SLICES.map((s) => s.start(DEFAULT_LIMITS).protocol).map((p): Protocol => ({
    ...p,
    open: () => {
      opened.push(p.name);
      return recorder(events);
    },
  }));
  return { protocols, events, opened };
}

function recorder(events: Event[]): StreamHandler {
  const side = (fromClient: boolean) => (fromClient ? 'C' : 'S');
  return {
    data: (fromClient, bytes, frame) => void events.push(`${side(fromClient)}#${frame} ${Buffer.from(bytes).toString('latin1')}`),
    gap: (fromClient, length, frame) => void events.push(`${side(fromClient)}#${frame} gap ${length}`),
    end: (fromClient) => void events.push(`${side(fromClient)} end`),
  };
}

const connection = (serverPort: number, clientPort = 50000) =>
  ({ stream: 0, client: { ip: '10.0.0.1', port: clientPort }, server: { ip: '10.0.0.2', port: serverPort } }) as unknown as TcpConnection;

function route(serverPort: number, protocols: Protocol[]) {
  const chosen: (string | null)[] = [];
  const router = new ProtocolRouter(connection(serverPort), protocols, { limits: DEFAULT_LIMITS, warnings: new Warnings(100) }, (p) =>
    chosen.push(p?.name ?? null),
  );
  return { router, chosen };
}

const b = (s: string) => Buffer.from(s, 'latin1');

describe('detection by content, on any port', () => {
  const cases: [string, number, [boolean, string][]][] = [
    ['http', 5555, [[true, 'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n']]],
    ['http', 5555, [[false, 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n']]],
    [
      'smtp',
      2526,
      [
        [false, '220 mail.example ESMTP\r\n'],
        [true, 'EHLO client\r\n'],
      ],
    ],
    ['pop3', 1100, [[false, '+OK POP3 ready\r\n']]],
    ['imap', 1430, [[false, '* OK [CAPABILITY IMAP4rev1] ready\r\n']]],
    ['imap', 1430, [[true, 'a1 CAPABILITY\r\n']]],
  ];
  for (const [name, port, sends] of cases) {
    it(`${name} on port ${port} from ${JSON.stringify(sends[0]![1].slice(0, 12))}`, () => {
      const { protocols, events, opened } = recordingProtocols();
      const { router, chosen } = route(port, protocols);
      sends.forEach(([fromClient, text], i) => router.data(fromClient, b(text), i + 1, i));
      expect(chosen).toEqual([name]);
      expect(opened).toEqual([name]);
      // Everything held is handed on, in order, with its frames.
      expect(events).toEqual(sends.map(([fromClient, text], i) => `${fromClient ? 'C' : 'S'}#${i + 1} ${text}`));
    });
  }

  it('content wins over the port: HTTP on POP3’s port 110 is HTTP', () => {
    const { protocols } = recordingProtocols();
    const { router, chosen } = route(110, protocols);
    router.data(true, b('POST /form HTTP/1.1\r\n'), 1, 0);
    expect(chosen).toEqual(['http']);
  });

  it('a request line split across segments is claimed once its first line is known, and both pieces are handed on', () => {
    const { protocols, events } = recordingProtocols();
    const { router, chosen } = route(5555, protocols);
    router.data(true, b('GE'), 1, 0);
    expect(chosen).toEqual([]);
    router.data(true, b('T / HTTP/1.1\r\n'), 2, 0);
    expect(chosen).toEqual(['http']);
    expect(events).toEqual(['C#1 GE', 'C#2 T / HTTP/1.1\r\n']);
    // After the choice, bytes go straight through.
    router.data(false, b('HTTP/1.1 204 No Content\r\n\r\n'), 3, 0);
    expect(events.at(-1)).toBe('S#3 HTTP/1.1 204 No Content\r\n\r\n');
  });
});

describe('a connection that changes its mind', () => {
  it('a 220 banner waits for the client: EHLO makes it SMTP', () => {
    const { protocols, events } = recordingProtocols();
    const { router, chosen } = route(2121, protocols);
    router.data(false, b('220 ready\r\n'), 1, 0);
    expect(chosen).toEqual([]); // SMTP or FTP: not yet known
    router.gap(false, 10, 2, 0);
    router.data(true, b('EHLO me\r\n'), 3, 0);
    expect(chosen).toEqual(['smtp']);
    expect(events).toEqual(['S#1 220 ready\r\n', 'S#2 gap 10', 'C#3 EHLO me\r\n']);
  });

  it('a 220 banner answered by FTP’s USER is no protocol labreport reads, and nothing is handed on', () => {
    const { protocols, events, opened } = recordingProtocols();
    const { router, chosen } = route(2121, protocols);
    router.data(false, b('220 ftp ready\r\n'), 1, 0);
    router.data(true, b('USER anonymous\r\n'), 2, 0);
    expect(chosen).toEqual([null]);
    expect(opened).toEqual([]);
    router.data(false, b('331 password\r\n'), 3, 0);
    router.end(true);
    expect(events).toEqual([]);
  });

  it('the same banner answered by FTP on SMTP’s port is still SMTP, by its port', () => {
    const { protocols } = recordingProtocols();
    const { router, chosen } = route(25, protocols);
    router.data(false, b('220 ftp ready\r\n'), 1, 0);
    router.data(true, b('USER anonymous\r\n'), 2, 0);
    expect(chosen).toEqual(['smtp']);
  });

  it('a connection whose both sides end before a decision is decided then, ends included', () => {
    const { protocols, events } = recordingProtocols();
    const { router, chosen } = route(2121, protocols);
    router.data(false, b('220 bye\r\n'), 1, 0);
    router.end(false);
    expect(chosen).toEqual([]);
    router.end(true);
    // No content match and no registered port: unknown.
    expect(chosen).toEqual([null]);
    expect(events).toEqual([]);
  });
});

describe('unknown protocols', () => {
  it('SSH is no protocol: once both sides have spoken, chosen as none, and nothing is handed on', () => {
    const { protocols, opened } = recordingProtocols();
    const { router, chosen } = route(22, protocols);
    router.data(false, b('SSH-2.0-OpenSSH_9.2\r\n'), 1, 0);
    // The server's banner alone could still be answered by an HTTP request: wait for the client.
    expect(chosen).toEqual([]);
    router.data(true, b('SSH-2.0-PuTTY\r\n'), 2, 0);
    expect(chosen).toEqual([null]);
    expect(opened).toEqual([]);
  });

  it('unknown bytes on a registered port are claimed by that port (a capture that starts mid-message)', () => {
    const { protocols, events } = recordingProtocols();
    const { router, chosen } = route(80, protocols);
    router.data(false, b('tinuation of a body\r\n'), 1, 0);
    router.data(true, b('more of a request body'), 2, 0);
    expect(chosen).toEqual(['http']);
    expect(events).toEqual(['S#1 tinuation of a body\r\n', 'C#2 more of a request body']);
  });

  it('a connection with no bytes at all is claimed by no protocol, even on a registered port', () => {
    const { protocols, opened } = recordingProtocols();
    const { router, chosen } = route(80, protocols);
    router.end(true);
    router.end(false);
    expect(chosen).toEqual([null]);
    expect(opened).toEqual([]);
  });
});

describe('the bytes-to-detect bound', () => {
  const unsure: Protocol = { name: 'undecided', ports: [], detect: (): Detection => 'unsure', open: () => recorder([]) };

  it('gives up on a side that sent the bound’s worth of bytes without a verdict, and keeps no more of it', () => {
    const seen: number[] = [];
    const watching: Protocol = { ...unsure, detect: (client) => (seen.push(client.length), 'unsure') };
    const { router, chosen } = route(4000, [watching]);
    for (let frame = 1; chosen.length === 0 && frame < 100; frame++) router.data(true, new Uint8Array(1000).fill(0x41), frame, 0);
    expect(chosen).toEqual([null]);
    // Given up at the first look that had 4 KiB or more, and never shown more than 4 KiB.
    expect(seen.at(-1)).toBe(4096);
    expect(seen.length).toBe(5);
    expect(Math.max(...seen)).toBe(4096);
  });

  it('a POP3 USER command the server never answers: given up at the bound on a free port, claimed by POP3’s port', () => {
    // Without the server's +OK, a client's USER is only maybe POP3 (HTTP and the others have said no).
    const long = `USER ${'a'.repeat(5000)}`;
    for (const [port, expected] of [
      [5555, null],
      [110, 'pop3'],
    ] as const) {
      const { protocols } = recordingProtocols();
      const { router, chosen } = route(port, protocols);
      router.data(true, b(long.slice(0, 2000)), 1, 0);
      expect(chosen, `port ${port}`).toEqual([]);
      router.data(true, b(long.slice(2000)), 2, 0);
      expect(chosen, `port ${port}`).toEqual([expected]);
    }
  });
});

describe('the router in the pipeline, on a capture', () => {
  it('labels each connection of a synthesised capture with the protocol its content shows, whatever its port', () => {
    const talks: [number, [boolean, string][]][] = [
      [
        5555,
        [
          [true, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n'],
          [false, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'],
        ],
      ],
      [
        2526,
        [
          [false, '220 mx ESMTP\r\n'],
          [true, 'EHLO me\r\n'],
          [false, '250 mx\r\n'],
          [true, 'QUIT\r\n'],
          [false, '221 bye\r\n'],
        ],
      ],
      [
        1100,
        [
          [false, '+OK hi\r\n'],
          [true, 'QUIT\r\n'],
          [false, '+OK bye\r\n'],
        ],
      ],
      [
        1430,
        [
          [false, '* OK hi\r\n'],
          [true, 'a1 LOGOUT\r\n'],
          [false, '* BYE\r\na1 OK done\r\n'],
        ],
      ],
      [
        22,
        [
          [false, 'SSH-2.0-OpenSSH_9.2\r\n'],
          [true, 'SSH-2.0-x\r\n'],
        ],
      ],
    ];
    const frames = talks.flatMap(([port, sends], i) => {
      const c = new Conversation({ ip: '10.0.0.1', port: 40000 + i }, { ip: '10.0.0.2', port }).handshake();
      for (const [fromClient, text] of sends) c.send(fromClient, text);
      return c.close().frames;
    });
    const path = tempFile('router.pcap', pcapFile(frames.map((data, i) => ({ tsSec: 1_700_000_000, tsNsec: i * 1000, data }))));
    const records = dissectCapture(path, { limits: DEFAULT_LIMITS });
    const labelled = records.connections.map((c) => [c.conn.server.port, c.protocol]);
    expect(labelled).toEqual([
      [5555, 'http'],
      [2526, 'smtp'],
      [1100, 'pop3'],
      [1430, 'imap'],
    ]);
  });
});
