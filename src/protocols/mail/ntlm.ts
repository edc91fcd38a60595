/*
 * NTLMSSP messages (Microsoft [MS-NLMP] §2.2.1) as SMTP AUTH NTLM, POP3 AUTH NTLM and IMAP
 * AUTHENTICATE NTLM carry them, base64-encoded: NEGOTIATE (type 1), CHALLENGE (type 2) and
 * AUTHENTICATE (type 3). Only the fields a report names are read: the domain, user and
 * workstation, the server's challenge, and the length of the client's response (the hash
 * that proves the password, masked as a secret). Written by hand: the npm NTLM packages build
 * messages for clients or parse them for a command-line tool; reading five security buffers
 * from a byte array is all that is needed here.
 */

const SIGNATURE = 'NTLMSSP\u0000';
/** NTLMSSP_NEGOTIATE_UNICODE: the message's strings are UTF-16LE, else the OEM code page. */
const UNICODE = 0x00000001;

export type NtlmMessage =
  | { type: 1; domain: string | null; workstation: string | null }
  | { type: 2; target: string | null; challenge: string }
  | { type: 3; domain: string; user: string; workstation: string; lmResponse: Uint8Array; ntResponse: Uint8Array };

/** The NTLMSSP message of a base64 SASL line, or null when it is not one (or is cut short). */
export function decodeNtlm(base64: string): NtlmMessage | null {
  const t = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  const b = Buffer.from(t, 'base64');
  if (b.length < 12 || b.toString('latin1', 0, 8) !== SIGNATURE) return null;
  /** A security buffer (length, allocated length, offset) at `at`: its bytes, or null when it points outside the message. */
  const field = (at: number): Uint8Array | null => {
    if (at + 8 > b.length) return null;
    const length = b.readUInt16LE(at);
    const offset = b.readUInt32LE(at + 4);
    return offset + length <= b.length ? b.subarray(offset, offset + length) : null;
  };
  const type = b.readUInt32LE(8);
  if (type === 1) {
    const flags = b.length >= 16 ? b.readUInt32LE(12) : 0;
    const oem = (f: Uint8Array | null) => (f && f.length ? Buffer.from(f).toString(flags & UNICODE ? 'utf16le' : 'latin1') : null);
    // A NEGOTIATE names its domain and workstation only when the client chooses to (they are OEM strings, MS-NLMP §2.2.1.1).
    return { type: 1, domain: oem(field(16)), workstation: oem(field(24)) };
  }
  if (type === 2) {
    if (b.length < 32) return null;
    const flags = b.readUInt32LE(20);
    const target = field(12);
    return {
      type: 2,
      target: target && target.length ? Buffer.from(target).toString(flags & UNICODE ? 'utf16le' : 'latin1') : null,
      challenge: b.toString('hex', 24, 32),
    };
  }
  if (type === 3) {
    if (b.length < 64) return null;
    const flags = b.readUInt32LE(60);
    const text = (f: Uint8Array | null) => (f ? Buffer.from(f).toString(flags & UNICODE ? 'utf16le' : 'latin1') : '');
    const [lm, nt] = [field(12), field(20)];
    return {
      type: 3,
      domain: text(field(28)),
      user: text(field(36)),
      workstation: text(field(44)),
      lmResponse: lm ?? new Uint8Array(0),
      ntResponse: nt ?? new Uint8Array(0),
    };
  }
  return null;
}

/** The user as Windows writes it: DOMAIN\user, or the user alone. */
export const ntlmUser = (m: Extract<NtlmMessage, { type: 3 }>): string => (m.domain ? `${m.domain}\\${m.user}` : m.user);

/**
 * A message as Wireshark's NTLMSSP dissector sums it up in its Info column: NTLMSSP_NEGOTIATE,
 * NTLMSSP_CHALLENGE, NTLMSSP_AUTH, User: DOMAIN\user (these are the protocol's own names, the
 * same in every language).
 */
export function ntlmSummary(m: NtlmMessage): string {
  if (m.type === 1) return 'NTLMSSP_NEGOTIATE';
  if (m.type === 2) return `NTLMSSP_CHALLENGE, NTLM Server Challenge: ${m.challenge}${m.target ? `, Target Name: ${m.target}` : ''}`;
  return `NTLMSSP_AUTH, User: ${m.domain}\\${m.user}${m.workstation ? `, Host: ${m.workstation}` : ''}`;
}
