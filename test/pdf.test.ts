import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { findBrowser } from '../src/render/browser.js';
import { closeBrowser, fitHtmlToBudget, launchBrowser, renderPdf, reproduciblePdf } from '../src/render/pdf.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

/*
 * The PDF stage's budget (HTML size, time, memory) and its reproducible bytes, on the
 * shipped capture's report and on documents made to be too big.
 */

const root = join(import.meta.dirname, '..');
const BIN = join(root, 'bin', 'labreport.js');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

function labreport(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('a report longer than the PDF budget', () => {
  const out = tempDir();
  labreport(['build', LAB, '-f', 'html', '-o', out]);
  const html = readFileSync(join(out, 'lab.html'), 'utf8');

  it('is printed up to the last section that fits, then the note', () => {
    const budget = 60 * 1024;
    const { html: printed, cut } = fitHtmlToBudget(html, budget, (leftOut) => `stops before ${leftOut}`);
    expect(Buffer.byteLength(printed)).toBeLessThanOrEqual(budget);
    const at = printed.indexOf('<aside');
    // A prefix of the report, cut just before a section heading, closed properly.
    expect(html.startsWith(printed.slice(0, at))).toBe(true);
    expect(html.slice(at)).toMatch(/^<h[23] id="s[\d-]+">/);
    expect(printed.slice(at)).toMatch(/^<aside [^>]*><strong>stops before [^<]+<\/strong><\/aside>\n<\/main>\n<\/body>\n<\/html>\n$/);
    // The heading as text: the HTML writes an apostrophe as &#39;.
    const heading = /^<h[23] id="[^"]+">([^<]+)<\/h[23]>/.exec(html.slice(at))![1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(cut).toEqual({ htmlBytes: Buffer.byteLength(html), printedBytes: Buffer.byteLength(printed), firstLeftOut: heading });
    // No later section start would have fitted.
    // (The note reserves room for a heading of 200 characters; the one printed names a shorter one.)
    // (The budget counts bytes; the report has multi-byte characters.)
    const next = Buffer.byteLength(html.slice(0, html.slice(at + 1).search(/\n<h[23] /) + at + 1));
    expect(next + 1 + Buffer.byteLength(printed.slice(at)) + 200).toBeGreaterThan(budget);
  });

  it('within the budget, the report is printed whole', () => {
    expect(fitHtmlToBudget(html, Buffer.byteLength(html), () => 'x')).toEqual({ html, cut: null });
  });

  it('the note is escaped, and a report whose first section is too long is cut at a block', () => {
    const long = `<html><body><main>\n<h1>T</h1>\n<p>${'a'.repeat(5000)}</p>\n<p>${'b'.repeat(5000)}</p>\n</main></body></html>`;
    const { html: printed, cut } = fitHtmlToBudget(long, 7000, () => '<script>x</script>');
    expect(printed).toContain('a'.repeat(5000));
    expect(printed).not.toContain('bbb');
    expect(printed).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(cut?.firstLeftOut).toBe(`${'b'.repeat(80)}`);
  });

  it('end to end: the PDF stops with a note in the report’s language; html and md stay whole', () => {
    for (const [lang, note] of [
      ['en', 'This PDF ends here'],
      ['zh', '此 PDF 到此为止'],
    ] as const) {
      const dir = tempDir();
      const r = labreport(['build', LAB, '-f', 'md,html,pdf', '-l', lang, '-o', dir, '--max-pdf-html-bytes', '60k']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `^labreport: ${dir}/lab\\.pdf stops before "[^"]+": the report is \\d+ KiB of HTML, past --max-pdf-html-bytes; the md and html reports are whole\\n$`,
        ),
      );
      // pdftotext breaks lines at hyphens: join them again.
      const text = pdfText(join(dir, 'lab.pdf')).replace(/\s+/g, ' ').replace(/- /g, '-');
      expect(text).toContain(note);
      // The last section ("How this report was made") is left out of the PDF, kept in the HTML.
      const about = lang === 'en' ? 'Read from the capture file' : '依据抓包文件';
      expect(text).not.toContain(about);
      expect(readFileSync(join(dir, 'lab.html'), 'utf8')).toContain(about);
    }
  });
});

