import { createHash } from 'node:crypto';
import PostalMime, { decodeWords } from 'postal-mime';
import type { Limits } from '../../limits.js';
import { cutText } from '../secrets.js';
import type { MailRecord } from './records.js';
import type { MailMessage, MimePart } from './schema.js';

/*
 * A mail message (Internet Message Format, RFC 5322, with MIME) decoded with postal-mime:
 * RFC 2047 words, base64 and quoted-printable, any charset Node's ICU knows, the MIME tree
 * listed part by part. SMTP DATA, POP3 RETR/TOP and IMAP FETCH all come here.
 */

interface Part extends MimePart {}

interface MimeNode {
  contentType: { value: string; parsed: { value: string; params: Record<string, string> }; multipart: string | false };
  contentTransferEncoding: { value: string };
  headers: { key: string }[];
  contentDisposition: { value: string; parsed: { value: string; params: Record<string, string> } };
  childNodes: MimeNode[];
  content: ArrayBuffer | null;
  getTextContent(): string;
}

/**
 * How many lines each of the first `max` header fields takes in the message as sent (a folded
 * field goes on over lines that start with a space or a tab), so a dialogue that shows the
 * first fields counts the rest of the message right.
 */
function headerLineCounts(content: Uint8Array, max: number): number[] {
  const counts: number[] = [];
  for (let at = 0; at < content.length && counts.length <= max; ) {
    let end = content.indexOf(0x0a, at);
    if (end < 0) end = content.length;
    const first = content[at];
    if (first === 0x0d || first === 0x0a) break; // the blank line ending the header section
    if ((first === 0x20 || first === 0x09) && counts.length) counts[counts.length - 1]!++;
    else counts.push(1);
    at = end + 1;
  }
  return counts.slice(0, max);
}

/** A message decoded by postal-mime: header fields raw and decoded, the MIME tree, attachments by name, type, size and SHA-256. */
export async function decodeMessage(record: MailRecord, limits: Limits): Promise<Omit<MailMessage, 'fetchedBy'>> {
  const base = {
    frame: record.frame,
    frames: record.segments.map((s) => s.frame),
    segments: record.segments,
    framesUnlisted: record.unlistedFrames,
    size: record.size,
    complete: record.complete && (record.holes ?? []).length === 0,
    truncated: record.truncated,
    holes: [] as MailMessage['holes'],
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
    const folded = headerLineCounts(record.content, limits.maxMailHeaders);
    const headers = email.headers.slice(0, limits.maxMailHeaders).map((h, i) => {
      const decoded = /=\?[^?]+\?[bqBQ]\?/.test(h.value) ? decodeWords(h.value) : null;
      return { name: h.originalKey ?? h.key, value: h.value, decoded: decoded === h.value ? null : decoded, lines: folded[i] ?? 1 };
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
        // A part without the field is 7bit (RFC 2045 §6.1); postal-mime reads it as 8bit.
        transferEncoding: node.headers.some((h) => h.key === 'content-transfer-encoding') ? node.contentTransferEncoding.value || '7bit' : '7bit',
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
    const root = (parser as unknown as { root: MimeNode }).root;
    walk(root, '', 0);
    base.holes = holesByPart(record, root);
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
    return { ...base, ...empty, holes: holesByPart(record, null), error: `the message could not be decoded: ${(e as Error).message}` };
  }
}

/**
 * The part of the message each hole fell in: the header (before the first empty line), or
 * the MIME part that had begun there. MIME parts start at their boundary lines in the order
 * of the depth-first tree (RFC 2046 section 5.1.1), which is how `walk` numbers them, so the
 * hole's part is the last one whose boundary line came before it. postal-mime gives no
 * offsets, hence this scan (a hole that swallowed a boundary line shifts the count, as it
 * shifts postal-mime's tree).
 */
function holesByPart(record: MailRecord, root: MimeNode | null): MailMessage['holes'] {
  const holes = record.holes ?? [];
  if (holes.length === 0) return [];
  const content = record.content;
  const headerEnd = (() => {
    const crlf = content.indexOf('\r\n\r\n');
    return crlf >= 0 ? crlf + 2 : content.length;
  })();
  // Each multipart's delimiter lines, in document order, with the path of the part each one opens.
  const boundaries = new Set<string>();
  const paths: string[] = [];
  const visit = (node: MimeNode, path: string) => {
    if (node.contentType.multipart && node.contentType.parsed.params.boundary) boundaries.add(`--${node.contentType.parsed.params.boundary}`);
    node.childNodes.forEach((child, i) => {
      const p = path ? `${path}.${i + 1}` : String(i + 1);
      paths.push(p);
      visit(child, p);
    });
  };
  if (root) visit(root, '');
  const starts: number[] = []; // offset of each part's delimiter line, in the order of `paths`
  for (let at = 0; at < content.length && starts.length < paths.length;) {
    const eol = content.indexOf('\n', at);
    const end = eol < 0 ? content.length : eol + 1;
    const line = content.subarray(at, end).toString('latin1').trimEnd();
    if (boundaries.has(line)) starts.push(at);
    at = end;
  }
  return holes.map((h) => {
    if (h.offset < headerEnd) return { frame: h.frame, bytes: h.bytes, part: 'header' };
    let part = '';
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= h.offset) part = paths[i]!;
    return { frame: h.frame, bytes: h.bytes, part };
  });
}
