#!/usr/bin/env node
// Writes a large capture for `npm run bench`. Classic pcap, Ethernet, 1448-byte segments.
//
//   web    (default) realistic HTTP: many TCP connections (handshake, keep-alive exchanges,
//          delayed ACKs, FIN), 64 open at once and interleaved, web-like responses
//          (gzip+chunked HTML, images, JSON, 304s, 404s), some form POSTs.
//   tiny   a million tiny connections (MEGABYTES is then the number of thousands of
//          connections): one GET and its 2-byte answer each; a third never closed.
//   body   one response whose body is MEGABYTES long.
//   bomb   decompression bombs: gzip, deflate, br and chunked-gzip responses, each
//          1 GiB of zeros compressed over 1000:1, on one keep-alive connection.
//
// Usage: node scripts/make-bench-capture.mjs OUT.pcap [MEGABYTES=512] [SEED=1] [SCENARIO=web]
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, createBrotliCompress, createDeflate, createGzip, gzipSync } from 'node:zlib';

const [out, megabytes = '512', seedArg = '1', scenario = 'web'] = process.argv.slice(2);
if (!out || !['web', 'tiny', 'body', 'bomb'].includes(scenario)) {
  console.error('usage: make-bench-capture.mjs OUT.pcap [MEGABYTES] [SEED] [web|tiny|body|bomb]');
  process.exit(2);
}
const target = Number(megabytes) * 1024 * 1024;
let seed = Number(seedArg);
function random() {
  // mulberry32: the same capture for the same seed
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(random() * a.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

// Body material: random bytes for images, and a few pre-compressed HTML pages.
const noise = Buffer.alloc(512 * 1024);
for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256);
const words = 'network packet protocol request response header server client browser cache connection keep alive content length chunked encoding gzip'.split(
  ' ',
);
const pages = Array.from({ length: 8 }, () => {
  const text = `<!DOCTYPE html><html><head><title>${pick(words)}</title></head><body>${Array.from({ length: between(2000, 9000) }, () => pick(words)).join(' ')}</body></html>`;
  return gzipSync(text);
});
const json = Buffer.from(JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, name: pick(words), value: random() })) }));

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
function request(host, i) {
  const post = random() < 0.05;
  const path = post ? '/login' : pick(['/', '/index.html', `/img/photo${i}.jpg`, `/api/items?page=${i}`, `/static/app.${i}.js`, '/missing']);
  const body = post ? Buffer.from(`user=student${i}&password=secret${i}&remember=on`) : null;
  const lines = [
    `${post ? 'POST' : 'GET'} ${path} HTTP/1.1`,
    `Host: ${host}`,
    `User-Agent: ${UA}`,
    'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
    'Accept-Language: en-US,en;q=0.9,zh-CN;q=0.8',
    'Accept-Encoding: gzip, deflate, br',
    'Connection: keep-alive',
    `Cookie: session=${Math.floor(random() * 1e12).toString(36)}`,
  ];
  if (random() < 0.1) lines.push('If-None-Match: "5f3-abc"');
  if (body) lines.push('Content-Type: application/x-www-form-urlencoded', `Content-Length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  return { bytes: body ? Buffer.concat([head, body]) : head, conditional: lines.some((l) => l.startsWith('If-None-Match')), path };
}

function response(req) {
  const date = 'Date: Mon, 01 Sep 2025 08:00:00 GMT\r\nServer: nginx/1.22.1\r\n';
  if (req.conditional) return Buffer.from(`HTTP/1.1 304 Not Modified\r\n${date}ETag: "5f3-abc"\r\n\r\n`);
  if (req.path === '/missing') {
    const body = '<html><body><h1>404 Not Found</h1></body></html>';
    return Buffer.from(`HTTP/1.1 404 Not Found\r\n${date}Content-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  }
  if (req.path.startsWith('/img/')) {
    const size = between(20_000, 400_000);
    const start = between(0, noise.length - 1);
    const body = Buffer.alloc(size);
    for (let o = 0; o < size;) o += noise.copy(body, o, o === 0 ? start : 0);
    return Buffer.concat([
      Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: image/jpeg\r\nContent-Length: ${size}\r\nCache-Control: max-age=3600\r\n\r\n`),
      body,
    ]);
  }
  if (req.path.startsWith('/api/')) {
    return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n`), json]);
  }
  if (req.path === '/login') return Buffer.from(`HTTP/1.1 302 Found\r\n${date}Location: /\r\nContent-Length: 0\r\n\r\n`);
  // HTML: gzip, chunked in 4 KiB chunks, as nginx sends it.
  const page = pick(pages);
  const chunks = [];
  for (let o = 0; o < page.length; o += 4096) {
    const c = page.subarray(o, o + 4096);
    chunks.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n`),
    ...chunks,
  ]);
}

// Output: classic pcap, buffered writes.
const fd = openSync(out, 'w');
let buf = Buffer.alloc(8 << 20);
let used = 0;
let written = 0;
function flush() {
  writeSync(fd, buf, 0, used);
  written += used;
  used = 0;
}
function put(b) {
  if (used + b.length > buf.length) flush();
  b.copy(buf, used);
  used += b.length;
}
const header = Buffer.alloc(24);
header.writeUInt32LE(0xa1b2c3d4, 0);
header.writeUInt16LE(2, 4);
header.writeUInt16LE(4, 6);
header.writeUInt32LE(262144, 16);
header.writeUInt32LE(1, 20);
put(header);

let clock = 1_700_000_000 * 1e6; // microseconds
const MSS = 1448;
function frame(conn, fromClient, flags, payload = null) {
  const plen = payload ? payload.length : 0;
  const len = 14 + 20 + 32 + plen;
  const f = Buffer.alloc(16 + len);
  clock += between(5, 40);
  f.writeUInt32LE(Math.floor(clock / 1e6), 0);
  f.writeUInt32LE(clock % 1e6, 4);
  f.writeUInt32LE(len, 8);
  f.writeUInt32LE(len, 12);
  let o = 16;
  f.set(fromClient ? conn.serverMac : conn.clientMac, o);
  f.set(fromClient ? conn.clientMac : conn.serverMac, o + 6);
  f.writeUInt16BE(0x0800, o + 12);
  o += 14;
  f[o] = 0x45;
  f.writeUInt16BE(20 + 32 + plen, o + 2);
  f.writeUInt16BE(conn.ipid++ & 0xffff, o + 4);
  f[o + 6] = 0x40;
  f[o + 8] = 64;
  f[o + 9] = 6;
  f.set(fromClient ? conn.clientIp : conn.serverIp, o + 12);
  f.set(fromClient ? conn.serverIp : conn.clientIp, o + 16);
  o += 20;
  f.writeUInt16BE(fromClient ? conn.clientPort : 80, o);
  f.writeUInt16BE(fromClient ? 80 : conn.clientPort, o + 2);
  f.writeUInt32BE((fromClient ? conn.cseq : conn.sseq) >>> 0, o + 4);
  f.writeUInt32BE(flags & 0x10 ? (fromClient ? conn.sseq : conn.cseq) >>> 0 : 0, o + 8);
  f[o + 12] = 8 << 4;
  f[o + 13] = flags;
  f.writeUInt16BE(502, o + 14);
  f.set([1, 1, 8, 10], o + 20); // NOP NOP Timestamps
  f.writeUInt32BE(Math.floor(clock / 1000) >>> 0, o + 24);
  if (payload) payload.copy(f, o + 32);
  if (fromClient) conn.cseq = (conn.cseq + plen + (flags & 0x03 ? 1 : 0)) >>> 0;
  else conn.sseq = (conn.sseq + plen + (flags & 0x03 ? 1 : 0)) >>> 0;
  put(f);
}

const SYN = 0x02,
  ACK = 0x10,
  PSH = 0x08,
  FIN = 0x01;
let nextPort = 30000;
let nextClient = 0;
function openConnection() {
  const c = nextClient++;
  const conn = {
    clientIp: Buffer.from([10, 1, (c >> 8) & 0xff, c & 0xff]),
    serverIp: Buffer.from([93, 184, 216, (c % 50) + 1]),
    clientMac: Buffer.from([0x00, 0x1b, 0x21, 0x3a, c & 0xff, 0x01]),
    serverMac: Buffer.from([0x00, 0x50, 0x56, 0xc0, 0x00, 0x08]),
    clientPort: nextPort++ > 60000 ? (nextPort = 30000) : nextPort,
    cseq: Math.floor(random() * 2 ** 32),
    sseq: Math.floor(random() * 2 ** 32),
    ipid: 1,
    exchanges: between(3, 25),
    queue: [], // segments waiting to be sent: [fromClient, payload]
  };
  frame(conn, true, SYN);
  frame(conn, false, SYN | ACK);
  frame(conn, true, ACK);
  return conn;
}

function enqueueExchange(conn, i) {
  const host = `www.example${conn.serverIp[3]}.com`;
  const req = request(host, i);
  const res = response(req);
  for (let o = 0; o < req.bytes.length; o += MSS) conn.queue.push([true, req.bytes.subarray(o, o + MSS)]);
  for (let o = 0; o < res.length; o += MSS) conn.queue.push([false, res.subarray(o, o + MSS)]);
}

/** Send one side's bytes in MSS segments, the peer ACKing every other one. */
function sendAll(conn, fromClient, bytes) {
  for (let o = 0, n = 0; o < bytes.length; o += MSS, n++) {
    frame(conn, fromClient, ACK | PSH, bytes.subarray(o, o + MSS));
    if (n % 2 === 1) frame(conn, !fromClient, ACK);
  }
  frame(conn, !fromClient, ACK);
}

function closeConnection(conn) {
  frame(conn, true, FIN | ACK);
  frame(conn, false, FIN | ACK);
  frame(conn, true, ACK);
}

/** Compress `size` zero bytes with a zlib stream, 1 MiB at a time (never all in memory). */
async function compressZeros(stream, size) {
  const parts = [];
  stream.on('data', (d) => parts.push(d));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const zeros = Buffer.alloc(1 << 20);
  for (let left = size; left > 0; left -= zeros.length) {
    if (!stream.write(left >= zeros.length ? zeros : zeros.subarray(0, left))) await new Promise((r) => stream.once('drain', r));
  }
  stream.end();
  await done;
  return Buffer.concat(parts);
}

const date = 'Date: Mon, 01 Sep 2025 08:00:00 GMT\r\nServer: nginx/1.22.1\r\n';
let summary = '';

if (scenario === 'web') {
  const active = [];
  let exchanges = 0;
  while (written + used < target) {
    while (active.length < 64) active.push(openConnection());
    for (let k = 0; k < active.length; k++) {
      const conn = active[k];
      if (conn.queue.length === 0) {
        if (conn.exchanges-- > 0) {
          enqueueExchange(conn, exchanges++);
        } else {
          frame(conn, true, FIN | ACK);
          frame(conn, false, FIN | ACK);
          frame(conn, true, ACK);
          active.splice(k--, 1);
          continue;
        }
      }
      // A few segments of this connection, then the next connection's turn.
      for (let n = between(1, 6); n > 0 && conn.queue.length > 0; n--) {
        const [fromClient, payload] = conn.queue.shift();
        frame(conn, fromClient, ACK | PSH, payload);
        if (n % 2 === 0 || conn.queue.length === 0) frame(conn, !fromClient, ACK);
      }
    }
  }
  for (const conn of active) {
    frame(conn, true, FIN | ACK);
    frame(conn, false, FIN | ACK);
  }
  summary = `${nextClient} connections, ${exchanges} exchanges`;
} else if (scenario === 'tiny') {
  const count = Number(megabytes) * 1000;
  const active = [];
  for (let made = 0; made < count || active.length;) {
    while (active.length < 256 && made < count) {
      active.push({ conn: openConnection(), step: 0 });
      made++;
    }
    const k = Math.floor(random() * active.length);
    const a = active[k];
    if (a.step === 0) frame(a.conn, true, ACK | PSH, Buffer.from(`GET /t${made} HTTP/1.1\r\nHost: t\r\n\r\n`));
    else if (a.step === 1) frame(a.conn, false, ACK | PSH, Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    else {
      if (a.conn.clientIp[3] % 3 !== 0) closeConnection(a.conn); // a third are left open, never closed
      active.splice(k, 1);
      continue;
    }
    a.step++;
  }
  summary = `${count} connections`;
} else if (scenario === 'body') {
  const size = Number(megabytes) * 1024 * 1024;
  const conn = openConnection();
  sendAll(conn, true, Buffer.from('GET /big.iso HTTP/1.1\r\nHost: files\r\n\r\n'));
  sendAll(conn, false, Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`));
  const piece = Buffer.alloc(MSS * 512);
  for (let sent = 0; sent < size; sent += piece.length) {
    for (let i = 0; i < piece.length; i++) piece[i] = (i * 31 + sent) & 0xff;
    sendAll(conn, false, piece.subarray(0, Math.min(piece.length, size - sent)));
  }
  closeConnection(conn);
  summary = `one response of ${size} bytes`;
} else {
  const GiB = 1 << 30;
  const bombs = [
    ['gzip', await compressZeros(createGzip({ level: 9 }), GiB)],
    ['deflate', await compressZeros(createDeflate({ level: 9 }), GiB)],
    ['br', await compressZeros(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), GiB)],
  ];
  const conn = openConnection();
  for (const [coding, body] of bombs) {
    sendAll(conn, true, Buffer.from(`GET /bomb.${coding} HTTP/1.1\r\nHost: bombs\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n`));
    sendAll(
      conn,
      false,
      Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: text/html\r\nContent-Encoding: ${coding}\r\nContent-Length: ${body.length}\r\n\r\n`),
        body,
      ]),
    );
  }
  const gzip = bombs[0][1];
  const chunks = [];
  for (let o = 0; o < gzip.length; o += 8192)
    chunks.push(Buffer.from(`${Math.min(8192, gzip.length - o).toString(16)}\r\n`), gzip.subarray(o, o + 8192), Buffer.from('\r\n'));
  sendAll(conn, true, Buffer.from('GET /bomb.chunked HTTP/1.1\r\nHost: bombs\r\n\r\n'));
  sendAll(
    conn,
    false,
    Buffer.concat([
      Buffer.from(`HTTP/1.1 200 OK\r\n${date}Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n`),
      ...chunks,
      Buffer.from('0\r\n\r\n'),
    ]),
  );
  closeConnection(conn);
  summary = bombs.map(([coding, body]) => `${coding} ${body.length} bytes → ${GiB} (${Math.round(GiB / body.length)}:1)`).join(', ');
}
flush();
closeSync(fd);
console.log(`${out}: ${(written / 1048576).toFixed(0)} MiB, ${summary}`);
