import { PcapWriter, TcpFlow, ethernetFrame, ipv4Address, ipv4Packet, ipv6Fragment } from './forge.js';

/*
 * Hostile captures, built from scratch at any scale: the memory and time bombs of
 * issue 9 (fragment trains, descending segments, pipelining floods, lists that grow
 * with the input). scripts/resources.mjs builds each at full scale and measures time
 * and peak memory; the tests build small ones and check what the model says.
 */

export interface HostileCase {
  /** File-name friendly id. */
  name: string;
  /** What it is, for the resource table: `${scale} …`. */
  what: string;
  /** The scale issue 9 measured (fragments, segments, commands, fields…). */
  full: number;
  build(scale: number): Buffer;
}

const CLIENT = { ip: ipv4Address('10.9.0.1'), port: 40000 };
const web = (out: PcapWriter) => new TcpFlow(out, CLIENT, { ip: ipv4Address('10.9.0.2'), port: 80 });
const smtp = (out: PcapWriter) => new TcpFlow(out, CLIENT, { ip: ipv4Address('10.9.0.2'), port: 25 });
const pop3 = (out: PcapWriter) => new TcpFlow(out, CLIENT, { ip: ipv4Address('10.9.0.2'), port: 110 });

const OK_RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok';

/** A POST of exactly `size` bytes (head and body), so a train or a run of segments can carry it. */
export function postOfSize(size: number): Buffer {
  const head = (n: number) => `POST /upload HTTP/1.1\r\nHost: bomb.test\r\nContent-Type: text/plain\r\nContent-Length: ${n}\r\n\r\n`;
  let body = Math.max(0, size - head(size).length);
  body = Math.max(0, size - head(body).length);
  return Buffer.concat([Buffer.from(head(body)), Buffer.alloc(body, 0x61)]);
}

/**
 * One IPv4 (or IPv6) datagram in `count` fragments of 8 bytes: the last (MF = 0) first,
 * then fragments from the end back towards the start, round and round (overlapping
 * duplicates), and the first one last, so the datagram is whole only at the last frame.
 * The datagram is a TCP segment carrying a POST.
 */
function fragmentTrain(count: number, version: 4 | 6): Buffer {
  const out = new PcapWriter();
  const flow = web(out).handshake();
  // The datagram: 8-byte units, at most 8189 of them (IPv4's 65,535-byte limit).
  const units = Math.max(4, Math.min(8189, Math.ceil(count / 5)));
  const [frame] = flow.segmentsOf(true, postOfSize(units * 8 - 20), 1 << 20);
  const segment = frame!.subarray(14 + 20); // the TCP segment inside the forged frame
  const piece = (unit: number, more: boolean) => {
    const data = segment.subarray(unit * 8, more ? unit * 8 + 8 : segment.length);
    return version === 4
      ? ethernetFrame(ipv4Packet({ src: CLIENT.ip, dst: ipv4Address('10.9.0.2'), id: 77, fragmentOffset: unit * 8, moreFragments: more }, data))
      : ethernetFrame(ipv6Fragment('fd00::1', 'fd00::2', 6, 77, unit * 8, more, data));
  };
  const last = Math.ceil(segment.length / 8) - 1;
  out.add(piece(last, false));
  for (let i = 0; i < count - 2; i++) out.add(piece(last - 1 - (i % (last - 1)), true)); // units last-1 … 1, round and round
  out.add(piece(0, true));
  if (version === 6) return out.bytes(); // the handshake was IPv4: the IPv6 datagram stands alone
  flow.send(false, OK_RESPONSE).close();
  return out.bytes();
}

