import { format } from '../../knowledge/index.js';
import { explainQuic } from '../../knowledge/quic/index.js';
import { quicUiEn } from '../../knowledge/quic/ui-en.js';
import { quicUiZh } from '../../knowledge/quic/ui-zh.js';
import type { Block, ViewContext } from '../../render/context.js';
import type { SliceView } from '../slice.js';
import type { Quic } from './schema.js';

/* The QUIC part of the report: HTTP/3 was used, each connection's server name, how to turn QUIC off. */

const UI = { en: quicUiEn, zh: quicUiZh };
const CONCEPTS = ['http3', 'udp-443', 'initial-protection', 'what-is-encrypted', 'why-no-http'] as const;
const STEPS = ['chrome', 'edge', 'firefox', 'plain-http', 'check-capture'] as const;

const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);

function webBlock(quic: Quic, ctx: ViewContext): Block {
  const w = UI[ctx.lang];
  if (quic.connections.length === 0) return { partial: 'quic/web', data: null };
  const explained = (table: 'concepts' | 'labSteps', ids: readonly string[]) =>
    ids.flatMap((id) => {
      const e = explainQuic(table, id, ctx.lang);
      return e ? [{ title: e.title, text: e.text, ref: e.ref }] : [];
    });
  return {
    partial: 'quic/web',
    data: {
      intro: format(w.quicIntro, quic.connections.length),
      connections: quic.connections.map((c) =>
        format(
          c.clientHelloFrame === null ? w.quicConnectionNoHello : w.quicConnection,
          c.sni ?? w.quicNoSni,
          endpoint(c.client),
          endpoint(c.server),
          c.version,
          c.alpn.join(', ') || w.quicNone,
          c.firstFrame,
          c.lastFrame,
          ctx.num(c.datagrams),
          c.clientHelloFrame ?? '',
        ),
      ),
      read: w.quicRead,
      conceptsIntro: w.quicConceptsIntro,
      concepts: explained('concepts', CONCEPTS),
      stepsIntro: w.quicStepsIntro,
      steps: explained('labSteps', STEPS),
    },
  };
}

export const quicView: SliceView<Quic> = {
  ui: { en: { ...quicUiEn }, zh: { ...quicUiZh } },
  filter: 'quic',
  present: (quic) => quic.connections.length > 0,
  blocks: { web: webBlock },
};
