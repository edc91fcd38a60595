import { createHash } from 'node:crypto';
import PostalMime, { decodeWords } from 'postal-mime';
import type { Limits } from '../limits.js';
import type { Pop3SessionRecord } from '../protocols/pop3/dissector.js';
import type { MailRecord, SaslRecord, SmtpSessionRecord } from '../protocols/smtp/dissector.js';
import type { MailAuth, MailMessage, MimePart, Pop3Session, SmtpSession } from './schema.js';
import type { Redactor } from './secrets.js';

/*
 * SMTP and POP3 records → the model: authentication decoded (and its secrets registered
 * for masking), messages decoded with postal-mime (RFC 2047 words, base64 and
 * quoted-printable, any charset Node's ICU knows), the MIME tree listed part by part.
 */

const fromBase64 = (s: string): string | null => {
  const t = s.trim();
  if (t === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return null;
  return Buffer.from(t, 'base64').toString('utf8');
};

/** Show control characters (the NULs of AUTH PLAIN, the ^A of XOAUTH2) visibly. */
const visible = (s: string) => s.replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));

/** Decode one SASL exchange: who, what secret and how it travelled. Registers the secret with the redactor. */
export function decodeSasl(sasl: SaslRecord, redactor: Redactor, success: boolean | null, result: string): MailAuth {
  const steps: MailAuth['steps'] = [];
  const responses = sasl.responses;
  let user: string | null = null;
  let secret = '';
  let encoding = 'base64';
  const mech = sasl.mechanism;
  for (const c of sasl.challenges) steps.push({ side: 'S', frame: c.frame, raw: c.text, decoded: fromBase64(c.text) });
  if (mech === 'LOGIN') {
    // 334 VXNlcm5hbWU6 ("Username:"), base64 user; 334 UGFzc3dvcmQ6 ("Password:"), base64 password.
    user = fromBase64(responses[0]?.text ?? '');
    secret = fromBase64(responses[1]?.text ?? '') ?? responses[1]?.text ?? '';
    for (const r of responses.slice(1)) redactor.add(secret, r.text);
  } else if (mech === 'PLAIN') {
    // base64 of authzid NUL authcid NUL password (RFC 4616).
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    const [, authcid = '', password = ''] = decoded.split('\u0000');
    user = authcid || null;
    secret = password;
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else if (mech === 'CRAM-MD5') {
    // base64 of "user hex-digest": the digest is an HMAC-MD5 of the challenge, not the password.
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    const space = decoded.lastIndexOf(' ');
    user = space > 0 ? decoded.slice(0, space) : null;
    secret = space > 0 ? decoded.slice(space + 1) : decoded;
    encoding = 'HMAC-MD5 digest (base64)';
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else if (mech === 'XOAUTH2' || mech === 'OAUTHBEARER') {
    // base64 of "user=…^Aauth=Bearer TOKEN^A^A" (Google's XOAUTH2; RFC 7628 is alike).
    const decoded = fromBase64(responses[0]?.text ?? '') ?? '';
    user = /user=([^\u0001,]*)/.exec(decoded)?.[1] ?? /a=([^,\u0001]*)/.exec(decoded)?.[1] ?? null;
    secret = /auth=Bearer ([^\u0001]*)/.exec(decoded)?.[1] ?? '';
    encoding = 'OAuth 2.0 bearer token (base64)';
    if (responses[0]) redactor.add(secret, responses[0].text);
  } else {
    // Another mechanism: its responses are secrets as a whole.
    for (const r of responses) redactor.add(r.text);
    secret = responses.map((r) => r.text).join('');
    encoding = `${mech} exchange`;
  }
  responses.forEach((r, i) => {
    const decoded = fromBase64(r.text);
    steps.push({
      side: 'C',
      frame: r.frame,
      raw: r.text,
      decoded: decoded === null ? null : visible(i === 0 && mech === 'LOGIN' ? decoded : redactor.redact(decoded)),
    });
  });
  // Order the steps as they happened: challenge, answer, challenge, answer…
  steps.sort((a, b) => (a.frame ?? 0) - (b.frame ?? 0));
  return {
    mechanism: mech,
    user,
    encoding,
    secretLength: [...secret].length,
    secret: redactor.shown(secret),
    success,
    result,
    steps,
    stepsUnlisted: sasl.stepsUnlisted,
  };
}

interface Part extends MimePart {}

interface MimeNode {
  contentType: { value: string; parsed: { value: string; params: Record<string, string> }; multipart: string | false };
  contentTransferEncoding: { value: string };
  contentDisposition: { value: string; parsed: { value: string; params: Record<string, string> } };
  childNodes: MimeNode[];
  content: ArrayBuffer | null;
  getTextContent(): string;
}

const cutText = (s: string, max: number) => (s.length > max ? { text: s.slice(0, max), cut: true } : { text: s, cut: false });

/** A message decoded by postal-mime: header fields raw and decoded, the MIME tree, attachments by name, type, size and SHA-256. */
export async function decodeMessage(record: MailRecord, limits: Limits): Promise<Omit<MailMessage, 'fetchedBy'>> {
  const base = {
    frame: record.frame,
    frames: record.segments.map((s) => s.frame),
    segments: record.segments,
    framesUnlisted: record.unlistedFrames,
    size: record.size,
    complete: record.complete,
    truncated: record.truncated,
  };
  const empty = {
    headers: [],
    headersUnlisted: 0,
    subject: null,
    from: null,
    to: [],
    cc: [],
    date: null,
    messageId: null,
    parts: [],
    partsUnlisted: 0,
    attachments: [],
  };
  try {
    const parser = new PostalMime();
    const email = await parser.parse(record.content);
    // Header fields and MIME parts past their limits are counted, not listed (a 251 kB mail can hold 20,000 fields).
    const headers = email.headers.slice(0, limits.maxMailHeaders).map((h) => {
      const decoded = /=\?[^?]+\?[bqBQ]\?/.test(h.value) ? decodeWords(h.value) : null;
      return { name: h.originalKey ?? h.key, value: h.value, decoded: decoded === h.value ? null : decoded };
    });
    const address = (a: { name?: string; address?: string } | undefined) => (a ? (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')) : null);
    const parts: Part[] = [];
    let partsUnlisted = 0;
    // postal-mime's parsed MIME tree. `root` is marked internal: postal-mime is pinned to an exact version, and the tests read the tree of every mail fixture.
    const walk = (node: MimeNode, path: string, depth: number) => {
      const children = () => node.childNodes.forEach((child, i) => walk(child, path ? `${path}.${i + 1}` : String(i + 1), depth + 1));
      if (parts.length >= limits.maxMimeParts) {
        partsUnlisted++; // counted, neither hashed nor decoded
        return children();
      }
      const type = node.contentType.parsed.value;
      const leaf = !node.contentType.multipart;
      const content = leaf && node.content ? new Uint8Array(node.content) : null;
      const disposition = node.contentDisposition.parsed.value || null;
      const filename = node.contentDisposition.parsed.params.filename ?? node.contentType.parsed.params.name ?? null;
      const attachment = leaf && (disposition === 'attachment' || (filename !== null && !type.startsWith('text/')));
      const isText = leaf && type.startsWith('text/') && !attachment;
      const text = isText && content ? cutText(node.getTextContent(), limits.maxBodyTextBytes) : null;
      parts.push({
        path,
        depth,
        contentType: type,
        charset: node.contentType.parsed.params.charset ?? null,
        transferEncoding: node.contentTransferEncoding.value || '7bit',
        disposition,
        filename: filename ? decodeWords(filename) : null,
        size: content?.length ?? 0,
        sha256: content ? createHash('sha256').update(content).digest('hex') : null,
        text: text?.text ?? null,
        textTruncated: text?.cut ?? false,
        attachment,
      });
      children();
    };
    walk((parser as unknown as { root: MimeNode }).root, '', 0);
    return {
      ...base,
      headers,
      headersUnlisted: email.headers.length - headers.length,
      partsUnlisted,
      subject: email.subject ?? null,
      from: address(email.from),
      to: (email.to ?? []).map((a) => address(a)!),
      cc: (email.cc ?? []).map((a) => address(a)!),
      date: email.headers.find((h) => h.key === 'date')?.value ?? null,
      messageId: email.messageId ?? null,
      parts,
      attachments: parts.filter((p) => p.attachment).map((p) => ({ filename: p.filename, contentType: p.contentType, size: p.size, sha256: p.sha256 ?? '' })),
    };
  } catch (e) {
    return { ...base, ...empty, error: `the message could not be decoded: ${(e as Error).message}` };
  }
}

export async function smtpSessions(records: SmtpSessionRecord[], limits: Limits, redactor: Redactor): Promise<SmtpSession[]> {
  return Promise.all(
    records.map(async (s) => ({
      stream: s.stream,
      client: s.client,
      server: s.server,
      tls: s.tls,
      tlsFrame: s.tlsFrame,
      banner: s.replies.find((r) => r.command === null)?.text ?? null,
      ehlo: s.ehlo,
      authUnlisted: s.authUnlisted,
      messagesUnlisted: s.messagesUnlisted,
      repliesUnlisted: s.repliesUnlisted,
      failuresUnlisted: s.failuresUnlisted,
      auth: s.auth.map((a) =>
        decodeSasl(a, redactor, a.result === null ? null : a.result >= 200 && a.result < 300, a.result === null ? '' : `${a.result} ${a.resultText}`),
      ),
      envelope: s.envelope,
      messages: await Promise.all(s.messages.map((m) => decodeMessage(m, limits))),
      transcript: s.transcript,
      transcriptUnlisted: s.transcriptUnlisted,
      replies: s.replies.map((r) => ({ ...r, enhanced: /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(r.text)?.[1] ?? null })),
    })),
  );
}

export async function pop3Sessions(records: Pop3SessionRecord[], limits: Limits, redactor: Redactor): Promise<Pop3Session[]> {
  return Promise.all(
    records.map(async (s) => {
      const auth: MailAuth[] = [];
      if (s.secret) {
        redactor.add(s.secret.value);
        const apop = s.secret.command === 'APOP';
        auth.push({
          mechanism: apop ? 'APOP' : 'USER/PASS',
          user: s.user,
          encoding: apop ? "MD5 digest of the greeting's timestamp and the password" : 'plain text',
          secretLength: [...s.secret.value].length,
          secret: redactor.shown(s.secret.value),
          success: s.secret.accepted,
          result: s.responses.find((r) => r.command === s.secret!.command)?.text ?? '',
          steps: [],
          stepsUnlisted: 0,
        });
      }
      for (const a of s.auth) auth.push(decodeSasl(a, redactor, a.result === null ? null : a.result === 1, a.resultText));
      return {
        stream: s.stream,
        client: s.client,
        server: s.server,
        tls: s.tls,
        tlsFrame: s.tlsFrame,
        greeting: s.greeting,
        user: s.user,
        auth,
        authUnlisted: s.authUnlisted,
        messagesUnlisted: s.messagesUnlisted,
        responsesUnlisted: s.responsesUnlisted,
        failuresUnlisted: s.failuresUnlisted,
        messages: await Promise.all(s.messages.map(async (m) => ({ ...(await decodeMessage(m, limits)), fetchedBy: `${m.command} ${m.argument}`.trim() }))),
        transcript: s.transcript,
        transcriptUnlisted: s.transcriptUnlisted,
        responses: s.responses,
      };
    }),
  );
}
