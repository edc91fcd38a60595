/*
 * TLS knowledge in English: one explanation per entry of `facts.ts`, for a student who
 * opens an HTTPS or mail capture in Wireshark for the first time.
 */

import type { TlsTexts } from './types.js';

export const tlsEn = {
  versions: {
    0x0300: {
      title: 'SSL 3.0',
      text: 'The last version of Netscape’s SSL (1996). Broken (the POODLE attack) and prohibited since 2015; no current software speaks it.',
    },
    0x0301: {
      title: 'TLS 1.0',
      text: 'The first TLS (1999), a small revision of SSL 3.0. Deprecated in 2021 (RFC 8996): browsers and servers no longer accept it.',
    },
    0x0302: { title: 'TLS 1.1', text: 'TLS 1.0 with an explicit IV per CBC record (2006). Deprecated with TLS 1.0 in 2021.' },
    0x0303: {
      title: 'TLS 1.2',
      text: 'The version of 2008, still widely used: the handshake (hellos, certificate, key exchange) travels in clear text, then ChangeCipherSpec switches each side to encryption. Also the value every TLS 1.3 record carries in its header, for compatibility.',
    },
    0x0304: {
      title: 'TLS 1.3',
      text: 'The current version (2018). The handshake takes one round trip, only forward-secret key exchanges and AEAD ciphers remain, and everything after the ServerHello, the certificate included, is encrypted. It is negotiated in the supported_versions extension; the older version fields say TLS 1.2.',
    },
  },
  contentTypes: {
    20: {
      title: 'ChangeCipherSpec',
      text: 'One byte saying "from my next record on, I encrypt" (TLS 1.2 and earlier). TLS 1.3 peers may still send it, ignored, so that old middleboxes let the connection through.',
    },
    21: {
      title: 'Alert',
      text: 'A two-byte message: a level (warning or fatal) and a description, such as close_notify when a side ends the connection or handshake_failure when no common parameters exist. Alerts are encrypted once the connection is.',
    },
    22: {
      title: 'Handshake',
      text: 'The messages that set the connection up: ClientHello, ServerHello, Certificate, key exchange, Finished, and later session tickets and key updates. Several can share a record, and one can span several records.',
    },
    23: {
      title: 'Application Data',
      text: 'The protected bytes of the protocol inside TLS (HTTP, SMTP, POP3, IMAP…). Without the session keys they are unreadable; with a key log they are decrypted and dissected as if sent in clear. In TLS 1.3 every encrypted record says "Application Data" on the outside, whatever it carries.',
    },
    24: { title: 'Heartbeat', text: 'A keep-alive request and response (RFC 6520), famous for the Heartbleed bug in OpenSSL (2014). Rarely used.' },
  },
  handshakeTypes: {
    0: { title: 'HelloRequest', text: 'The server asks the client to start a new handshake (renegotiation, TLS 1.2 and earlier).' },
    1: {
      title: 'ClientHello',
      text: 'The client’s opening message: the versions, cipher suites and groups it supports, a 32-byte random, and extensions such as the server name (SNI) and the application protocols (ALPN). It is always in clear text.',
    },
    2: {
      title: 'ServerHello',
      text: 'The server’s answer: the chosen version, cipher suite and (TLS 1.3) key share, and its own random. After it, a TLS 1.3 connection is encrypted.',
    },
    3: { title: 'HelloVerifyRequest', text: 'DTLS only: the server sends a cookie the client must echo, against address spoofing.' },
    4: {
      title: 'NewSessionTicket',
      text: 'Sent by the server after the handshake: a ticket the client can present next time to resume the session without a full handshake.',
    },
    5: { title: 'EndOfEarlyData', text: 'TLS 1.3: the client marks the end of the 0-RTT data it sent before the handshake finished.' },
    8: {
      title: 'EncryptedExtensions',
      text: 'TLS 1.3: the server’s extensions that need no clear text, such as the chosen ALPN protocol; the first encrypted handshake message.',
    },
    11: {
      title: 'Certificate',
      text: 'The sender’s certificate chain: the server’s own certificate first, then the certificates of the authorities that signed it. In TLS 1.2 it is readable in the capture; in TLS 1.3 it is encrypted.',
    },
    12: {
      title: 'ServerKeyExchange',
      text: 'TLS 1.2: the server’s Diffie-Hellman (DHE or ECDHE) public value, signed with its certificate’s key. Absent with RSA key exchange.',
    },
    13: { title: 'CertificateRequest', text: 'The server asks the client for a certificate too (mutual authentication).' },
    14: { title: 'ServerHelloDone', text: 'TLS 1.2: the server has sent all its handshake messages and waits for the client.' },
    15: { title: 'CertificateVerify', text: 'A signature over the handshake so far, proving the sender holds the private key of the certificate it sent.' },
    16: {
      title: 'ClientKeyExchange',
      text: 'TLS 1.2: the client’s Diffie-Hellman public value, or (RSA key exchange) the premaster secret encrypted with the server’s public key.',
    },
    20: {
      title: 'Finished',
      text: 'A check value over the whole handshake, sent encrypted by each side: if anyone tampered with the handshake, the Finished values do not match and the connection stops.',
    },
    21: { title: 'CertificateURL', text: 'The client gives URLs of its certificates instead of the certificates (constrained devices).' },
    22: {
      title: 'CertificateStatus',
      text: 'The server staples an OCSP response proving its certificate is not revoked (TLS 1.2; in TLS 1.3 it rides in the Certificate message).',
    },
    23: { title: 'SupplementalData', text: 'Extra application data exchanged during the handshake (RFC 4680); rare.' },
    24: {
      title: 'KeyUpdate',
      text: 'TLS 1.3: the sender switches to new traffic keys derived from the old ones, and may ask the peer to do the same. Records after it use the new keys.',
    },
    25: { title: 'CompressedCertificate', text: 'A Certificate message compressed (zlib, Brotli or zstd) to save bytes; Chrome and Cloudflare use it.' },
    254: { title: 'message_hash', text: 'Not sent on the wire: after a HelloRetryRequest, the first ClientHello is replaced by its hash in the transcript.' },
  },
  extensions: {
    0: {
      title: 'Server Name Indication (SNI)',
      text: 'The host name the client wants to reach, in clear text, so a server hosting many sites can choose the right certificate. It is how a capture shows which site an encrypted connection went to.',
    },
    1: { title: 'Maximum fragment length', text: 'The client asks for smaller records (512 to 4096 bytes), for devices with little memory.' },
    2: { title: 'Client certificate URL', text: 'The client may send certificate URLs instead of certificates.' },
    3: { title: 'Trusted CA keys', text: 'The client names the certificate authorities it trusts, so the server can pick a matching certificate.' },
    4: { title: 'Truncated HMAC', text: 'Asks for 80-bit MACs on records. Insecure and obsolete.' },
    5: {
      title: 'Certificate status request (OCSP stapling)',
      text: 'The client asks the server to attach a fresh OCSP response showing that its certificate is not revoked.',
    },
    9: { title: 'Certificate type', text: 'Negotiates OpenPGP instead of X.509 certificates (RFC 6091, historic).' },
    10: {
      title: 'Supported groups',
      text: 'The key-exchange groups the client supports, best first: elliptic curves such as x25519 and secp256r1, finite-field groups (ffdhe2048…) and post-quantum hybrids such as X25519MLKEM768.',
    },
    11: { title: 'EC point formats', text: 'How elliptic-curve points may be encoded; nowadays always "uncompressed".' },
    12: { title: 'SRP', text: 'The user name for password-based SRP key exchange.' },
    13: {
      title: 'Signature algorithms',
      text: 'The signature algorithms (RSA-PSS, ECDSA, Ed25519, with their hashes) the client accepts in the server’s signatures.',
    },
    14: { title: 'Use SRTP', text: 'Negotiates keys for SRTP (encrypted voice and video) over DTLS, as WebRTC does.' },
    15: { title: 'Heartbeat', text: 'Says whether the peer may send Heartbeat requests.' },
    16: {
      title: 'Application-Layer Protocol Negotiation (ALPN)',
      text: 'The protocols the client can speak inside TLS ("h2" for HTTP/2, "http/1.1"); the server answers with the one it chose. It tells which protocol an encrypted connection carries.',
    },
    17: { title: 'Certificate status request v2', text: 'OCSP stapling for every certificate of the chain (RFC 6961, superseded by TLS 1.3).' },
    18: { title: 'Signed certificate timestamp', text: 'Proof that the server’s certificate was logged in public Certificate Transparency logs.' },
    19: { title: 'Client certificate type', text: 'The kinds of certificate the client can send (X.509 or a raw public key).' },
    20: { title: 'Server certificate type', text: 'The kinds of certificate the client accepts from the server (X.509 or a raw public key).' },
    21: {
      title: 'Padding',
      text: 'Meaningless bytes that make the ClientHello a given size, to get past servers and middleboxes that mishandle some lengths.',
    },
    22: {
      title: 'Encrypt-then-MAC',
      text: 'For CBC suites: encrypt the record first, then compute the MAC over the ciphertext, which closes the padding-oracle attacks of the older MAC-then-encrypt order. Used only if both sides send it.',
    },
    23: { title: 'Extended master secret', text: 'Binds the master secret to the whole handshake, against the triple-handshake attack (TLS 1.2).' },
    24: {
      title: 'Token binding',
      text: 'Negotiates token binding, which ties cookies and tokens to the TLS connection (RFC 8472; no longer used by browsers).',
    },
    25: { title: 'Cached information', text: 'The client says which server data (such as the certificate) it has cached, so the server can omit it.' },
    27: { title: 'Compress certificate', text: 'The compression algorithms the client accepts for the server’s Certificate message.' },
    28: { title: 'Record size limit', text: 'The largest record the sender is willing to receive.' },
    34: { title: 'Delegated credentials', text: 'Lets a server use a short-lived key signed by its certificate’s key.' },
    35: { title: 'Session ticket', text: 'The client supports (or presents) a session ticket for resuming a TLS 1.2 session.' },
    41: {
      title: 'Pre-shared key',
      text: 'TLS 1.3 resumption: the client offers the identity of a ticket from an earlier session; the server picks one to skip the certificate.',
    },
    42: {
      title: 'Early data',
      text: 'TLS 1.3 0-RTT: the client sends application data before the handshake is finished, using a key from an earlier session.',
    },
    43: {
      title: 'Supported versions',
      text: 'The TLS versions the client supports (in the ClientHello), or the version the server chose (in the ServerHello). This, not the legacy version field, is how TLS 1.3 is negotiated.',
    },
    44: { title: 'Cookie', text: 'A value the server sends in a HelloRetryRequest for the client to echo in its second ClientHello.' },
    45: { title: 'PSK key exchange modes', text: 'Whether resumption may use the pre-shared key alone or must add a fresh Diffie-Hellman exchange.' },
    47: { title: 'Certificate authorities', text: 'The certificate authorities the sender trusts, to help the peer choose a certificate.' },
    48: { title: 'OID filters', text: 'Constraints on the client certificate the server asks for.' },
    49: { title: 'Post-handshake authentication', text: 'The client is willing to present a certificate later in the connection, when asked.' },
    50: {
      title: 'Signature algorithms for certificates',
      text: 'The signature algorithms the client accepts in certificates, when they differ from those for handshake signatures.',
    },
    51: {
      title: 'Key share',
      text: 'TLS 1.3: the client’s Diffie-Hellman public values, one per group it guesses the server will choose; the server answers with its own for one group. The shared secret behind every key comes from them.',
    },
    57: { title: 'QUIC transport parameters', text: 'The QUIC connection settings carried in the TLS handshake that QUIC (HTTP/3) uses.' },
    13172: { title: 'Next Protocol Negotiation (NPN)', text: 'Google’s forerunner of ALPN for SPDY and HTTP/2; obsolete.' },
    17513: {
      title: 'Application settings (ALPS)',
      text: 'Lets the server send application settings (such as HTTP/2 SETTINGS) during the handshake; a Chrome experiment.',
    },
    17613: { title: 'Application settings (ALPS, new code point)', text: 'The same application-settings extension under the code point Chrome moved to.' },
    65037: {
      title: 'Encrypted Client Hello (ECH)',
      text: 'Encrypts the real ClientHello, SNI included, with a key the server publishes in DNS; the outer SNI then names only the provider.',
    },
    65281: {
      title: 'Renegotiation info',
      text: 'Ties a renegotiation to the connection it renegotiates, against a man-in-the-middle attack on TLS 1.2 renegotiation.',
    },
  },
  alertLevels: {
    1: { title: 'Warning', text: 'The connection may continue (close_notify is sent at this level).' },
    2: { title: 'Fatal', text: 'The connection ends at once.' },
  },
  alerts: {
    0: { title: 'Close notify', text: 'The sender will send no more data: the normal, orderly end of a TLS connection.' },
    10: { title: 'Unexpected message', text: 'A message arrived that does not belong at this point of the protocol.' },
    20: { title: 'Bad record MAC', text: 'A record failed its integrity check: it was changed in transit, or the keys do not match.' },
    21: {
      title: 'Decryption failed',
      text: 'A record could not be decrypted (TLS 1.0 only; merged into bad_record_mac since, against padding-oracle attacks).',
    },
    22: { title: 'Record overflow', text: 'A record was longer than allowed.' },
    30: { title: 'Decompression failure', text: 'Decompressing a record failed (TLS compression, removed in TLS 1.3).' },
    40: { title: 'Handshake failure', text: 'No acceptable set of parameters: typically the client and the server share no cipher suite, version or group.' },
    41: { title: 'No certificate', text: 'SSL 3.0: the client has no certificate to send.' },
    42: { title: 'Bad certificate', text: 'A certificate was corrupt or its signature did not verify.' },
    43: { title: 'Unsupported certificate', text: 'A certificate of a type the receiver does not support.' },
    44: { title: 'Certificate revoked', text: 'A certificate was revoked by its issuer.' },
    45: { title: 'Certificate expired', text: 'A certificate is out of its validity period.' },
    46: { title: 'Certificate unknown', text: 'Some other problem made the certificate unacceptable.' },
    47: { title: 'Illegal parameter', text: 'A field of the handshake was out of range or inconsistent.' },
    48: {
      title: 'Unknown CA',
      text: 'The certificate chain does not lead to an authority the receiver trusts, for example a self-signed lab certificate a browser or curl was not told to trust.',
    },
    49: { title: 'Access denied', text: 'The certificate was valid, but the sender refuses access.' },
    50: { title: 'Decode error', text: 'A message could not be parsed (a wrong length or a field out of range).' },
    51: { title: 'Decrypt error', text: 'A cryptographic check of the handshake failed: a signature, or the Finished value.' },
    60: { title: 'Export restriction', text: 'An export-restricted negotiation was refused (TLS 1.0; obsolete).' },
    70: { title: 'Protocol version', text: 'The peer’s TLS version is recognised but not supported, such as a server that accepts only TLS 1.2 and newer.' },
    71: { title: 'Insufficient security', text: 'The server requires stronger cipher suites than the client offers.' },
    80: { title: 'Internal error', text: 'A problem inside the sender, unrelated to the peer.' },
    86: { title: 'Inappropriate fallback', text: 'The client retried with a lower version than both support, a sign of a downgrade attack.' },
    90: { title: 'User canceled', text: 'The user or the application cancelled the handshake.' },
    100: { title: 'No renegotiation', text: 'The receiver refuses to renegotiate (TLS 1.2 and earlier).' },
    109: { title: 'Missing extension', text: 'A required extension was missing from the handshake.' },
    110: { title: 'Unsupported extension', text: 'An extension appeared where it is not allowed, or was not offered first.' },
    111: { title: 'Certificate unobtainable', text: 'A certificate could not be fetched from the URL given.' },
    112: { title: 'Unrecognized name', text: 'The server does not host the name sent as SNI.' },
    113: { title: 'Bad certificate status response', text: 'The stapled OCSP response was invalid or unacceptable.' },
    114: { title: 'Bad certificate hash value', text: 'A certificate fetched by URL did not match its hash.' },
    115: { title: 'Unknown PSK identity', text: 'The server does not know the pre-shared key the client named.' },
    116: { title: 'Certificate required', text: 'The server requires a client certificate and got none.' },
    120: { title: 'No application protocol', text: 'The server supports none of the protocols the client offered in ALPN.' },
    121: { title: 'ECH required', text: 'The client needed Encrypted Client Hello and the server did not accept it.' },
  },
  namedGroups: {
    23: { title: 'secp256r1 (P-256)', text: 'The NIST P-256 elliptic curve, the most widely supported curve.' },
    24: { title: 'secp384r1 (P-384)', text: 'The NIST P-384 elliptic curve.' },
    25: { title: 'secp521r1 (P-521)', text: 'The NIST P-521 elliptic curve.' },
    26: { title: 'brainpoolP256r1', text: 'A 256-bit Brainpool elliptic curve (German BSI).' },
    27: { title: 'brainpoolP384r1', text: 'A 384-bit Brainpool elliptic curve.' },
    28: { title: 'brainpoolP512r1', text: 'A 512-bit Brainpool elliptic curve.' },
    29: { title: 'X25519', text: 'Daniel Bernstein’s Curve25519 for Diffie-Hellman: fast and hard to implement wrongly, the usual first choice.' },
    30: { title: 'X448', text: 'The larger Curve448 for Diffie-Hellman.' },
    256: { title: 'ffdhe2048', text: 'A standard 2048-bit finite-field Diffie-Hellman group.' },
    257: { title: 'ffdhe3072', text: 'A standard 3072-bit finite-field Diffie-Hellman group.' },
    258: { title: 'ffdhe4096', text: 'A standard 4096-bit finite-field Diffie-Hellman group.' },
    259: { title: 'ffdhe6144', text: 'A standard 6144-bit finite-field Diffie-Hellman group.' },
    260: { title: 'ffdhe8192', text: 'A standard 8192-bit finite-field Diffie-Hellman group.' },
    0x11eb: { title: 'SecP256r1MLKEM768', text: 'A hybrid of P-256 and the post-quantum ML-KEM-768: secure if either one is.' },
    0x11ec: {
      title: 'X25519MLKEM768',
      text: 'A hybrid of X25519 and the post-quantum ML-KEM-768, sent by current Chrome and Firefox: its key share is over 1,200 bytes, so the ClientHello often spans two TCP segments.',
    },
    0x6399: { title: 'X25519Kyber768Draft00', text: 'An early draft of the X25519 post-quantum hybrid, used by Chrome in 2023–2024.' },
  },
  keyExchanges: {
    RSA: {
      title: 'RSA key transport',
      text: 'The client encrypts the premaster secret with the server’s RSA public key. No forward secrecy: whoever gets the server’s private key later can decrypt every recorded session. Removed in TLS 1.3.',
    },
    DHE: {
      title: 'Ephemeral Diffie-Hellman (DHE)',
      text: 'Both sides make a fresh Diffie-Hellman key pair for this connection over a finite field, so the session keys cannot be recovered later even with the server’s private key (forward secrecy).',
    },
    DH: {
      title: 'Static Diffie-Hellman (DH)',
      text: 'Diffie-Hellman with a fixed server key taken from its certificate: no forward secrecy; rare and obsolete.',
    },
    ECDHE: {
      title: 'Ephemeral elliptic-curve Diffie-Hellman (ECDHE)',
      text: 'A fresh Diffie-Hellman exchange on an elliptic curve (x25519, P-256…) for each connection: fast and forward-secret, the usual key exchange of TLS 1.2.',
    },
    ECDH: {
      title: 'Static elliptic-curve Diffie-Hellman (ECDH)',
      text: 'Elliptic-curve Diffie-Hellman with a fixed key from the certificate: no forward secrecy; obsolete.',
    },
    PSK: { title: 'Pre-shared key (PSK)', text: 'Both sides already share a secret key, configured beforehand; used by devices and VPNs rather than the web.' },
    SRP: { title: 'Secure Remote Password (SRP)', text: 'A key exchange based on a user’s password, without sending the password.' },
    KRB5: { title: 'Kerberos', text: 'Keys from a Kerberos ticket (RFC 2712); obsolete.' },
    ECCPWD: { title: 'Elliptic-curve password (ECCPWD)', text: 'A password-authenticated key exchange on elliptic curves (RFC 8492).' },
    GOST: { title: 'GOST', text: 'The Russian national key exchange and algorithms (RFC 9189).' },
    NULL: { title: 'No key exchange', text: 'The state before any key is agreed: no protection at all.' },
    TLS13: {
      title: 'Negotiated in key_share',
      text: 'TLS 1.3 suites name no key exchange: it is always (EC)DHE, with the group chosen in the key_share extension, or a pre-shared key from an earlier session.',
    },
  },
  authentications: {
    RSA: { title: 'RSA signature', text: 'The server proves its identity with the RSA key of its certificate.' },
    ECDSA: { title: 'ECDSA signature', text: 'The server proves its identity with an elliptic-curve (ECDSA) certificate key.' },
    DSS: { title: 'DSA signature', text: 'The server signs with a DSA key; obsolete.' },
    anon: { title: 'None (anonymous)', text: 'The server is not authenticated at all, so a man in the middle can impersonate it.' },
    PSK: { title: 'Pre-shared key', text: 'Knowing the shared key is the proof of identity.' },
    SRP: { title: 'Password (SRP)', text: 'Knowing the password is the proof of identity.' },
    KRB5: { title: 'Kerberos', text: 'The Kerberos ticket proves the identity.' },
    ECCPWD: { title: 'Password (ECCPWD)', text: 'Knowing the password is the proof of identity.' },
    GOST: { title: 'GOST signature', text: 'A GOST certificate key proves the identity.' },
    NULL: { title: 'None', text: 'No authentication.' },
    CERTIFICATE: {
      title: 'Certificate signature',
      text: 'TLS 1.3 suites name no authentication: the server signs the handshake (CertificateVerify) with whatever key its certificate holds.',
    },
  },
  bulkCiphers: {
    AES_GCM: {
      title: 'AES-GCM',
      text: 'AES in Galois/Counter Mode: encryption and integrity in one AEAD operation, fast on every modern processor. A 16-byte tag ends each record.',
    },
    AES_CCM: { title: 'AES-CCM', text: 'AES in Counter with CBC-MAC mode, an AEAD cipher used by small devices; the _8 variants have a shorter 8-byte tag.' },
    CHACHA20_POLY1305: {
      title: 'ChaCha20-Poly1305',
      text: 'The ChaCha20 stream cipher with the Poly1305 authenticator, an AEAD cipher that is fast in software (phones without AES instructions).',
    },
    AES_CBC: {
      title: 'AES-CBC',
      text: 'AES in cipher block chaining mode, with a separate HMAC for integrity and padding to a 16-byte block. Vulnerable to padding-oracle attacks unless encrypt-then-MAC is used; not in TLS 1.3.',
    },
    CAMELLIA_GCM: { title: 'Camellia-GCM', text: 'The Japanese Camellia block cipher in Galois/Counter Mode.' },
    CAMELLIA_CBC: { title: 'Camellia-CBC', text: 'The Camellia block cipher in CBC mode with an HMAC.' },
    ARIA_GCM: { title: 'ARIA-GCM', text: 'The Korean ARIA block cipher in Galois/Counter Mode.' },
    ARIA_CBC: { title: 'ARIA-CBC', text: 'The ARIA block cipher in CBC mode with an HMAC.' },
    SEED_CBC: { title: 'SEED-CBC', text: 'The Korean SEED block cipher in CBC mode.' },
    '3DES_EDE_CBC': { title: 'Triple DES (3DES-CBC)', text: 'DES applied three times; slow, with 64-bit blocks open to the Sweet32 attack. Obsolete.' },
    DES_CBC: { title: 'DES-CBC', text: 'Single DES with a 56-bit (or export 40-bit) key, breakable by brute force. Removed from TLS.' },
    IDEA_CBC: { title: 'IDEA-CBC', text: 'The IDEA block cipher; removed from TLS 1.2.' },
    RC2_CBC: { title: 'RC2-CBC (export)', text: 'The RC2 cipher with a 40- or 56-bit export key; trivially broken.' },
    RC4: { title: 'RC4', text: 'A stream cipher with known biases; prohibited in TLS since 2015 (RFC 7465).' },
    SM4_GCM: { title: 'SM4-GCM', text: 'The Chinese national SM4 block cipher in Galois/Counter Mode (RFC 8998).' },
    SM4_CCM: { title: 'SM4-CCM', text: 'The SM4 block cipher in CCM mode (RFC 8998).' },
    GOST: { title: 'GOST ciphers', text: 'The Russian Kuznyechik or Magma ciphers (RFC 9189).' },
    NULL: { title: 'No encryption', text: 'Records are authenticated but sent in clear text: anyone can read them.' },
  },
  suiteHashes: {
    MD5: { title: 'MD5', text: 'HMAC with MD5; MD5 itself is broken, and these suites are obsolete.' },
    SHA: { title: 'SHA-1', text: 'HMAC-SHA1 (20 bytes) authenticates each record; with TLS 1.2 the key derivation uses SHA-256.' },
    SHA256: {
      title: 'SHA-256',
      text: 'For CBC suites, HMAC-SHA256 (32 bytes) authenticates each record; for AEAD and TLS 1.3 suites, SHA-256 is the hash of the key derivation (PRF or HKDF).',
    },
    SHA384: {
      title: 'SHA-384',
      text: 'For CBC suites, HMAC-SHA384 (48 bytes) authenticates each record; for AEAD and TLS 1.3 suites, SHA-384 is the hash of the key derivation.',
    },
    SM3: { title: 'SM3', text: 'The Chinese national SM3 hash (RFC 8998).' },
    GOST: { title: 'GOST hash', text: 'The Russian Streebog hash (RFC 9189).' },
  },
  keylogLabels: {
    CLIENT_RANDOM: {
      title: 'CLIENT_RANDOM',
      text: 'TLS 1.2 and earlier: the 48-byte master secret of the session whose ClientHello carried this random. Every key of both directions is derived from it.',
    },
    CLIENT_HANDSHAKE_TRAFFIC_SECRET: {
      title: 'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
      text: 'TLS 1.3: the secret protecting the client’s encrypted handshake messages (its Finished, and its certificate if asked).',
    },
    SERVER_HANDSHAKE_TRAFFIC_SECRET: {
      title: 'SERVER_HANDSHAKE_TRAFFIC_SECRET',
      text: 'TLS 1.3: the secret protecting the server’s encrypted handshake (EncryptedExtensions, Certificate, CertificateVerify, Finished).',
    },
    CLIENT_TRAFFIC_SECRET_0: {
      title: 'CLIENT_TRAFFIC_SECRET_0',
      text: 'TLS 1.3: the first secret of the client’s application data; a KeyUpdate derives the next one from it.',
    },
    SERVER_TRAFFIC_SECRET_0: { title: 'SERVER_TRAFFIC_SECRET_0', text: 'TLS 1.3: the first secret of the server’s application data.' },
    CLIENT_EARLY_TRAFFIC_SECRET: {
      title: 'CLIENT_EARLY_TRAFFIC_SECRET',
      text: 'TLS 1.3: the secret of 0-RTT early data. Early data in this capture is counted, not decrypted.',
    },
    EXPORTER_SECRET: { title: 'EXPORTER_SECRET', text: 'TLS 1.3: the secret from which applications derive their own keys; not needed to read the traffic.' },
    EARLY_EXPORTER_SECRET: { title: 'EARLY_EXPORTER_SECRET', text: 'TLS 1.3: the exporter secret of early data; not needed to read the traffic.' },
  },
  keylogRecipes: {
    browserWindows: {
      title: 'Chrome, Edge or Firefox on Windows',
      text: 'Quit the browser completely. In a Command Prompt run: setx SSLKEYLOGFILE "%USERPROFILE%\\sslkeys.log" (or add the user environment variable SSLKEYLOGFILE in Settings → System → About → Advanced system settings → Environment Variables). Start the browser again, start the capture, load the page, stop the capture. The keys are in sslkeys.log in your user folder.',
    },
    browserMacos: {
      title: 'Chrome, Edge or Firefox on macOS',
      text: 'Quit the browser (Cmd+Q), then start it from Terminal with the variable set: SSLKEYLOGFILE=~/sslkeys.log open -a "Google Chrome" (or -a "Microsoft Edge", or -a Firefox). Capture while you load the page; the keys are in ~/sslkeys.log.',
    },
    browserLinux: {
      title: 'Chrome, Chromium, Edge or Firefox on Linux',
      text: 'Close every window of the browser, then start it from a terminal: SSLKEYLOGFILE=~/sslkeys.log firefox (or google-chrome, chromium, microsoft-edge). Chrome and Chromium also take --ssl-key-log-file=$HOME/sslkeys.log. Capture while you load the page.',
    },
    curl: {
      title: 'curl',
      text: 'SSLKEYLOGFILE=keys.log curl --http1.1 https://example.com/ (Windows: set SSLKEYLOGFILE=keys.log first). curl builds on OpenSSL, GnuTLS or wolfSSL write the log; the Windows (Schannel) build does not.',
    },
    python: {
      title: 'Python',
      text: 'ctx = ssl.create_default_context(); ctx.keylog_filename = "keys.log" (Python 3.8 and newer); pass ctx to http.client, smtplib, poplib or imaplib. create_default_context also honours the SSLKEYLOGFILE variable.',
    },
    node: {
      title: 'Node.js',
      text: 'node --tls-keylog=keys.log app.js writes the keys of every TLS connection the program makes (or listen to the "keylog" event of a TLS socket).',
    },
    mailClients: {
      title: 'Mail clients',
      text: 'Thunderbird uses the same library as Firefox and honours SSLKEYLOGFILE: start it with the variable set, as for Firefox, then send and fetch mail while capturing. Outlook and the Windows Mail app cannot write keys: for the lab use Thunderbird, a Python script, or the mail server’s ports without TLS.',
    },
    wireshark: {
      title: 'The same in Wireshark',
      text: 'Edit → Preferences → Protocols → TLS → (Pre)-Master-Secret log filename: choose the key log; the Decrypted TLS tab then shows the contents, and filters such as http work on them.',
    },
    plainHttp: {
      title: 'Or capture plain HTTP for the lab',
      text: 'The lab’s questions are about HTTP itself: a site served over http:// (not https://), such as the course’s lab server or python3 -m http.server on your own machine, gives readable packets without any key. Turn off the browser’s HTTPS-only mode for it, and use the mail server’s ports without TLS (25 and 110) if the lab provides them.',
    },
    keepSecret: {
      title: 'Keep the key log private',
      text: 'A key log decrypts every session it lists, passwords and cookies included. Record only the lab (a fresh browser profile helps), do not hand in a key log with other browsing in it, and delete it afterwards.',
    },
  },
  notes: {
    decryptedWithKeyLog: {
      title: 'Decrypted with the key log',
      text: 'This connection’s records were decrypted with the session keys from the key log, so what it carried is shown as if it had been sent in clear.',
    },
    noKeyLog: {
      title: 'Encrypted: no key log',
      text: 'The contents are encrypted and no key log was given: only the handshake (server name, versions, cipher suites) can be read.',
    },
    keyNotInLog: {
      title: 'Encrypted: no key for this session',
      text: 'The key log holds no secret for this connection’s ClientHello random: it was written by another session or program.',
    },
    wrongKeys: {
      title: 'The keys do not match',
      text: 'The key log names this session, but its records fail their integrity check with those keys: the key log is damaged or belongs to another capture.',
    },
    encryptedHandshake13: {
      title: 'TLS 1.3 encrypts the handshake',
      text: 'After the ServerHello everything is encrypted, the server’s certificate included; without keys only the ClientHello and ServerHello can be read.',
    },
    helloRetryRequest: {
      title: 'HelloRetryRequest',
      text: 'The server asked the client to send its ClientHello again with a key share for another group; it looks like a ServerHello with a fixed special random.',
    },
    resumed: {
      title: 'Resumed session',
      text: 'The client and the server resumed an earlier session (session ID or ticket), so the server sent no certificate and the handshake was shorter.',
    },
    encryptThenMac: { title: 'Encrypt-then-MAC', text: 'Both sides agreed to compute the MAC over the ciphertext (RFC 7366), the safer order for CBC suites.' },
    keyUpdate: {
      title: 'Key update',
      text: 'A side switched to new traffic keys in the middle of the connection; the records after it use the keys derived from the previous ones.',
    },
    sni: { title: 'Server name', text: 'The name the client asked for in the SNI extension of its ClientHello, readable even without keys.' },
    alpn: { title: 'Application protocol', text: 'The protocol the server chose in ALPN: "h2" is HTTP/2, "http/1.1" HTTP/1.1.' },
    middleboxCcs: {
      title: 'Compatibility ChangeCipherSpec',
      text: 'TLS 1.3 peers send a meaningless ChangeCipherSpec so that the handshake looks like TLS 1.2 to middleboxes; it changes nothing.',
    },
    legacyVersion: {
      title: 'Legacy version fields',
      text: 'The record and hello version fields of TLS 1.3 say TLS 1.0 or 1.2 on purpose, for old servers and middleboxes; the real version is in supported_versions.',
    },
    startTls: {
      title: 'STARTTLS',
      text: 'The connection began in clear text; after the STARTTLS (or STLS) command the client and the server started TLS on the same connection.',
    },
    implicitTls: { title: 'Implicit TLS', text: 'TLS from the first byte, on a port reserved for it (443 HTTPS, 465 SMTP submission, 993 IMAP, 995 POP3).' },
    grease: {
      title: 'GREASE',
      text: 'A reserved meaningless value (0x0a0a, 0x1a1a…) that browsers mix into their lists so that servers keep tolerating values they do not know (RFC 8701).',
    },
  },
} satisfies TlsTexts;
