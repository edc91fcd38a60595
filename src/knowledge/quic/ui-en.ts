/** The QUIC part of the report's words, English (ui-zh.ts has the same keys). */
export const quicUiEn = {
  quicIntro:
    'The capture holds {0} QUIC connection(s) on UDP: the browser fetched these sites with HTTP/3, not over TCP, so Wireshark’s http filter shows nothing of them.',
  quicConnection: '{0} (UDP {1} → {2}, {3}, ALPN {4}): frames {5}–{6}, {7} datagrams; server name read from the ClientHello in frame {8}',
  quicConnectionNoHello: '{0} (UDP {1} → {2}, {3}): frames {5}–{6}, {7} datagrams; the ClientHello was not captured',
  quicNoSni: 'no server name',
  quicRead:
    'Its Initial packets were decrypted with keys derived from the version’s public salt; everything after them (the requests and the responses) is encrypted with keys only the browser and the server have.',
  quicConceptsIntro: 'What this means:',
  quicStepsIntro: 'To capture the lab’s HTTP instead, make the browser use TCP:',
  quicNone: '—',
} as const;
