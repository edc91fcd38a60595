import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { HOSTILE_CASES } from '../src/fuzz/hostile.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, captures, tempFile } from './helpers/files.js';
import { Conversation, TCP, ethernet, ipv4, pcapFile, tcp } from './helpers/packets.js';

/*
 * The capture is read through one reused buffer, and frames are views of it. Whatever
 * outlives a frame (out-of-order segments, IP fragments, bytes held while a protocol is
 * recognised, kept bodies, partial lines) must be copied. So: the same capture read
 * through a buffer too small to hold two frames gives the very same model.
 */

async function model(file: string, readChunkBytes?: number) {
  const records = dissectCapture(file, { limits: DEFAULT_LIMITS, ...(readChunkBytes ? { readChunkBytes } : {}) });
  return analyse(records, { limits: DEFAULT_LIMITS, fileSize: 0, generator: 'test', revealSecrets: true });
}

/** What the fixtures lack: a body of 300 KB sent out of order, a request in two IPv4 fragments with other traffic between them. */
function synthetic(): { file: string; body: Buffer } {
  const body = Buffer.from(Array.from({ length: 30_000 }, (_, i) => `line ${String(i).padStart(4, '0')}\n`).join(''));
  const web = new Conversation({ ip: '10.9.0.1', port: 40001 }, { ip: '10.9.0.2', port: 80 }).handshake();
  web.send(true, 'GET /big.txt HTTP/1.1\r\nHost: b\r\n\r\n');
  const pieces = Math.ceil((body.length + 100) / 1460);
  web.send(false, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`), body]), {
    order: Array.from({ length: pieces }, (_, i) => (i % 2 ? i - 1 : Math.min(i + 1, pieces - 1))).filter((v, i, a) => a.indexOf(v) === i),
  });
  const other = new Conversation({ ip: '10.9.0.3', port: 40002 }, { ip: '10.9.0.2', port: 80 }).handshake();
  // The request of `other` travels as two IPv4 fragments, with the whole of `web` between them.
  const request = Buffer.from(
    `POST /form HTTP/1.1\r\nHost: b\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000\r\n\r\nfield=${'x'.repeat(1994)}`,
  );
  const segment = tcp({ sport: 40002, dport: 80, seq: 1001, ack: 5001, flags: TCP.ACK | TCP.PSH, payload: request });
  const fragment = (from: number, to: number, more: boolean) =>
    ethernet(ipv4({ src: '10.9.0.3', dst: '10.9.0.2', id: 77, fragmentOffset: from, moreFragments: more, payload: segment.subarray(from, to) }));
  other.frames.push(fragment(0, 1480, true));
  const frames = [...other.frames, ...web.frames, fragment(1480, segment.length, false)];
  other.frames.length = 0;
  other.advance(true, request.length).send(false, 'HTTP/1.1 204 No Content\r\n\r\n');
  frames.push(...other.frames);
  return { file: tempFile('read-buffer.pcap', pcapFile(frames.map((data, i) => ({ tsSec: 1_700_000_000, tsNsec: i * 1000, data })))), body };
}

describe('nothing keeps a view of the read buffer', () => {
  const { file, body } = synthetic();

  it('the synthetic capture holds what it should', async () => {
    const m = await model(file);
    const big = m.http.exchanges.find((e) => e.request?.uri === '/big.txt')!;
    expect(big.response!.body).toMatchObject({ length: body.length, sha256: createHash('sha256').update(body).digest('hex'), missingBytes: 0 });
    expect(big.response!.body!.text).toBe(body.subarray(0, DEFAULT_LIMITS.maxBodyTextBytes).toString());
    const post = m.http.exchanges.find((e) => e.request?.method === 'POST')!;
    expect(post.request!.body!.form).toEqual([{ name: 'field', value: 'x'.repeat(1994) }]);
    expect(post.response!.status).toBe(204);
  });

  // And hostile ones (src/fuzz/hostile.ts), small: pipelined requests split across segments (a head kept as a view was overwritten), floods, trains.
  const hostile = ['http-pipelined', 'smtp-pipelined', 'pop3-listing', 'descending-segments', 'ipv4-fragments'].map((name) =>
    tempFile(`read-buffer-${name}.pcap`, HOSTILE_CASES.find((c) => c.name === name)!.build(500)),
  );

  it.each([file, join(OWN_FIXTURES, 'lab.pcapng'), ...captures(PUBLIC_FIXTURES), ...hostile])(
    '%s: the same model through a 64-byte read buffer',
    async (capture) => {
      expect(await model(capture, 64)).toEqual(await model(capture));
    },
  );
});
