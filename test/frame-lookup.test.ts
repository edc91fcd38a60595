import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookUpFrames, macVendor } from '../src/report/frames.js';
import { OWN_FIXTURES } from './helpers/files.js';

/*
 * The detail stage's two shortcuts, checked against the slow ways they replace: the vendor of a
 * MAC address found by a binary search over the registry file (against parsing it whole), and
 * the relative sequence numbers of the frames shown, counted from frames read only for their
 * TCP numbers (against tshark's tcp.seq and tcp.ack, which are relative).
 */

describe('MAC vendors by binary search over the registry', () => {
  const registry = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('oui-data'), 'utf8')) as Record<string, string>;
  const mal = Object.keys(registry)
    .filter((k) => k.length === 6)
    .sort();
  const mac = (oui: string) => `${oui.slice(0, 2)}:${oui.slice(2, 4)}:${oui.slice(4, 6)}:12:34:56`.toLowerCase();

  it('finds what a full parse finds, first, last and throughout the MA-L block', () => {
    // Every 97th entry, and the ends: locally administered and multicast OUIs have no vendor by rule.
    const sample = [mal[1]!, mal.at(-1)!, ...mal.filter((_, i) => i % 97 === 0)].filter((k) => !(parseInt(k.slice(0, 2), 16) & 0x03) && k !== '000000');
    expect(sample.length).toBeGreaterThan(300);
    for (const oui of sample) expect(macVendor(mac(oui)), oui).toBe(registry[oui]!.split('\n')[0]);
  });

  it('finds nothing for OUIs between and past the entries, or only in the MA-M/MA-S blocks', () => {
    const absent: string[] = [];
    for (let n = 0x8c0000; absent.length < 40 && n < 0xfcffff; n += 0x1234) {
      const oui = (n & 0xfcffff).toString(16).toUpperCase().padStart(6, '0');
      if (!(oui in registry)) absent.push(oui);
    }
    absent.push('FCFFFC');
    for (const oui of absent) if (!(oui in registry)) expect(macVendor(mac(oui)), oui).toBeUndefined();
    // 40A36B is assigned only in smaller blocks (40A36Bx…): no MA-L entry, so no vendor, as before.
    expect('40A36B' in registry).toBe(false);
    expect(Object.keys(registry).some((k) => k.length > 6 && k.startsWith('40A36B'))).toBe(true);
    expect(macVendor('40:a3:6b:ff:b0:00')).toBeUndefined();
  });
});

describe('relative sequence numbers of the frames shown', () => {
  it("are tshark's, with only the shown frames described in full", () => {
    const capture = join(OWN_FIXTURES, 'lab-session.pcapng');
    const tshark = new Map<number, { seq: number; ack: number | null }>();
    const text = execFileSync(
      'tshark',
      ['-r', capture, '-Y', 'tcp', '-T', 'fields', '-e', 'frame.number', '-e', 'tcp.seq', '-e', 'tcp.ack', '-e', 'tcp.flags.ack'],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    for (const line of text.trim().split('\n')) {
      const [n, seq, ack, hasAck] = line.split('\t');
      tshark.set(Number(n), { seq: Number(seq), ack: hasAck === '1' || hasAck === 'True' ? Number(ack) : null });
    }
    const numbers = [...tshark.keys()];
    expect(numbers.length).toBeGreaterThan(1000);
    // A few late frames, and every 50th: most frames before them are read only for their numbers.
    const shown = new Set([...numbers.slice(-5), ...numbers.filter((_, i) => i % 50 === 0)]);
    const { details } = lookUpFrames(capture, shown, new Set(), null, new Map());
    for (const n of shown) {
      const tcp = details.get(n)?.tcp;
      expect(tcp, `frame ${n}`).toBeTruthy();
      expect({ frame: n, seq: tcp!.relativeSeq, ack: tcp!.relativeAck }).toEqual({ frame: n, seq: tshark.get(n)!.seq, ack: tshark.get(n)!.ack });
    }
  });
});

describe("Ethernet names from Wireshark's manuf file", () => {
  const manuf = '/usr/share/wireshark/manuf';
  it.runIf(existsSync(manuf))('are what parsing the whole file gives, the last line for an OUI winning', async () => {
    const { ethernetName } = await import('../src/render/manuf.js');
    const names = new Map<string, string>();
    for (const line of readFileSync(manuf, 'latin1').split('\n')) {
      const m = /^([0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2})\t([^\t\n]+)/.exec(line);
      if (m) names.set(m[1]!.replace(/[:-]/g, '').toUpperCase(), m[2]!.trim());
    }
    const ouis = [...names.keys()].filter((_, i) => i % 157 === 0);
    expect(ouis.length).toBeGreaterThan(100);
    for (const oui of ouis) {
      const mac = `${oui.slice(0, 2)}:${oui.slice(2, 4)}:${oui.slice(4, 6)}:2d:c7:9c`.toLowerCase();
      expect(ethernetName(mac)).toBe(`${names.get(oui)}_2d:c7:9c`);
    }
    expect(ethernetName('ff:ff:ff:ff:ff:ff')).toBe('Broadcast');
    const unnamed = ['FCFFFD', 'FCFFFE', 'ABCDEF'].find((o) => !names.has(o))!;
    const mac = `${unnamed.slice(0, 2)}:${unnamed.slice(2, 4)}:${unnamed.slice(4, 6)}:00:00:01`.toLowerCase();
    expect(ethernetName(mac)).toBe(mac);
  });
});

describe('User-Agents in plain words', () => {
  it('are the same when remembered as when parsed afresh, past the parses kept', async () => {
    const { userAgentText } = await import('../src/protocols/http/user-agent.js');
    const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:111.0) Gecko/20100101 Firefox/111.0';
    expect(userAgentText(firefox, 'en')).toBe('Firefox 111 on Windows 10');
    // More distinct User-Agents than are kept: the first is then parsed again, to the same words.
    for (let i = 0; i < 100; i++) expect(userAgentText(`curl/7.${i}.1`, 'en')).toBe(`curl 7.${i}.1`);
    expect(userAgentText(firefox, 'en')).toBe('Firefox 111 on Windows 10');
    expect(userAgentText('', 'en')).toBeNull();
  });
});
