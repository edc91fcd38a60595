import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { QuicCollector } from '../src/protocols/quic/index.js';
import { Warnings } from '../src/warnings.js';
import { V1, V2 } from './quic-vectors.js';

/*
 * Hostile datagrams: the RFC sample packets, coalesced, mutated (header bytes especially:
 * lengths, connection ID lengths, versions), cut, fed to the collector. It must never
 * throw, and it must never report a ClientHello that did not authenticate.
 */

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKETS = [V1.clientPacket, V1.serverPacket, V2.clientPacket, V2.serverPacket, V1.retryPacket].map((h) => Buffer.from(h, 'hex'));

describe('QUIC collector on mutated datagrams', () => {
  it('1000 seeded mutations: no exception; a mutated Initial is never read as a ClientHello', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const rnd = random(seed);
      const quic = new QuicCollector({ ...DEFAULT_LIMITS, maxQuicCryptoBytes: 4096 }, new Warnings(100));
      const base = PACKETS[seed % PACKETS.length]!;
      let d = rnd() < 0.3 ? Buffer.concat([base, PACKETS[(seed + 1) % PACKETS.length]!]) : Buffer.from(base);
      // Mostly the header (the first 50 bytes), sometimes anywhere.
      const edits = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < edits; i++) {
        const at = rnd() < 0.7 ? Math.floor(rnd() * 50) : Math.floor(rnd() * d.length);
        d[at] = Math.floor(rnd() * 256);
      }
      if (rnd() < 0.2) d = d.subarray(0, Math.floor(rnd() * d.length));
      const mutatedClient = seed % PACKETS.length === 0 || seed % PACKETS.length === 2;
      try {
        quic.datagram({ ip: '192.0.2.1', port: 5000 }, { ip: '192.0.2.2', port: 443 }, d, 1, 0);
        quic.datagram({ ip: '192.0.2.2', port: 443 }, { ip: '192.0.2.1', port: 5000 }, d, 2, 0);
      } catch (err) {
        throw new Error(`seed ${seed}: ${(err as Error).stack}`);
      }
      for (const c of quic.connections) {
        // AES-GCM authenticates the whole packet: a changed byte cannot yield the published ClientHello, except a change the header protection mask hides.
        if (c.clientHello && mutatedClient) expect(c.clientHello.sni, `seed ${seed}`).toBe('example.com');
      }
    }
  });
});
