/*
 * QUIC and HTTP/3 knowledge in English: one explanation per entry of `facts.ts`, and the
 * lab advice (how to turn QUIC off so the browser's traffic can be studied over TCP).
 */

import type { QuicTexts } from './facts.js';

export const quicEn = {
  versions: {
    v1: { title: 'QUIC version 1', text: 'The first standard version of QUIC (RFC 9000, 2021), used by HTTP/3 in every current browser.' },
    v2: {
      title: 'QUIC version 2',
      text: "The same protocol as version 1 with other constants (salt, labels, packet type bits), defined so that middleboxes do not come to depend on version 1's details (RFC 9369).",
    },
    'version-negotiation': {
      title: 'Version Negotiation',
      text: "A packet with version 0: the server does not support the client's version and lists those it does; the client starts again with one of them.",
    },
  },
  packetTypes: {
    initial: {
      title: 'Initial packet',
      text: "The first packets of a connection, carrying the TLS ClientHello and ServerHello in CRYPTO frames. Their keys come from the client's Destination Connection ID and a salt published in the RFC, so anyone who captures them, Wireshark included, can decrypt them.",
    },
    '0-rtt': {
      title: '0-RTT packet',
      text: 'Early application data a client sends to a server it has talked to before, protected with keys from the earlier session: not readable from the capture.',
    },
    handshake: {
      title: 'Handshake packet',
      text: 'The rest of the TLS handshake (certificate, Finished), protected with keys negotiated by Diffie-Hellman: readable only with the session keys.',
    },
    retry: {
      title: 'Retry packet',
      text: 'The server asks the client to prove its address by sending its Initial again with a token; the new Initial uses keys from the connection ID the Retry gave.',
    },
    'version-negotiation': {
      title: 'Version Negotiation packet',
      text: "The server's list of supported versions, sent when it does not know the client's version.",
    },
    '1-rtt': {
      title: '1-RTT packet (short header)',
      text: 'All application data, the HTTP/3 requests and responses included, travels in short-header packets protected with the session keys: Wireshark shows only "Protected Payload".',
    },
  },
  frames: {
    PADDING: {
      title: 'PADDING',
      text: 'Zero bytes that fill the packet: a client must pad its Initial datagrams to at least 1200 bytes so a forged address cannot make a server send much more than it received.',
    },
    PING: { title: 'PING', text: 'Asks for an acknowledgement, to keep the connection alive or to probe for lost packets.' },
    ACK: { title: 'ACK', text: 'Acknowledges the packets received so far, as ranges of packet numbers.' },
    ACK_ECN: { title: 'ACK with ECN counts', text: 'An ACK that also reports how many packets arrived marked by Explicit Congestion Notification.' },
    CRYPTO: {
      title: 'CRYPTO',
      text: 'A piece of the TLS handshake, with its offset: TLS messages travel in CRYPTO frames instead of TLS records. Browsers split and reorder them on purpose, so they must be put back together before the ClientHello can be read.',
    },
    CONNECTION_CLOSE: { title: 'CONNECTION_CLOSE', text: 'Closes the connection with a QUIC transport error code and a reason.' },
    CONNECTION_CLOSE_APPLICATION: {
      title: 'CONNECTION_CLOSE (application)',
      text: 'Closes the connection with an error code of the application protocol (HTTP/3).',
    },
  },
  concepts: {
    quic: {
      title: 'QUIC',
      text: 'A transport protocol over UDP that does what TCP and TLS do together: reliable, ordered streams, congestion control and TLS 1.3 encryption, with a faster handshake and no head-of-line blocking between streams.',
    },
    http3: {
      title: 'HTTP/3',
      text: 'HTTP over QUIC: the same methods, status codes and header fields as HTTP/1.1 and HTTP/2, with each request on its own QUIC stream and headers compressed by QPACK.',
    },
    'udp-443': {
      title: 'UDP port 443',
      text: 'HTTP/3 normally runs on UDP port 443, beside HTTPS on TCP port 443; a capture filter like "tcp port 80" does not see it at all.',
    },
    'alt-svc': {
      title: 'How a browser finds HTTP/3',
      text: 'A site first answers over TCP and announces HTTP/3 in an Alt-Svc header (or a DNS HTTPS record); from then on the browser tries QUIC first, which is why the second visit of a page often leaves no HTTP in a capture.',
    },
    'connection-ids': {
      title: 'Connection IDs',
      text: "Each side chooses IDs for the connection, carried in every packet, so the connection survives a change of address (from Wi-Fi to mobile data); the client's first random Destination Connection ID also seeds the Initial keys.",
    },
    'coalesced-packets': { title: 'Coalesced packets', text: 'Several QUIC packets (an Initial and a Handshake, say) can share one UDP datagram.' },
    'initial-protection': {
      title: 'Initial packet protection',
      text: "Initial packets are encrypted with AES-128-GCM under keys derived (HKDF) from the client's Destination Connection ID and a salt written in the RFC. This protects against tampering by the network, not against reading: anyone who sees the packets can derive the same keys, and this capture's Initial packets were decrypted that way.",
    },
    'header-protection': {
      title: 'Header protection',
      text: 'The packet number and some header bits are also masked, with a key derived the same way and a sample of the encrypted payload.',
    },
    'crypto-frames': {
      title: 'The TLS handshake in CRYPTO frames',
      text: 'QUIC carries TLS 1.3 handshake messages in CRYPTO frames, not in TLS records; a large ClientHello (with post-quantum key shares) spans two Initial packets.',
    },
    sni: {
      title: 'Server Name Indication',
      text: 'The ClientHello names the site the browser wants (server_name), in the clear unless Encrypted Client Hello is used: this is how a capture of encrypted traffic still shows which sites were visited.',
    },
    'alpn-h3': { title: 'ALPN "h3"', text: 'The ClientHello offers the application protocol "h3": the browser wants HTTP/3 on this connection.' },
    'what-is-encrypted': {
      title: 'What stays hidden',
      text: 'Everything after the Initial packets (the certificate, every HTTP request and response, cookies, URLs) is encrypted with keys only the browser and the server know. Without a key log, no tool can show the HTTP messages.',
    },
    'why-no-http': {
      title: 'Why the capture shows no HTTP',
      text: 'The browser used HTTP/3 over QUIC (UDP port 443) instead of HTTP over TCP, so Wireshark\'s "http" filter finds nothing and the lab\'s HTTP questions cannot be answered from this capture.',
    },
  },
  labSteps: {
    chrome: {
      title: 'Turn QUIC off in Google Chrome',
      text: 'Open chrome://flags/#enable-quic, set "Experimental QUIC protocol" to Disabled and click Relaunch (or start Chrome with --disable-quic). Chrome then uses TCP: HTTP/2 or HTTP/1.1 over TLS, or plain HTTP for http:// sites.',
    },
    edge: {
      title: 'Turn QUIC off in Microsoft Edge',
      text: 'Open edge://flags/#enable-quic, set "Experimental QUIC protocol" to Disabled and restart Edge (or start it with --disable-quic).',
    },
    firefox: {
      title: 'Turn QUIC off in Mozilla Firefox',
      text: 'Open about:config, accept the warning, search for network.http.http3.enable and set it to false (in Firefox before version 88 it was called network.http.http3.enabled); no restart is needed.',
    },
    'plain-http': {
      title: 'Use a plain http:// site',
      text: "Even without QUIC, an https:// site is encrypted (TLS). For the lab, capture a site that still serves plain http:// (such as the lab's own server, or http://gaia.cs.umass.edu/ in the Kurose-Ross labs), or record the browser's TLS key log while capturing (the SSLKEYLOGFILE recipes), so the TLS connections can be decrypted.",
    },
    'check-capture': {
      title: 'Check the new capture',
      text: 'Capture again after clearing the browser cache; the display filter "quic" should now show nothing, and "http" should show the GET requests.',
    },
  },
} satisfies QuicTexts;
