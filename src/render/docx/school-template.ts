import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { UsageError } from '../../errors.js';
import { type DocxOptions, markdownToDocx } from './document.js';
import { type Parts, readPackage, setText, text, writePackage } from './package.js';
import { textWidth } from './styles.js';

/*
 * A school's own Word template (实验报告模板.docx) filled with the report. docxtemplater
 * fills the placeholders wherever Word split them into runs: {course}, {student.name}, …
 * one per key of the config's `header` (nested keys joined by dots), in the body, the page
 * headers and footers. The report body (the Markdown from its first section on, without
 * the title block the template replaces) is written by the same converter as the .docx
 * output and goes in at {report}, a paragraph of its own, or after the template's own
 * content when there is no {report}. The template keeps its page setup, headers, logo and
 * styles: a report paragraph whose style the template also has (matched by name, as Word
 * matches them) takes the template's; the others bring their own definitions. Pictures,
 * list numbering and ids are renumbered to sit beside the template's.
 *
 * docxtemplater inserts the body after it has parsed the template, so text in the report
 * that looks like a placeholder ({report}, {{x}}) stays text.
 */

const REPORT_TAG = 'report';

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const NUMBERING_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const IMAGE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
};

/** Every placeholder a header gives: `course`, `student.name`, … (nested objects joined by dots). */
export function headerPlaceholders(header: object, prefix = ''): string[] {
  return Object.entries(header).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? headerPlaceholders(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The names a template may use: every placeholder, and the objects they sit in (for a {#student}…{/student} section). */
function knownNames(header: object): Set<string> {
  const names = new Set([...headerPlaceholders(header), REPORT_TAG]);
  for (const p of [...names]) for (let i = p.indexOf('.'); i > 0; i = p.indexOf('.', i + 1)) names.add(p.slice(0, i));
  return names;
}

function lookup(scope: unknown, path: string): unknown {
  if (path === '.') return scope;
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

interface XmlElement {
  xml: string;
  attrs: Record<string, string>;
}

/** Top-level elements of one name in a part, e.g. every <w:style>…</w:style> of styles.xml (they do not nest). */
function elements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const re = new RegExp(`<${name}(\\s[^>]*?)?(/>|>[\\s\\S]*?</${name}>)`, 'g');
  for (const m of xml.matchAll(re)) out.push({ xml: m[0], attrs: attributes(m[1] ?? '') });
  return out;
}

function attributes(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[m[1]!] = m[2]!;
  return attrs;
}

const childValue = (xml: string, name: string) => new RegExp(`<${name} [^>]*?w:val="([^"]*)"`).exec(xml)?.[1];
const maxNumber = (xml: string, re: RegExp) => Math.max(0, ...[...xml.matchAll(re)].map((m) => Number(m[1])));

/** Width of the template's text column (its last section's page width less the margins), in twips. */
function templateTextWidth(documentXml: string): number | undefined {
  const sections = [...documentXml.matchAll(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/g)];
  const last = sections[sections.length - 1]?.[0];
  if (!last) return undefined;
  const width = Number(/<w:pgSz [^>]*?w:w="(\d+)"/.exec(last)?.[1]);
  const left = Number(/<w:pgMar [^>]*?w:left="(\d+)"/.exec(last)?.[1] ?? 0);
  const right = Number(/<w:pgMar [^>]*?w:right="(\d+)"/.exec(last)?.[1] ?? 0);
  return width > left + right ? width - left - right : undefined;
}

/** The content of a document's body, without its final section properties. */
function bodyContent(documentXml: string): string {
  const start = documentXml.indexOf('>', documentXml.indexOf('<w:body')) + 1;
  const end = documentXml.lastIndexOf('</w:body>');
  const body = documentXml.slice(start, end);
  const sectPr = body.lastIndexOf('<w:sectPr');
  return sectPr >= 0 ? body.slice(0, sectPr) : body;
}

/** The report's parts, renamed to fit into the template's package. */
interface Merge {
  body: string;
  /** New files: media. */
  files: Map<string, Uint8Array>;
  relationships: string[];
  styles: string[];
  abstractNums: string[];
  nums: string[];
}

function relationshipTargets(relsXml: string): Map<string, { type: string; target: string }> {
  return new Map(elements(relsXml, 'Relationship').map((r) => [r.attrs.Id!, { type: r.attrs.Type!, target: r.attrs.Target! }]));
}

/** Rename the report body's ids, pictures, numbering and styles so they fit beside the template's. */
function prepareMerge(report: Parts, template: Parts): Merge {
  let body = bodyContent(text(report, DOCUMENT)!);
  const files = new Map<string, Uint8Array>();

  // Pictures: copied as word/media/labreport-*, with relationship ids the template does not use.
  const templateRels = text(template, DOCUMENT_RELS) ?? '';
  const usedIds = new Set(relationshipTargets(templateRels).keys());
  const relationships: string[] = [];
  const idMap = new Map<string, string>();
  for (const [id, rel] of relationshipTargets(text(report, DOCUMENT_RELS) ?? '')) {
    if (rel.type !== IMAGE_TYPE) continue;
    let n = idMap.size + 1;
    while (usedIds.has(`rIdLabreport${n}`)) n++;
    const newId = `rIdLabreport${n}`;
    usedIds.add(newId);
    idMap.set(id, newId);
    const name = `media/labreport-${rel.target.replace(/^media\//, '')}`;
    files.set(`word/${name}`, report.get(`word/${rel.target}`)!);
    relationships.push(`<Relationship Id="${newId}" Type="${IMAGE_TYPE}" Target="${name}"/>`);
  }
  body = body.replace(/(r:(?:embed|id|link))="([^"]*)"/g, (m, attr: string, id: string) => (idMap.has(id) ? `${attr}="${idMap.get(id)}"` : m));

  // Bookmark and drawing ids: after the template's own (Word requires them unique in the document).
  const parts = [...template.entries()].filter(([p]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(p)).map(([p]) => text(template, p)!);
  const bookmarkBase = Math.max(0, ...parts.map((x) => maxNumber(x, /<w:bookmark(?:Start|End) [^>]*?w:id="(\d+)"/g)));
  const drawingBase = Math.max(0, ...parts.map((x) => maxNumber(x, /<wp:docPr [^>]*?id="(\d+)"/g)));
  body = body
    .replace(/(<w:bookmark(?:Start|End) [^>]*?w:id=")(\d+)"/g, (_m, head: string, id: string) => `${head}${Number(id) + bookmarkBase}"`)
    .replace(/(<wp:docPr [^>]*?id=")(\d+)"/g, (_m, head: string, id: string) => `${head}${Number(id) + drawingBase}"`);

  // List numbering: the report's definitions numbered after the template's.
  const templateNumbering = numberingPath(template) ? text(template, numberingPath(template)!)! : '';
  const abstractBase = maxNumber(templateNumbering, /<w:abstractNum [^>]*?w:abstractNumId="(\d+)"/g);
  const numBase = maxNumber(templateNumbering, /<w:num [^>]*?w:numId="(\d+)"/g);
  const reportNumbering = text(report, 'word/numbering.xml') ?? '';
  const abstractNums = elements(reportNumbering, 'w:abstractNum').map((a) =>
    a.xml.replace(/ w15:[\w]+="[^"]*"/g, '').replace(/w:abstractNumId="(\d+)"/, (_m, id: string) => `w:abstractNumId="${Number(id) + abstractBase}"`),
  );
  const nums = elements(reportNumbering, 'w:num').map((n) =>
    n.xml
      .replace(/w:numId="(\d+)"/, (_m, id: string) => `w:numId="${Number(id) + numBase}"`)
      .replace(/(<w:abstractNumId w:val=")(\d+)"/, (_m, head: string, id: string) => `${head}${Number(id) + abstractBase}"`),
  );
  body = body.replace(/(<w:numId w:val=")(\d+)"/g, (_m, head: string, id: string) => `${head}${Number(id) + numBase}"`);

  // Styles: the template's where it has one of the same name; the report's own otherwise (renamed if its id is taken).
  const templateStyles = elements(text(template, stylesPath(template) ?? '') ?? '', 'w:style');
  const templateByName = new Map(templateStyles.map((s) => [(childValue(s.xml, 'w:name') ?? '').toLowerCase(), s.attrs['w:styleId']!]));
  const templateIds = new Set(templateStyles.map((s) => s.attrs['w:styleId']!));
  const reportStyles = elements(text(report, 'word/styles.xml') ?? '', 'w:style');
  const styleMap = new Map<string, string>();
  const own: XmlElement[] = [];
  for (const s of reportStyles) {
    const id = s.attrs['w:styleId']!;
    const theirs = templateByName.get((childValue(s.xml, 'w:name') ?? '').toLowerCase());
    if (theirs !== undefined) styleMap.set(id, theirs);
    else {
      styleMap.set(id, templateIds.has(id) ? `Labreport${id}` : id);
      own.push(s);
    }
  }
  const renameStyles = (xml: string) =>
    xml.replace(/(<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val=")([^"]*)"/g, (m, head: string, id: string) =>
      styleMap.has(id) ? `${head}${styleMap.get(id)}"` : m,
    );
  body = renameStyles(body);
  // Only the styles the body uses, with those they are based on.
  const wanted = new Set([...body.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"/g)].map((m) => m[1]!));
  const styles: string[] = [];
  const byNewId = new Map(own.map((s) => [styleMap.get(s.attrs['w:styleId']!)!, s]));
  const queue = [...wanted];
  const added = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    const s = byNewId.get(id);
    if (!s || added.has(id)) continue;
    added.add(id);
    const renamed = renameStyles(s.xml)
      .replace(/w:styleId="[^"]*"/, `w:styleId="${id}"`)
      .replace(/ w:default="[^"]*"/, '');
    styles.push(renamed);
    const base = childValue(renamed, 'w:basedOn');
    if (base) queue.push(base);
  }
  return { body, files, relationships, styles, abstractNums, nums };
}

function relationshipPath(parts: Parts, type: string): string | undefined {
  const rel = [...relationshipTargets(text(parts, DOCUMENT_RELS) ?? '').values()].find((r) => r.type === type);
  return rel ? `word/${rel.target.replace(/^\/?word\//, '').replace(/^\//, '')}` : undefined;
}
const numberingPath = (parts: Parts) => relationshipPath(parts, NUMBERING_TYPE);
const stylesPath = (parts: Parts) => relationshipPath(parts, STYLES_TYPE);

const insertBefore = (xml: string, closing: string, add: string) => {
  const at = xml.lastIndexOf(closing);
  return at < 0 ? xml : xml.slice(0, at) + add + xml.slice(at);
};

/** Add the report's pictures, relationships, numbering, styles and namespaces to the filled template. */
function applyMerge(parts: Parts, merge: Merge, reportRoot: string): void {
  for (const [path, data] of merge.files) parts.set(path, data);
  if (merge.relationships.length) setText(parts, DOCUMENT_RELS, insertBefore(text(parts, DOCUMENT_RELS)!, '</Relationships>', merge.relationships.join('')));

  let types = text(parts, CONTENT_TYPES)!;
  for (const path of merge.files.keys()) {
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (MEDIA_TYPES[ext] && !new RegExp(`<Default [^>]*Extension="${ext}"`, 'i').test(types)) {
      types = insertBefore(types, '</Types>', `<Default Extension="${ext}" ContentType="${MEDIA_TYPES[ext]}"/>`);
    }
  }

  if (merge.nums.length) {
    const path = numberingPath(parts);
    if (path) {
      let numbering = text(parts, path)!;
      // The schema wants every abstractNum before the first num.
      const firstNum = numbering.search(/<w:num[\s>]/);
      numbering =
        firstNum >= 0
          ? numbering.slice(0, firstNum) + merge.abstractNums.join('') + numbering.slice(firstNum)
          : insertBefore(numbering, '</w:numbering>', merge.abstractNums.join(''));
      const cleanup = numbering.indexOf('<w:numIdMacAtCleanup');
      numbering =
        cleanup >= 0
          ? numbering.slice(0, cleanup) + merge.nums.join('') + numbering.slice(cleanup)
          : insertBefore(numbering, '</w:numbering>', merge.nums.join(''));
      setText(parts, path, numbering);
    } else {
      setText(
        parts,
        'word/numbering.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${merge.abstractNums.join('')}${merge.nums.join('')}</w:numbering>`,
      );
      setText(
        parts,
        DOCUMENT_RELS,
        insertBefore(
          text(parts, DOCUMENT_RELS)!,
          '</Relationships>',
          `<Relationship Id="rIdLabreportNumbering" Type="${NUMBERING_TYPE}" Target="numbering.xml"/>`,
        ),
      );
      types = insertBefore(
        types,
        '</Types>',
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>',
      );
    }
  }
  setText(parts, CONTENT_TYPES, types);

  if (merge.styles.length) {
    const path = stylesPath(parts);
    if (!path) throw new UsageError('the template has no styles part (word/styles.xml): it is not a complete Word document');
    setText(parts, path, insertBefore(text(parts, path)!, '</w:styles>', merge.styles.join('')));
  }

  // Namespaces the report body uses that the template's document does not declare.
  let doc = text(parts, DOCUMENT)!;
  const rootEnd = doc.indexOf('>', doc.indexOf('<w:document'));
  const root = doc.slice(0, rootEnd);
  const missing = [...reportRoot.matchAll(/\sxmlns:([\w]+)="([^"]*)"/g)]
    .filter((m) => !root.includes(` xmlns:${m[1]}=`))
    .map((m) => ` xmlns:${m[1]}="${m[2]}"`);
  if (missing.length) doc = doc.slice(0, rootEnd) + missing.join('') + doc.slice(rootEnd);
  setText(parts, DOCUMENT, doc);
}

/** docxtemplater's error, as one line naming the template and the placeholder. */
function templateError(file: string, e: unknown): UsageError {
  const err = e as { properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string }; message?: string };
  const first = err.properties?.errors?.[0]?.properties?.explanation ?? err.properties?.explanation ?? err.message ?? String(e);
  return new UsageError(`${file}: ${first}`);
}

export interface TemplateOptions extends DocxOptions {
  /** The template's file name, for error messages. */
  templateName: string;
}

/**
 * The school's template filled with the report: header fields by placeholder, the body at
 * {report}. Throws a UsageError naming the template for a file that is not a .docx, a
 * placeholder the header has no key for, or a {report} that shares its paragraph.
 */
export async function fillSchoolTemplate(template: Uint8Array, markdown: string, header: object, options: TemplateOptions): Promise<Uint8Array> {
  const file = options.templateName;
  let templateParts: Parts;
  let zip: PizZip;
  try {
    templateParts = readPackage(template);
    zip = new PizZip(template);
  } catch {
    throw new UsageError(`${file}: is not a Word document (.docx): it cannot be read as a zip package`);
  }
  if (!templateParts.has(DOCUMENT)) throw new UsageError(`${file}: is not a Word document (.docx): it has no word/document.xml`);

  const width = templateTextWidth(text(templateParts, DOCUMENT)!) ?? textWidth(options.paper);
  const report = readPackage(await markdownToDocx(markdown, { ...options, bodyOnly: true, width }));
  const merge = prepareMerge(report, templateParts);

  const known = knownNames(header);
  const unknown = new Set<string>();
  let hasReport = false;
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      modules: [
        {
          // {report}, not docxtemplater's {@report}, is the raw-XML tag: a school's template stays as plain as its other fields.
          optionsTransformer(opts, dt) {
            const raw = dt.modules.find((m) => m.name === 'RawXmlModule');
            if (raw) raw.prefix = new RegExp(`^\\s*(${REPORT_TAG})\\s*$`);
            return opts;
          },
        },
      ],
      parser: (tag) => {
        const name = tag.trim();
        if (name === REPORT_TAG) hasReport = true;
        else if (!known.has(name)) unknown.add(name);
        return { get: (scope) => lookup(scope, name) };
      },
      nullGetter: () => '',
    });
  } catch (e) {
    throw templateError(file, e);
  }
  if (unknown.size) {
    throw new UsageError(
      `${file}: unknown placeholder${unknown.size > 1 ? 's' : ''} ${[...unknown].map((u) => `{${u}}`).join(', ')} (known: ${[...headerPlaceholders(header), REPORT_TAG].map((k) => `{${k}}`).join(', ')})`,
    );
  }
  // A paragraph after the body: a table cell (where forms often put {report}) must end with one.
  const body = `${merge.body}<w:p/>`;
  try {
    doc.render({ ...header, [REPORT_TAG]: body });
  } catch (e) {
    throw templateError(file, e);
  }
  const parts = readPackage(doc.toUint8Array());
  if (!hasReport) {
    const xml = text(parts, DOCUMENT)!;
    const end = xml.lastIndexOf('</w:body>');
    const sectPr = xml.lastIndexOf('<w:sectPr', end);
    const at = sectPr >= 0 && !xml.slice(sectPr, end).includes('</w:p>') ? sectPr : end;
    setText(parts, DOCUMENT, xml.slice(0, at) + body + xml.slice(at));
  }
  const reportDoc = text(report, DOCUMENT)!;
  applyMerge(parts, merge, reportDoc.slice(0, reportDoc.indexOf('>', reportDoc.indexOf('<w:document'))));
  return writePackage(parts);
}