/** A POST of `count` bytes sent one byte per segment, last byte first. */
function descendingSegments(count: number): Buffer {
  const out = new PcapWriter();
  const flow = web(out).handshake();
  const frames = flow.segmentsOf(true, postOfSize(count), 1);
  for (let i = frames.length - 1; i >= 0; i--) out.add(frames[i]!);
  flow.send(false, OK_RESPONSE).close();
  return out.bytes();
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('');

/** The SMTP greeting and EHLO every mail case starts with. */
function smtpStart(out: PcapWriter): TcpFlow {
  return smtp(out).handshake().send(false, '220 mail.test ESMTP\r\n').send(true, 'EHLO client.test\r\n').send(false, '250-mail.test\r\n250 PIPELINING\r\n');
}

/** `count` NOOPs sent before any reply, then their `count` replies. */
function pipelinedCommands(count: number): Buffer {
  const out = new PcapWriter();
  const flow = smtpStart(out);
  flow.send(
    true,
    lines(count, () => 'NOOP\r\n'),
  );
  flow.send(
    false,
    lines(count, (i) => `250 2.0.0 OK ${i}\r\n`),
  );
  flow.send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/** `count` HTTP requests pipelined before any response, then their responses. */
function pipelinedRequests(count: number): Buffer {
  const out = new PcapWriter();
  const flow = web(out).handshake();
  flow.send(
    true,
    lines(count, (i) => `GET /${i} HTTP/1.1\r\nHost: bomb.test\r\n\r\n`),
  );
  flow.send(
    false,
    lines(count, () => 'HTTP/1.1 204 No Content\r\n\r\n'),
  );
  flow.close();
  return out.bytes();
}

/** One request answered by `count` interim responses (100 Continue), then its final one. */
function interimResponses(count: number): Buffer {
  const out = new PcapWriter();
  const flow = web(out).handshake();
  flow.send(true, 'POST /upload HTTP/1.1\r\nHost: bomb.test\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok');
  flow.send(false, `${lines(count, () => 'HTTP/1.1 100 Continue\r\n\r\n')}${OK_RESPONSE}`);
  flow.close();
  return out.bytes();
}

/** `count` RCPT TO commands, each refused (failures), one exchange at a time. */
function refusedRecipients(count: number): Buffer {
  const out = new PcapWriter();
  const flow = smtpStart(out).send(true, 'MAIL FROM:<a@client.test>\r\n').send(false, '250 OK\r\n');
  for (let i = 0; i < count; i++) flow.send(true, `RCPT TO:<nobody${i}@mail.test>\r\n`).send(false, `550 5.1.1 <nobody${i}@mail.test> no such user\r\n`);
  flow.send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/** One message sent with DATA. */
function sendMail(flow: TcpFlow, message: string): TcpFlow {
  return flow
    .send(true, 'MAIL FROM:<a@client.test>\r\n')
    .send(false, '250 OK\r\n')
    .send(true, 'RCPT TO:<b@mail.test>\r\n')
    .send(false, '250 OK\r\n')
    .send(true, 'DATA\r\n')
    .send(false, '354 go ahead\r\n')
    .send(true, `${message}\r\n.\r\n`)
    .send(false, '250 2.0.0 queued\r\n');
}

/** A mail of `count` header fields (13 bytes each: 20,000 make 251 kB). */
function headerFields(count: number): Buffer {
  const out = new PcapWriter();
  const headers = lines(count, (i) => `X-${String(i).padStart(5, '0')}: v\r\n`);
  sendMail(smtpStart(out), `${headers}Subject: many headers\r\n\r\nbody`).send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/**
 * One exchange whose request and response carry `bytes` of header fields between them
 * (short ones, 12 bytes each), each section under the default --max-header-bytes (64 KiB).
 */
function headerSections(bytes: number): Buffer {
  const fields = (n: number) => lines(n, (i) => `X-${String(i).padStart(5, '0')}: v\r\n`);
  const each = Math.min(Math.floor(bytes / 2 / 12), Math.floor((64 * 1024 - 64) / 12)); // 131 kB at most in all
  const out = new PcapWriter();
  web(out)
    .handshake()
    .send(true, `GET /headers HTTP/1.1\r\nHost: bomb.test\r\n${fields(each)}\r\n`)
    .send(false, `HTTP/1.1 200 OK\r\n${fields(each)}Content-Length: 2\r\n\r\nok`)
    .close();
  return out.bytes();
}

/** A multipart mail of `count` parts. */
function mimeParts(count: number): Buffer {
  const out = new PcapWriter();
  const parts = lines(count, (i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
  sendMail(smtpStart(out), `Subject: many parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--`)
    .send(true, 'QUIT\r\n')
    .send(false, '221 bye\r\n')
    .close();
  return out.bytes();
}

/** `count` messages in one SMTP session. */
function smtpMessages(count: number): Buffer {
  const out = new PcapWriter();
  const flow = smtpStart(out);
  for (let i = 0; i < count; i++) sendMail(flow, `Subject: message ${i}\r\n\r\nhello ${i}`);
  flow.send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/** An EHLO answered with `count` extension keywords. */
function ehloKeywords(count: number): Buffer {
  const out = new PcapWriter();
  const flow = smtp(out).handshake().send(false, '220 mail.test ESMTP\r\n').send(true, 'EHLO client.test\r\n');
  flow.send(false, `250-mail.test\r\n${lines(count, (i) => `250-X-KEYWORD-${i} param\r\n`)}250 PIPELINING\r\n`);
  flow.send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/** AUTH LOGIN that goes on for `count` challenge-and-response rounds before it fails. */
function saslSteps(count: number): Buffer {
  const out = new PcapWriter();
  const flow = smtpStart(out).send(true, 'AUTH LOGIN\r\n');
  for (let i = 0; i < count; i++) flow.send(false, '334 VXNlcm5hbWU6\r\n').send(true, `${Buffer.from(`user${i}`).toString('base64')}\r\n`);
  flow.send(false, '535 5.7.8 authentication failed\r\n').send(true, 'QUIT\r\n').send(false, '221 bye\r\n').close();
  return out.bytes();
}

/** A POP3 session that fetches `count` messages. */
function pop3Messages(count: number): Buffer {
  const out = new PcapWriter();
  const flow = pop3(out).handshake().send(false, '+OK POP3 ready\r\n').send(true, 'USER u\r\n').send(false, '+OK\r\n').send(true, 'PASS p\r\n');
  flow.send(false, `+OK ${count} messages\r\n`);
  for (let i = 1; i <= count; i++) flow.send(true, `RETR ${i}\r\n`).send(false, `+OK\r\nSubject: message ${i}\r\n\r\nhello ${i}\r\n.\r\n`);
  flow.send(true, 'QUIT\r\n').send(false, '+OK bye\r\n').close();
  return out.bytes();
}

/** A POP3 LIST and UIDL of `count` lines each, then more commands the transcript must keep. */
export function pop3LongListing(count: number): Buffer {
  const out = new PcapWriter();
  const flow = pop3(out).handshake().send(false, '+OK POP3 ready\r\n').send(true, 'USER u\r\n').send(false, '+OK\r\n').send(true, 'PASS p\r\n');
  flow.send(false, `+OK ${count} messages\r\n`);
  flow.send(true, 'LIST\r\n').send(false, `+OK ${count} messages\r\n${lines(count, (i) => `${i + 1} ${100 + i}\r\n`)}.\r\n`);
  flow.send(true, 'UIDL\r\n').send(false, `+OK\r\n${lines(count, (i) => `${i + 1} uid-${i}\r\n`)}.\r\n`);
  flow.send(true, 'RSET\r\n').send(false, '+OK\r\n');
  for (let i = 1; i <= 50; i++) flow.send(true, `TOP ${i} 0\r\n`).send(false, `+OK\r\nSubject: message ${i}\r\n\r\n.\r\n`);
  flow.send(true, 'QUIT\r\n').send(false, '+OK bye\r\n').close();
  return out.bytes();
}

/** A urlencoded POST of `count` fields ("a&a&…": 2 bytes each, so 500,000 fit in the default 1 MiB body). */
function formFields(count: number): Buffer {
  const out = new PcapWriter();
  const body = 'a&'.repeat(count);
  web(out)
    .handshake()
    .send(true, `POST /form HTTP/1.1\r\nHost: bomb.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
    .send(false, OK_RESPONSE)
    .close();
  return out.bytes();
}

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'ipv4-fragments', what: 'fragments of one IPv4 datagram (last first, overlapping)', full: 40_000, build: (n) => fragmentTrain(n, 4) },
  { name: 'ipv6-fragments', what: 'fragments of one IPv6 datagram (last first, overlapping)', full: 40_000, build: (n) => fragmentTrain(n, 6) },
  { name: 'descending-segments', what: 'one-byte TCP segments in descending order', full: 200_000, build: descendingSegments },
  { name: 'smtp-pipelined', what: 'SMTP commands pipelined before their replies', full: 200_000, build: pipelinedCommands },
  { name: 'smtp-pipelined-1m', what: 'SMTP commands pipelined before their replies', full: 1_000_000, build: pipelinedCommands },
  { name: 'http-pipelined', what: 'HTTP requests pipelined before their responses', full: 200_000, build: pipelinedRequests },
  { name: 'http-interim', what: 'interim (100 Continue) responses to one request', full: 100_000, build: interimResponses },
  { name: 'smtp-refused', what: 'SMTP replies (RCPT TO refused: failures)', full: 10_000, build: refusedRecipients },
  { name: 'mail-headers', what: 'header fields in one mail (251 kB)', full: 20_000, build: headerFields },
  { name: 'mail-headers-100k', what: 'header fields in one mail (1.3 MB)', full: 100_000, build: headerFields },
  { name: 'http-headers', what: 'bytes of HTTP header fields in one exchange (two sections just under 64 KiB)', full: 132_000, build: headerSections },
  { name: 'smtp-replies', what: 'SMTP replies (to pipelined NOOPs)', full: 10_000, build: pipelinedCommands },
  { name: 'mime-parts', what: 'MIME parts in one mail', full: 20_000, build: mimeParts },
  { name: 'smtp-messages', what: 'DATA messages in one SMTP session', full: 10_000, build: smtpMessages },
  { name: 'ehlo-keywords', what: 'EHLO keywords in one reply', full: 100_000, build: ehloKeywords },
  { name: 'sasl-steps', what: 'SASL challenge-response rounds in one AUTH', full: 100_000, build: saslSteps },
  { name: 'pop3-messages', what: 'POP3 messages retrieved in one session', full: 10_000, build: pop3Messages },
  { name: 'pop3-listing', what: 'lines in a POP3 LIST and a UIDL, then 52 commands', full: 100_000, build: pop3LongListing },
  { name: 'form-fields', what: 'form fields in one urlencoded POST', full: 500_000, build: formFields },
];
