import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownInline } from '../src/render/markdown.js';
import { OWN_FIXTURES, PUBLIC_FIXTURES, tempDir } from './helpers/files.js';

/*
 * Wireshark's packet details, as the report quotes them: every line of every packet-details
 * block of the report is a line of `tshark -2 -V` for that frame, at the same depth, and in
 * the same order (the report expands only the parts that matter, so it shows a subsequence).
 * And what the capture file says of where it was made agrees with capinfos.
 */

const root = join(import.meta.dirname, '..');

const CAPTURES = [join(OWN_FIXTURES, 'lab.pcapng'), join(OWN_FIXTURES, 'lab-session.pcapng'), join(OWN_FIXTURES, 'kurose-ross.pcapng')];
// (IMAP's packet details are compared with tshark's frame by frame in test/imap-packets.test.ts.)

function build(capture: string): { md: string; model: { capture: Record<string, unknown> } } {
  const out = tempDir();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'labreport.js'), 'build', capture, '--format', 'md,json', '--out', out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const name = capture
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return { md: readFileSync(join(out, `${name}.md`), 'utf8'), model: JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) };
}

/** tshark's packet details of every frame, by frame number. */
function tsharkDetails(capture: string): Map<number, string[]> {
  const text = execFileSync('tshark', ['-r', capture, '-2', '-V'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const frames = new Map<number, string[]>();
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^Frame (\d+): /.exec(line);
    if (m) frames.set(Number(m[1]), (lines = []));
    lines.push(line);
  }
  return frames;
}

/** The report's packet-details blocks: the fenced blocks that begin with Wireshark's Frame line. */
function reportDetails(md: string): { frame: number; lines: string[] }[] {
  return [...md.matchAll(/^```\n(Frame (\d+): [^\n]*\n[\s\S]*?)^```$/gm)].map((m) => ({ frame: Number(m[2]), lines: m[1]!.replace(/\n$/, '').split('\n') }));
}

describe("the report's packet details are tshark's", () => {
  for (const capture of CAPTURES) {
    it(`${capture.split('/').slice(-1)[0]}: each line at its depth, in tshark's order`, () => {
      const { md } = build(capture);
      const blocks = reportDetails(md);
      expect(blocks.length).toBeGreaterThan(1);
      const truth = tsharkDetails(capture);
      const missing: string[] = [];
      for (const { frame, lines } of blocks) {
        const theirs = truth.get(frame)!;
        let at = 0;
        for (const line of lines) {
          const found = theirs.indexOf(line, at);
          if (found < 0) missing.push(`frame ${frame}: ${line}`);
          else at = found + 1;
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it.each([
    ['lab.pcapng', () => join(OWN_FIXTURES, 'lab.pcapng')],
    ['a public capture that records its system (pop3-user-pass-auth-plain.pcapng)', () => join(PUBLIC_FIXTURES, 'pop3-user-pass-auth-plain.pcapng')],
  ])('the environment of %s says what the pcapng file says, as capinfos reads it', (_name, path) => {
    const capture = path();
    const info = execFileSync('capinfos', [capture], { encoding: 'utf8' });
    const field = (name: string) => new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(info)?.[1];
    const { model, md } = build(capture);
    expect(field('Capture application')).toBeTruthy();
    expect(model.capture).toMatchObject({ os: field('Capture oper-sys') ?? null, hardware: field('Capture hardware') ?? null, application: field('Capture application') });
    const name = /Name = (\S+)/.exec(info)?.[1];
    if (name) expect((model.capture.interfaces as unknown[])[0]).toMatchObject({ name, description: /Description = (.+)/.exec(info)![1]!.trim() });
    // As captured text is written in a table cell (Markdown's metacharacters escaped: "\\~").
    expect(md).toContain(`| Capture program | ${markdownInline(field('Capture application'))} |`);
    if (field('Capture oper-sys')) expect(md).toContain(`| Operating system (where the capture was made) | ${markdownInline(field('Capture oper-sys'))} |`);
    expect(md).not.toContain('does not record');
  });
});
