/*
 * Just enough of TLS 1.3's ClientHello and ServerHello (RFC 8446 section 4.1) to say what
 * a QUIC Initial reveals: the server name, the application protocols offered, the TLS
 * versions and cipher suites. Kept small on purpose: the TLS slice (protocols/tls) has the
 * full handshake parser, and the two are to be joined.
 */

export interface HelloSummary {
  kind: 'client-hello' | 'server-hello';
  /** Bytes of the handshake message, its 4-byte header included. */
  length: number;
  /** server_name (RFC 6066 section 3): the host_name, or null. */
  sni: string | null;
  /** application_layer_protocol_negotiation (RFC 7301): the protocols, in order ("h3" for HTTP/3). */
  alpn: string[];
  /** supported_versions (RFC 8446 section 4.2.1): offered (ClientHello) or chosen (ServerHello, one). */
  versions: number[];
  /** Offered cipher suites (ClientHello), or the chosen one (ServerHello). */
  cipherSuites: number[];
  /** Extension types, in order. */
  extensions: number[];
}

export const HANDSHAKE_CLIENT_HELLO = 1;
export const HANDSHAKE_SERVER_HELLO = 2;

const EXT_SERVER_NAME = 0;
const EXT_ALPN = 16;
const EXT_SUPPORTED_VERSIONS = 43;

class Cut extends Error {}

/** The handshake message at the start of `b`, once `b` holds it whole: its type and length, or null. */
export function handshakeHeader(b: Uint8Array): { type: number; length: number } | null {
  if (b.length < 4) return null;
  return { type: b[0]!, length: 4 + ((b[1]! << 16) | (b[2]! << 8) | b[3]!) };
}

/** Parse a whole ClientHello or ServerHello handshake message; a string says why it could not. */
export function parseHello(msg: Uint8Array): HelloSummary | string {
  const header = handshakeHeader(msg);
  if (!header || (header.type !== HANDSHAKE_CLIENT_HELLO && header.type !== HANDSHAKE_SERVER_HELLO)) return 'not a ClientHello or ServerHello';
  if (msg.length < header.length) return 'the handshake message is cut off';
  const client = header.type === HANDSHAKE_CLIENT_HELLO;
  const r = { b: msg.subarray(0, header.length), o: 4 };
  const out: HelloSummary = {
    kind: client ? 'client-hello' : 'server-hello',
    length: header.length,
    sni: null,
    alpn: [],
    versions: [],
    cipherSuites: [],
    extensions: [],
  };
  try {
    take(r, 2 + 32); // legacy_version, random
    take(r, u8(r)); // legacy_session_id
    if (client) {
      const suites = take(r, u16(r));
      for (let i = 0; i + 1 < suites.length; i += 2) out.cipherSuites.push((suites[i]! << 8) | suites[i + 1]!);
      take(r, u8(r)); // legacy_compression_methods
    } else {
      out.cipherSuites.push(u16(r));
      take(r, 1); // legacy_compression_method
    }
    if (r.o === r.b.length) return out; // no extensions (not TLS 1.3, but well-formed)
    const extensions = { b: take(r, u16(r)), o: 0 };
    while (extensions.o < extensions.b.length) {
      const type = u16(extensions);
      const data = { b: take(extensions, u16(extensions)), o: 0 };
      out.extensions.push(type);
      if (type === EXT_SERVER_NAME && client && data.b.length > 0) {
        const names = { b: take(data, u16(data)), o: 0 };
        while (names.o < names.b.length) {
          const nameType = u8(names);
          const name = take(names, u16(names));
          if (nameType === 0 && out.sni === null) out.sni = Buffer.from(name).toString('latin1');
        }
      } else if (type === EXT_ALPN) {
        const names = { b: take(data, u16(data)), o: 0 };
        while (names.o < names.b.length) out.alpn.push(Buffer.from(take(names, u8(names))).toString('latin1'));
      } else if (type === EXT_SUPPORTED_VERSIONS) {
        if (client) {
          const list = take(data, u8(data));
          for (let i = 0; i + 1 < list.length; i += 2) out.versions.push((list[i]! << 8) | list[i + 1]!);
        } else out.versions.push(u16(data));
      }
    }
  } catch (e) {
    if (e instanceof Cut) return 'a field of the handshake message runs past its end';
    throw e;
  }
  return out;
}

function take(r: { b: Uint8Array; o: number }, n: number): Uint8Array {
  if (r.o + n > r.b.length) throw new Cut();
  const out = r.b.subarray(r.o, r.o + n);
  r.o += n;
  return out;
}

function u8(r: { b: Uint8Array; o: number }): number {
  return take(r, 1)[0]!;
}

function u16(r: { b: Uint8Array; o: number }): number {
  const b = take(r, 2);
  return (b[0]! << 8) | b[1]!;
}
