/** Where the network layer starts in a frame, and which network protocol it carries. */
export interface LinkResult {
  /** Offset of the IP header in the frame's bytes. */
  offset: number;
  /** 4 or 6; 0 when the frame carries something other than IP. */
  ipVersion: 0 | 4 | 6;
}

export const ETHERTYPE = { IPv4: 0x0800, IPv6: 0x86dd, VLAN: 0x8100, QinQ: 0x88a8, QinQOld: 0x9100 } as const;

/** BSD loopback address-family values meaning IPv6 (NetBSD/OpenBSD 24, FreeBSD 28, macOS 30, Linux 10). */
const AF_INET6 = new Set([24, 28, 30, 10]);
const AF_INET = 2;

const NOT_IP: LinkResult = { offset: 0, ipVersion: 0 };

/** Results are shared, read-only objects (one per offset and version): this runs for every frame, and need not allocate. */
const RESULTS = new Map<number, LinkResult>();
function result(offset: number, ipVersion: 4 | 6): LinkResult {
  const key = offset * 8 + ipVersion;
  let r = RESULTS.get(key);
  if (!r) {
    r = Object.freeze({ offset, ipVersion });
    RESULTS.set(key, r);
  }
  return r;
}

function byEthertype(type: number, offset: number): LinkResult {
  if (type === ETHERTYPE.IPv4) return result(offset, 4);
  if (type === ETHERTYPE.IPv6) return result(offset, 6);
  return NOT_IP;
}

function byVersionNibble(v: number, offset: number): LinkResult {
  return v === 4 || v === 6 ? result(offset, v) : NOT_IP;
}

/**
 * The link types labreport decodes, and how each reaches its IP header. The frame is
 * `b[start, end)` (the whole array by default); the offset returned is from `start`.
 */
export function decodeLink(linkType: number, b: Uint8Array, start = 0, end = b.length): LinkResult {
  const len = end - start;
  const at = (i: number) => b[start + i]!;
  switch (linkType) {
    case 1: {
      // Ethernet II, then any stack of 802.1Q / 802.1ad (QinQ) tags.
      if (len < 14) return NOT_IP;
      let o = 12;
      let type = (at(o) << 8) | at(o + 1);
      while ((type === ETHERTYPE.VLAN || type === ETHERTYPE.QinQ || type === ETHERTYPE.QinQOld) && o + 6 <= len) {
        o += 4;
        type = (at(o) << 8) | at(o + 1);
      }
      return byEthertype(type, o + 2);
    }
    case 113: // Linux cooked v1: protocol type at 14.
      return len < 16 ? NOT_IP : byEthertype((at(14) << 8) | at(15), 16);
    case 276: // Linux cooked v2: protocol type at 0, header of 20 bytes.
      return len < 20 ? NOT_IP : byEthertype((at(0) << 8) | at(1), 20);
    case 101: // LINKTYPE_RAW: the version nibble says which IP.
    case 12: // DLT_RAW as BSD and older libpcap wrote it in pcap files; Wireshark reads it as raw IP
    case 14: // DLT_RAW as OpenBSD writes it; the same
      return byVersionNibble(len > 0 ? at(0) >> 4 : 0, 0);
    case 228:
      return len > 0 && at(0) >> 4 === 4 ? result(0, 4) : NOT_IP;
    case 229:
      return len > 0 && at(0) >> 4 === 6 ? result(0, 6) : NOT_IP;
    case 0: // BSD null: address family in the capturing host's byte order.
    case 108: {
      // OpenBSD loop: the same, in network byte order.
      if (len < 4) return NOT_IP;
      const be = ((at(0) << 24) | (at(1) << 16) | (at(2) << 8) | at(3)) >>> 0;
      const le = ((at(3) << 24) | (at(2) << 16) | (at(1) << 8) | at(0)) >>> 0;
      const family = linkType === 108 ? be : le < 0x10000 ? le : be;
      if (family === AF_INET) return result(4, 4);
      if (AF_INET6.has(family)) return result(4, 6);
      return NOT_IP;
    }
    default:
      return NOT_IP;
  }
}

/** Link types decodeLink understands; others are counted, not decoded. */
export const DECODED_LINK_TYPES = new Set([0, 1, 12, 14, 101, 108, 113, 228, 229, 276]);
