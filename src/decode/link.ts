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

function byEthertype(type: number, offset: number): LinkResult {
  if (type === ETHERTYPE.IPv4) return { offset, ipVersion: 4 };
  if (type === ETHERTYPE.IPv6) return { offset, ipVersion: 6 };
  return NOT_IP;
}

function byVersionNibble(b: Uint8Array, offset: number): LinkResult {
  const v = b.length > offset ? b[offset]! >> 4 : 0;
  return v === 4 || v === 6 ? { offset, ipVersion: v } : NOT_IP;
}

/** The link types labreport decodes, and how each reaches its IP header. */
export function decodeLink(linkType: number, b: Uint8Array): LinkResult {
  switch (linkType) {
    case 1: {
      // Ethernet II, then any stack of 802.1Q / 802.1ad (QinQ) tags.
      if (b.length < 14) return NOT_IP;
      let o = 12;
      let type = (b[o]! << 8) | b[o + 1]!;
      while ((type === ETHERTYPE.VLAN || type === ETHERTYPE.QinQ || type === ETHERTYPE.QinQOld) && o + 6 <= b.length) {
        o += 4;
        type = (b[o]! << 8) | b[o + 1]!;
      }
      return byEthertype(type, o + 2);
    }
    case 113: // Linux cooked v1: protocol type at 14.
      return b.length < 16 ? NOT_IP : byEthertype((b[14]! << 8) | b[15]!, 16);
    case 276: // Linux cooked v2: protocol type at 0, header of 20 bytes.
      return b.length < 20 ? NOT_IP : byEthertype((b[0]! << 8) | b[1]!, 20);
    case 101: // LINKTYPE_RAW: the version nibble says which IP.
      return byVersionNibble(b, 0);
    case 228:
      return b.length > 0 && b[0]! >> 4 === 4 ? { offset: 0, ipVersion: 4 } : NOT_IP;
    case 229:
      return b.length > 0 && b[0]! >> 4 === 6 ? { offset: 0, ipVersion: 6 } : NOT_IP;
    case 0: // BSD null: address family in the capturing host's byte order.
    case 108: {
      // OpenBSD loop: the same, in network byte order.
      if (b.length < 4) return NOT_IP;
      const be = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
      const le = ((b[3]! << 24) | (b[2]! << 16) | (b[1]! << 8) | b[0]!) >>> 0;
      const family = linkType === 108 ? be : le < 0x10000 ? le : be;
      if (family === AF_INET) return { offset: 4, ipVersion: 4 };
      if (AF_INET6.has(family)) return { offset: 4, ipVersion: 6 };
      return NOT_IP;
    }
    default:
      return NOT_IP;
  }
}

/** Link types decodeLink understands; others are counted, not decoded. */
export const DECODED_LINK_TYPES = new Set([0, 1, 101, 108, 113, 228, 229, 276]);
