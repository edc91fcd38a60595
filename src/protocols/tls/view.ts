import { format } from '../../knowledge/index.js';
import { explainTls } from '../../knowledge/tls/index.js';
import type { KeylogRecipeId } from '../../knowledge/tls/facts.js';
import { tlsUiEn } from '../../knowledge/tls/ui-en.js';
import { tlsUiZh } from '../../knowledge/tls/ui-zh.js';
import type { Block, ViewContext } from '../../render/context.js';
import type { SliceView } from '../slice.js';
import type { Tls, TlsConnection } from './schema.js';

/* The TLS part of the report: what each connection let be read, and how to get the keys (never how a tool was run). */

const UI = { en: tlsUiEn, zh: tlsUiZh };
const MAIL_PORTS = new Set([25, 465, 587, 110, 995, 143, 993]);
const MAIL = new Set(['smtp', 'pop3', 'imap']);

const isMail = (c: TlsConnection) => MAIL.has(c.startedBy) || MAIL.has(c.application ?? '') || MAIL_PORTS.has(c.server.port);

const WEB_RECIPES: readonly KeylogRecipeId[] = ['browserWindows', 'browserMacos', 'browserLinux', 'curl', 'python', 'wireshark', 'plainHttp', 'keepSecret'];
const MAIL_RECIPES: readonly KeylogRecipeId[] = ['mailClients', 'python', 'wireshark', 'plainHttp', 'keepSecret'];

/** What a connection let be read, in a few words. */
function contents(c: TlsConnection, ctx: ViewContext): string {
  const w = UI[ctx.lang];
  const inside = c.application === 'http' && c.alpn === 'h2' ? 'HTTP/2' : (c.application?.toUpperCase() ?? '');
  const from = c.encryptedFrom ?? c.startFrame;
  switch (c.decryption) {
    case 'decrypted':
      return inside ? format(w.tlsDecrypted, inside) : w.tlsDecryptedNothing;
    case 'partial':
      return format(w.tlsPartial, inside || 'TLS');
    case 'no-key-log':
      return c.applicationRecords.fromClient + c.applicationRecords.fromServer > 0 || c.encryptedFrom ? format(w.tlsNoKeyLog, from) : w.tlsNothingEncrypted;
    case 'not-in-log':
      return format(w.tlsNotInLog, from);
    case 'wrong-keys':
      return format(w.tlsWrongKeys, from);
    case 'unsupported-suite':
      return format(w.tlsUnsupported, from);
    case 'no-handshake':
      return w.tlsNoHandshake;
    case 'nothing-encrypted':
      return w.tlsNothingEncrypted;
  }
}

const unread = (c: TlsConnection) => c.decryption !== 'decrypted' && c.decryption !== 'nothing-encrypted';

/** The ALPN protocol chosen, else those offered (TLS 1.3 sends the choice encrypted). */
function alpn(c: TlsConnection, ctx: ViewContext): string {
  const w = UI[ctx.lang];
  if (c.alpn) return c.alpn;
  return c.alpnOffered.length ? format(w.tlsAlpnOffered, c.alpnOffered.join(', ')) : w.tlsNone;
}

function phrase(c: TlsConnection, ctx: ViewContext): string {
  const w = UI[ctx.lang];
  return format(w.tlsConnectionPhrase, c.stream, c.sni ?? w.tlsNoSni, c.version ?? w.tlsNone, c.cipherSuite ?? w.tlsNone, alpn(c, ctx), contents(c, ctx));
}

/** The encrypted connections of one kind (web or mail), for a task of the lab: what they are, what could not be read, how to read them. */
function encryptedBlock(tls: Tls, ctx: ViewContext, mail: boolean): Block {
  const w = UI[ctx.lang];
  const these = tls.connections.filter((c) => isMail(c) === mail);
  if (these.length === 0) return { partial: 'tls/encrypted', data: null };
  const notRead = these.some(unread);
  const recipes = notRead
    ? (mail ? MAIL_RECIPES : WEB_RECIPES).flatMap((id) => {
        const e = explainTls('keylogRecipes', id, ctx.lang);
        return e ? [{ title: e.title, text: e.text }] : [];
      })
    : [];
  return {
    partial: 'tls/encrypted',
    data: {
      intro: format(mail ? w.tlsMailIntro : w.tlsWebIntro, these.length),
      connections: these.map((c) => phrase(c, ctx)),
      unread: notRead ? (mail ? w.tlsUnreadMail : w.tlsUnreadWeb) : '',
      decrypted: these.some((c) => c.decryption === 'decrypted' || c.decryption === 'partial') ? w.tlsDecryptedNote : '',
      recipesIntro: notRead ? w.tlsRecipesIntro : '',
      recipes,
    },
  };
}

function connectionsBlock(tls: Tls, ctx: ViewContext): Block {
  const w = UI[ctx.lang];
  const endpoint = (e: { ip: string; port: number }) => (e.ip.includes(':') ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`);
  return {
    partial: 'tls/connections',
    data: {
      intro: w.tlsIntro,
      rows: tls.connections.map((c) => ({
        stream: c.stream,
        server: `${c.sni ?? w.tlsNoSni} (${endpoint(c.server)})`,
        alpn: alpn(c, ctx),
        version:
          c.startedBy === 'tls'
            ? (c.version ?? w.tlsNone)
            : `${c.version ?? w.tlsNone}, ${format(w.tlsStartedBy, c.startedBy.toUpperCase(), c.startedBy === 'pop3' ? 'STLS' : 'STARTTLS')}`,
        suite: c.cipherSuite ?? w.tlsNone,
        read: contents(c, ctx),
        frames: c.frames.length ? `${c.frames[0]}–${c.frames.at(-1)}` : String(c.startFrame),
      })),
      unlisted: tls.connectionsUnlisted ? format(w.tlsUnlisted, ctx.num(tls.connectionsUnlisted)) : '',
    },
  };
}

export const tlsView: SliceView<Tls> = {
  ui: { en: { ...tlsUiEn }, zh: { ...tlsUiZh } },
  filter: 'tls',
  present: (tls) => tls.connections.length > 0,
  blocks: {
    connections: connectionsBlock,
    web: (tls, ctx) => encryptedBlock(tls, ctx, false),
    mail: (tls, ctx) => encryptedBlock(tls, ctx, true),
  },
  appendix: (tls, ctx) => (tls.connections.length ? [{ title: UI[ctx.lang].tlsAppendix, block: connectionsBlock(tls, ctx) }] : []),
};
