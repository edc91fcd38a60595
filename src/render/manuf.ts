import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { macVendor } from '../report/frames.js';

/*
 * Ethernet addresses as Wireshark names them: the vendor's short name and the last three
 * bytes ("IntelCor_2d:c7:9c"). Wireshark's short names come from its own `manuf` file, which
 * a Wireshark installation carries (up to 4.2): when one is found it is used, so the names
 * agree with the student's Wireshark. Otherwise the short name is made from the IEEE
 * registry name (oui-data) the way Wireshark shortens them: punctuation and company words
 * dropped, the words joined, eight characters kept.
 */

const MANUF_FILES = [
  '/usr/share/wireshark/manuf',
  '/usr/local/share/wireshark/manuf',
  '/opt/homebrew/share/wireshark/manuf',
  '/Applications/Wireshark.app/Contents/Resources/share/wireshark/manuf',
  join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Wireshark', 'manuf'),
];

/** The manuf file's text: null before it is looked for, '' when none is installed (or it names no OUI). */
let manufText: string | null = null;
const manufNames = new Map<string, string | undefined>();

function manufFile(): string {
  if (manufText === null) {
    const file = MANUF_FILES.find((f) => existsSync(f));
    const text = file ? readFileSync(file, 'latin1') : '';
    manufText = /^[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}\t[^\t\n]/m.test(text) ? text : '';
  }
  return manufText;
}

/**
 * The short name the manuf file gives an OUI (upper-case hex, no colons). A report names a
 * handful of addresses, so each is searched for in the file's text rather than the file's
 * 50,000 lines parsed into a map (that took a report 110 ms); as in a map, the last line wins.
 */
function manufName(oui: string): string | undefined {
  if (!/^[0-9A-F]{6}$/.test(oui)) return undefined;
  if (!manufNames.has(oui)) {
    let name: string | undefined;
    const line = new RegExp(`^${oui.slice(0, 2)}[:-]${oui.slice(2, 4)}[:-]${oui.slice(4, 6)}\t([^\t\n]+)`, 'gim');
    for (const m of manufFile().matchAll(line)) name = m[1]!.trim();
    manufNames.set(oui, name);
  }
  return manufNames.get(oui);
}

const COMPANY_WORDS =
  /\b(the|inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|srl|bv|nv|oy|ab|as|kg|pty|pte|technologies|technology|electronics|international|industries|systems)\b/gi;

/** A short vendor name made from the IEEE registry name, as Wireshark makes its own. */
export function shortVendorName(name: string): string {
  let s = name.replace(/\s+/g, ' ').trim();
  if (s === s.toUpperCase()) s = s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
  s = s.replace(/["',./:()&]/g, ' ');
  const plain = s.replace(COMPANY_WORDS, ' ');
  if (plain.trim() !== '') s = plain;
  const words = s.split(/\s+/).filter(Boolean);
  return words
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 8);
}

/** "IntelCor_2d:c7:9c" for 44:e5:17:2d:c7:9c; "Broadcast"; the address itself when its vendor is unknown. */
export function ethernetName(mac: string): string {
  if (mac === 'ff:ff:ff:ff:ff:ff') return 'Broadcast';
  const oui = mac.replaceAll(':', '').slice(0, 6).toUpperCase();
  const tail = mac.split(':').slice(3).join(':');
  if (manufFile() !== '') {
    const short = manufName(oui);
    return short ? `${short}_${tail}` : mac;
  }
  if (oui === '000000') return `00:00:00_${tail}`;
  const vendor = macVendor(mac);
  return vendor ? `${shortVendorName(vendor)}_${tail}` : mac;
}