describe('reproducible PDFs', () => {
  it('with SOURCE_DATE_EPOCH, two builds give the same bytes, dated that time', () => {
    const [a, b] = [tempDir(), tempDir()];
    const env = { SOURCE_DATE_EPOCH: '1764547200' }; // 2025-12-01 00:00:00 UTC
    expect(labreport(['build', LAB, '-f', 'pdf', '-o', a], env).code).toBe(0);
    expect(labreport(['build', LAB, '-f', 'pdf', '-o', b], env).code).toBe(0);
    const [pa, pb] = [readFileSync(join(a, 'lab.pdf')), readFileSync(join(b, 'lab.pdf'))];
    expect(pa.equals(pb)).toBe(true);
    expect(pa.toString('latin1')).toContain("/CreationDate (D:20251201000000+00'00')");
    expect(pa.toString('latin1')).toContain("/ModDate (D:20251201000000+00'00')");
    // pdfinfo (poppler) still reads it, with that date.
    expect(execFileSync('pdfinfo', ['-isodates', join(a, 'lab.pdf')], { encoding: 'utf8' })).toMatch(/CreationDate:\s+2025-12-01T00:00:00(Z|\+00)/);
  });

  it('is small: untagged, its fonts embedded as subset TrueType (CID), none of them Type 3', () => {
    const dir = tempDir();
    expect(labreport(['build', LAB, '-f', 'pdf', '-l', 'zh', '-o', dir]).code).toBe(0);
    const pdf = readFileSync(join(dir, 'lab.pdf'));
    expect(pdf.toString('latin1')).not.toContain('/StructTreeRoot');
    expect(pdf.length).toBeLessThan(600 * 1024); // 0.42 MB; tagged, the same report is 1.0 MB
    const fonts = execFileSync('pdffonts', [join(dir, 'lab.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('replaces the dates in place, keeping every byte offset', () => {
    const pdf = Buffer.from("%PDF-1.4\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261201082152+08'00')\n/ModDate (D:20261201082152+08'00')>>\nxref");
    const fixed = reproduciblePdf(pdf, '0');
    expect(fixed.length).toBe(pdf.length);
    expect(Buffer.from(fixed).toString('latin1')).toBe(
      "%PDF-1.4\n<</Producer (Skia/PDF m156)\n/CreationDate (D:19700101000000+00'00')\n/ModDate (D:19700101000000+00'00')>>\nxref",
    );
    expect(reproduciblePdf(pdf, undefined)).toBe(pdf);
    expect(reproduciblePdf(pdf, 'soon')).toBe(pdf);
  });
});

describe('printing has a time and a memory budget', () => {
  /** A document Chromium takes seconds and hundreds of MiB to lay out: a long table. */
  const bigTable = `<!DOCTYPE html><html><body><main>\n<h2 id="s1">Rows</h2>\n<table>${Array.from({ length: 4000 }, (_, i) => `<tr><td>field ${i}</td><td>value ${i}</td></tr>`).join('')}</table>\n</main></body></html>`;
  const options = { paper: 'A4' as const, title: 't', pageLabel: (p: string, n: string) => `${p}/${n}` };

  it('a print past --max-pdf-seconds stops with a one-line error, and the browser is killed', async () => {
    const browser = await launchBrowser(await findBrowser());
    const pid = browser.process()!.pid!;
    try {
      await expect(renderPdf(bigTable, { ...options, budget: { maxHtmlBytes: 2 ** 30, maxSeconds: 1, maxMemoryBytes: 2 ** 40 } }, browser)).rejects.toThrow(
        new UsageError('the PDF was not printed within 1 s (--max-pdf-seconds); try a smaller --max-pdf-html-bytes'),
      );
      await expect.poll(() => browser.connected, { timeout: 5000 }).toBe(false);
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await closeBrowser(browser);
    }
  });

  it('a browser past --max-pdf-memory-bytes is stopped: exit 2, md and html written, no Chromium left', async () => {
    const out = tempDir();
    const r = labreport(['build', LAB, '-o', out, '--max-pdf-memory-bytes', '64M']);
    expect(r.stderr).toMatch(
      /^labreport: the PDF was not printed: Chromium needed more than 64 MiB \(--max-pdf-memory-bytes; it had \d+(\.\d)? MiB\); try a smaller --max-pdf-html-bytes\n$/,
    );
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md']);
  });
});
