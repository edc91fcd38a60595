/*
 * The QUIC versions whose Initial packets labreport can read, with what RFC 9001
 * section 5.2 (version 1) and RFC 9369 section 3.3 (version 2) publish for them: the
 * salt the Initial secrets are extracted with, and the labels the keys are expanded with.
 * Anyone can derive these keys from a captured Initial: they protect against tampering,
 * not eavesdropping, which is why the ClientHello (with the SNI) can be read.
 */

export interface QuicVersion {
  /** The 32-bit version field. */
  version: number;
  name: string;
  /** Where the salt and labels are defined. */
  rfc: { number: number; section: string };
  /** initial_salt (RFC 9001 section 5.2 / RFC 9369 section 3.3.1). */
  salt: Buffer;
  /** HKDF-Expand-Label labels for the packet protection key, IV and header protection key. */
  labels: { key: string; iv: string; hp: string };
  /** The two bits of the long header's type field per packet type (RFC 9000 section 17.2 / RFC 9369 section 3.2). */
  types: { initial: number; zeroRtt: number; handshake: number; retry: number };
}

export const QUIC_V1: QuicVersion = {
  version: 0x00000001,
  name: 'QUIC version 1',
  rfc: { number: 9001, section: '5.2' },
  salt: Buffer.from('38762cf7f55934b34d179ae6a4c80cadccbb7f0a', 'hex'),
  labels: { key: 'quic key', iv: 'quic iv', hp: 'quic hp' },
  types: { initial: 0, zeroRtt: 1, handshake: 2, retry: 3 },
};

export const QUIC_V2: QuicVersion = {
  version: 0x6b3343cf,
  name: 'QUIC version 2',
  rfc: { number: 9369, section: '3.3' },
  salt: Buffer.from('0dede3def700a6db819381be6e269dcbf9bd2ed9', 'hex'),
  labels: { key: 'quicv2 key', iv: 'quicv2 iv', hp: 'quicv2 hp' },
  types: { initial: 1, zeroRtt: 2, handshake: 3, retry: 0 },
};

const KNOWN = new Map([QUIC_V1, QUIC_V2].map((v) => [v.version, v]));

export function quicVersion(version: number): QuicVersion | null {
  return KNOWN.get(version) ?? null;
}

/** How a capture should name a version it cannot decrypt: version negotiation, drafts, greasing. */
export function versionLabel(version: number): string {
  const known = KNOWN.get(version);
  if (known) return known.name;
  if (version === 0) return 'Version Negotiation';
  if ((version & 0x0f0f0f0f) === 0x0a0a0a0a) return `reserved version 0x${hex8(version)} (greasing, RFC 9000 section 15)`;
  if (version >>> 8 === 0xff0000) return `IETF draft ${version & 0xff}`;
  return `version 0x${hex8(version)}`;
}

function hex8(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}
