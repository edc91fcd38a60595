/**
 * pcap/pcapng LINKTYPE_* values (tcpdump.org/linktypes.html), named with Wireshark's
 * encapsulation short names (what `capinfos -T` and `tshark -F` print), and described
 * as Wireshark's capinfos describes them.
 */
export const LINK_TYPES: Record<number, { name: string; description: string }> = {
  0: { name: 'null', description: 'NULL/Loopback' },
  1: { name: 'ether', description: 'Ethernet' },
  // DLT_RAW's values before LINKTYPE_RAW (101) existed: 12 (BSD, older libpcap) and 14 (OpenBSD). Wireshark maps both to raw IP.
  12: { name: 'rawip', description: 'Raw IP' },
  14: { name: 'rawip', description: 'Raw IP' },
  101: { name: 'rawip', description: 'Raw IP' },
  105: { name: 'ieee-802-11', description: 'IEEE 802.11 Wireless LAN' },
  108: { name: 'loop', description: 'OpenBSD loopback' },
  113: { name: 'linux-sll', description: 'Linux cooked-mode capture v1' },
  127: { name: 'ieee-802-11-radiotap', description: 'IEEE 802.11 plus radiotap radio header' },
  228: { name: 'rawip4', description: 'Raw IPv4' },
  229: { name: 'rawip6', description: 'Raw IPv6' },
  276: { name: 'linux-sll2', description: 'Linux cooked-mode capture v2' },
};

export function linkTypeName(linkType: number): string {
  return LINK_TYPES[linkType]?.name ?? `linktype-${linkType}`;
}

/** Wireshark's largest packet for ordinary link types (WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_PACKET_BYTES = 262_144;
