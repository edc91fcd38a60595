import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { CaptureError } from '../capture/frame.js';
import { EXIT, UsageError, asFileError } from '../errors.js';
import { type Limits } from '../limits.js';
import { lockOutputSet, reportBaseName, writeFileAtomic } from '../output.js';
import type { ReportConfig } from '../report/config.js';
import { DEFAULT_CONFIG_FILE } from '../report/config-options.js';
import type { ReportModel } from '../report/schema.js';
import { NoBrowserError, type BrowserChoice } from '../render/browser.js';
import type { PdfBudget, PdfResult } from '../render/pdf.js';
import { DEFAULT_TEMPLATES } from '../render/templates-dir.js';
import { VERSION } from '../version.js';
import { buildCapture } from './build.js';
import { findConfigFile, thisMachine } from './config-file.js';
import { addOptions, limitsFrom, type CliFlags } from './options.js';
import { progressBar } from './progress.js';
import { handleSignals } from './signals.js';
import { writeOutputs } from './write.js';

const BUG_HINT = 'An internal error is a bug in labreport. Please report it with the capture if you can (set LABREPORT_DEBUG=1 for the stack trace).';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

const EXAMPLES = `
Examples:
  labreport build capture.pcapng                    output/capture.md, .html and .pdf
  labreport build capture.pcapng -l zh -o reports   the report in Chinese, in reports/
  labreport build capture.pcap.gz -f json -o -      the model as JSON on standard output
  tcpdump -w - -c 200 port 80 | labreport build -   a capture read from standard input
  labreport build class/                            every capture in class/, and a class summary
  labreport render output/capture.json -l zh        a saved model rendered again
  labreport init                                    a starter ${DEFAULT_CONFIG_FILE}

Exit codes: 0 success, 1 internal error (a bug), 2 bad input, usage or environment (one line on stderr).`;

/** The exit code a command that finished without throwing leaves (a class build with failures sets it). */
let exitCode: number = EXIT.OK;

/** The config file (given, or found: see config-file.ts), with the command line's choices on top. zod, which checks it, is loaded only now. */
async function effectiveConfig(flags: CliFlags): Promise<ReportConfig> {
  const { loadConfig } = await import('../report/config.js');
  const file = flags.config ?? findConfigFile(thisMachine());
  const config = loadConfig(file);
  // A templates folder named in a config file is where that file says, wherever the build runs.
  if (file && config.templates && !isAbsolute(config.templates)) config.templates = resolve(dirname(file), config.templates);
  if (file && config.keylog && !isAbsolute(config.keylog)) config.keylog = resolve(dirname(file), config.keylog);
  return {
    ...config,
    ...(flags.lang ? { language: flags.lang } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.templates ? { templates: flags.templates } : {}),
    ...(flags.docxTemplate ? { docxTemplate: flags.docxTemplate } : {}),
    ...(flags.revealSecrets ? { revealSecrets: true } : {}),
    ...(flags.keylog ? { keylog: flags.keylog } : {}),
    ...(flags.lab ? { lab: flags.lab } : {}),
    ...(flags.notes ? { notes: flags.notes } : {}),
    ...(flags.appendix === false ? { appendix: false } : {}),
    frames: {
      ...config.frames,
      ...(flags.request !== undefined ? { request: flags.request } : {}),
      ...(flags.get !== undefined ? { get: flags.get } : {}),
      ...(flags.post !== undefined ? { post: flags.post } : {}),
      ...(flags.smtp !== undefined ? { smtp: flags.smtp } : {}),
      ...(flags.pop3 !== undefined ? { pop3: flags.pop3 } : {}),
      ...(flags.imap !== undefined ? { imap: flags.imap } : {}),
    },
  };
}

const pdfBudgetOf = (limits: Limits): PdfBudget => ({
  maxHtmlBytes: limits.maxPdfHtmlBytes,
  maxSeconds: limits.maxPdfSeconds,
  maxMemoryBytes: limits.maxPdfMemoryBytes,
});

/** The line said when the PDF had to stop early. */
function pdfCutLine(out: Out, quiet: boolean | undefined) {
  return (path: string, cut: NonNullable<PdfResult['cut']>) => {
    if (!quiet)
      out.stderr(
        `labreport: ${path} stops before "${cut.firstLeftOut}": the report is ${(cut.htmlBytes / 1024).toFixed(0)} KiB of HTML, past --max-pdf-html-bytes; the md and html reports are whole\n`,
      );
  };
}

/** `--out -`: the model on standard output, which only JSON can be. */
function toStdout(flags: CliFlags, config: ReportConfig, command: string): boolean {
  if (flags.out !== '-') return false;
  if (command !== 'build' || config.formats.length !== 1 || config.formats[0] !== 'json')
    throw new UsageError('--out - writes the JSON model to standard output: use it with build --format json alone');
  return true;
}

async function build(captures: string[], flags: CliFlags, out: Out): Promise<void> {
  const config = await effectiveConfig(flags);
  const limits = limitsFrom(flags);
  const single = captures.length === 1 && !(existsSync(captures[0]!) && statSync(captures[0]!).isDirectory());
  if (!single) {
    const frame = (['request', 'get', 'post'] as const).find((k) => flags[k] !== undefined);
    if (frame) throw new UsageError(`--${frame} picks a frame of one capture; it cannot be used when building several`);
    const one = (['smtp', 'pop3', 'imap', 'notes'] as const).find((k) => flags[k] !== undefined);
    if (one) throw new UsageError(`--${one} belongs to one capture; it cannot be used when building several`);
    if (captures.includes('-')) throw new UsageError('- (standard input) can be built only on its own');
    if (flags.out === '-') throw new UsageError('--out - writes one model to standard output; a class build needs an output folder');
    if (flags.export !== undefined) throw new UsageError('--export writes the objects of one capture: build the captures one at a time to export theirs');
    exitCode = await buildClass(captures, config, limits, flags, out);
    return;
  }
  const capture = captures[0]!;
  const stdout = toStdout(flags, config, 'build');
  const progress = progressBar(basename(capture), fileSize(capture), flags.quiet ?? false);
  let model: ReportModel;
  try {
    model = await buildCapture(capture, { limits, config, onProgress: progress.update, ...(flags.export !== undefined ? { exportDir: flags.export } : {}) });
  } finally {
    progress.stop();
  }
  if (stdout) {
    const { jsonPieces } = await import('../report/json.js');
    for (const piece of jsonPieces(model, '\n')) out.stdout(piece);
  } else {
    const baseName = reportBaseName(capture);
    const written = await writeOutputs(model, config, {
      outDir: flags.out,
      baseName,
      notes: config.notes ? await readNotesFor(config, config.lab, baseName) : null,
      chrome: flags.chrome,
      pdfBudget: pdfBudgetOf(limits),
      limits,
      onPdfCut: pdfCutLine(out, flags.quiet),
    });
    if (!flags.quiet) for (const path of written) out.stdout(`${path}\n`);
  }
  if (flags.export !== undefined && !flags.quiet) {
    const written = model.objects?.filter((o) => o.exported).length ?? 0;
    out.stderr(`${join(flags.export, '')}: ${written} object${written === 1 ? '' : 's'} exported\n`);
  }
  const undecrypted = model.tls.connections.filter((c) => c.decryption === 'no-key-log' || c.decryption === 'not-in-log').length;
  if (undecrypted > 0 && !flags.quiet)
    out.stderr(
      `${capture === '-' ? 'standard input' : basename(capture)}: ${undecrypted} TLS connection${undecrypted === 1 ? '' : 's'} not decrypted: give the key log written while capturing with --keylog FILE (or SSLKEYLOGFILE)\n`,
    );
  const warnings = model.warnings.length + model.warningsUnlisted;
  if (warnings > 0 && !flags.quiet) {
    const where = config.formats.some((f) => f !== 'json') ? "see the report's Warnings section" : "listed in the model's warnings";
    out.stderr(`${capture === '-' ? 'standard input' : basename(capture)}: ${warnings} warning${warnings === 1 ? '' : 's'} (${where})\n`);
  }
}

async function render(path: string, flags: CliFlags, out: Out): Promise<void> {
  const config = await effectiveConfig(flags);
  if (flags.out === '-') throw new UsageError('--out - writes the JSON model of build to standard output; render writes files: give a folder');
  const limits = limitsFrom(flags);
  const pdf = { chrome: flags.chrome, pdfBudget: pdfBudgetOf(limits), limits, onPdfCut: pdfCutLine(out, flags.quiet) };
  let written: string[];
  if (/\.(md|markdown)$/i.test(path)) {
    // A report's Markdown the student edited: to html and pdf with the same styles.
    if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
    const formats = config.formats.filter((f) => f === 'html' || f === 'pdf' || f === 'docx');
    if (formats.length === 0)
      throw new UsageError(`render has nothing to write: a report's Markdown renders to html, pdf and docx; --format names none of them`);
    const { renderMarkdownFile } = await import('../render/report.js');
    const release = lockOutputSet(flags.out, basename(path, extname(path)));
    try {
      written = await renderMarkdownFile(path, { formats, config, outDir: flags.out, ...pdf });
    } finally {
      release();
    }
  } else {
    const formats = config.formats.filter((f) => f !== 'json');
    if (formats.length === 0) throw new UsageError(`render has nothing to write: it writes md, html or pdf (${path} is the JSON model already)`);
    const baseName = reportBaseName(path);
    const model = await readModel(path);
    // Placed by the places of the lab the report follows: the config's, else the one the model was built for (as writeOutputs picks it).
    const notes = config.notes ? await readNotesFor(config, config.lab ?? model.lab?.profile, baseName) : null;
    written = await writeOutputs(model, { ...config, formats }, { outDir: flags.out, baseName, notes, ...pdf });
  }
  if (!flags.quiet) for (const p of written) out.stdout(`${p}\n`);
}

/** The student's notes for a report: placed by the lab's place ids. */
async function readNotesFor(config: ReportConfig, labName: string | undefined, baseName: string) {
  const { readNotes } = await import('../render/notes.js');
  const { labFor } = await import('../labs/blocks.js');
  const lab = labFor(labName);
  return readNotes(config.notes!, ['purpose', 'environment', 'summary', ...lab.tasks.map((t) => t.id)], `${baseName}.files`);
}

function program(out: Out): Command {
  const cmd = new Command('labreport')
    .description('Turn a packet capture into a finished lab report (HTTP, SMTP, POP3): Markdown, HTML, PDF and JSON.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: out.stdout,
      writeErr: out.stderr,
      outputError: (text, write) => write(`labreport: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', EXAMPLES);

  addOptions(
    cmd
      .command('build')
      .description(
        'read a capture (pcap or pcapng, also .gz or .zst; - for standard input) and write its report; given several captures or a folder, a report for each and a class summary',
      )
      .argument('<capture...>', 'capture files, or folders of them (searched without hidden folders and node_modules)'),
    'build',
  )
    .addHelpText('after', EXAMPLES)
    .action((captures: string[], flags: CliFlags) => build(captures, flags, out));

  addOptions(
    cmd
      .command('render')
      .description(
        "render a saved JSON model (from `build --format json`) again, e.g. with other templates or in another language; or turn a report's Markdown you edited into HTML and PDF",
      )
      .argument('<model-or-report>', 'a model written by `labreport build --format json`, or a report .md written by `labreport build`'),
    'render',
  ).action((path: string, flags: CliFlags) => render(path, flags, out));

  const labs = cmd
    .command('labs')
    .description('list the built-in lab profiles and the blocks a profile can place')
    .action(async () => {
      const { builtinLabs, loadLab } = await import('../labs/profile.js');
      const { knownBlocks } = await import('../labs/blocks.js');
      const blocks = knownBlocks();
      for (const name of builtinLabs()) out.stdout(`${name}\t${loadLab(name, blocks).title.en}\n`);
      out.stdout(`\nblocks: ${[...blocks].join(', ')}\n`);
    });
  labs
    .command('init')
    .description('copy a lab profile to FILE, to edit; then build with --lab FILE')
    .argument('<name>', 'a built-in profile (see `labreport labs`)')
    .argument('[file]', 'where to copy it (default: NAME.yaml)')
    .option('--force', 'overwrite an existing file')
    .action(async (name: string, file: string | undefined, opts: { force?: boolean }) => {
      const { labPath, builtinLabs } = await import('../labs/profile.js');
      if (!builtinLabs().includes(name)) throw new UsageError(`labs init ${name}: no such built-in lab (${builtinLabs().join(', ')})`);
      const source = labPath(name);
      const target = file ?? basename(source);
      if (existsSync(target) && !opts.force) throw new UsageError(`${target} already exists (use --force to overwrite it)`);
      try {
        cpSync(source, target);
      } catch (e) {
        throw asFileError(e, target, 'be written');
      }
      out.stdout(`${target}\n`);
    });

  cmd
    .command('schema')
    .description('print the JSON Schema of the model `build --format json` writes (the package ships it as labreport/report-model.schema.json)')
    .option('-o, --out <file>', 'write it to a file instead')
    .action(async (flags: { out?: string }) => {
      const { reportModelJsonSchema } = await import('../json-schema.js');
      const text = `${JSON.stringify(reportModelJsonSchema(), null, 2)}\n`;
      if (!flags.out || flags.out === '-') return out.stdout(text);
      writeFileAtomic(dirname(flags.out), basename(flags.out), text);
    });

  cmd
    .command('init')
    .description(`write a starter ${DEFAULT_CONFIG_FILE} (the report header, language, formats) in the current folder`)
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { force?: boolean }) => {
      if (existsSync(DEFAULT_CONFIG_FILE) && !opts.force) throw new UsageError(`${DEFAULT_CONFIG_FILE} already exists (use --force to overwrite it)`);
      const { starterConfig } = await import('../report/config.js');
      try {
        writeFileSync(DEFAULT_CONFIG_FILE, starterConfig());
      } catch (e) {
        throw asFileError(e, DEFAULT_CONFIG_FILE, 'be written');
      }
      out.stdout(`${DEFAULT_CONFIG_FILE}\n`);
    });

  cmd
    .command('templates')
    .description('work with report templates')
    .command('init')
    .description('copy the default templates to DIR, to customise; then build with --templates DIR')
    .argument('[dir]', 'where to copy them', 'labreport-templates')
    .option('--force', 'overwrite existing files')
    .action((dir: string, opts: { force?: boolean }) => {
      if (existsSync(dir) && !opts.force) throw new UsageError(`${dir} already exists (use --force to overwrite the templates in it)`);
      try {
        cpSync(DEFAULT_TEMPLATES, dir, { recursive: true, force: true });
      } catch (e) {
        throw asFileError(e, dir, 'be written');
      }
      out.stdout(`${dir}\n`);
    });
  return cmd;
}

/** A file's size, or 0 when it cannot be read (the capture reader then says why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function readModel(path: string): Promise<ReportModel> {
  const { ReportModel } = await import('../report/schema.js');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(
      `${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a folder, not a JSON model' : `is not a JSON model (${err.message})`}`,
    );
  }
  const parsed = ReportModel.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: not a labreport model: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Several captures: a report each, in parallel, and the class summary. Returns the exit code. */
async function buildClass(args: string[], config: ReportConfig, limits: Limits, flags: CliFlags, out: Out): Promise<number> {
  const { batchJobs, expandCaptures, runBatch } = await import('./batch.js');
  const jobs = batchJobs(expandCaptures(args));
  if (jobs.length === 0) throw new UsageError(`${args.join(', ')}: no .pcap or .pcapng files found`);
  // One look for a browser for the whole class: without one, every capture still gets md and html.
  let chrome: BrowserChoice | undefined;
  let noBrowser = false;
  if (config.formats.includes('pdf')) {
    const { findBrowser } = await import('../render/browser.js');
    try {
      chrome = await findBrowser(flags.chrome);
    } catch (e) {
      if (!(e instanceof NoBrowserError)) throw e;
      out.stderr(`labreport: no PDFs: ${e.message}\n`);
      config = { ...config, formats: config.formats.filter((f) => f !== 'pdf') };
      noBrowser = true;
    }
  }
  const { removeOwnLeftovers } = await import('../output.js');
  const results = await runBatch(jobs, {
    limits,
    config,
    out: flags.out,
    chrome,
    pdfBudget: pdfBudgetOf(limits),
    onDone: (job, r) => {
      if (r.failure) out.stderr(`labreport: ${job.capture}: ${r.row.status}\n`);
      else if (!flags.quiet) out.stdout(`${join(flags.out, job.name)}.*\n`);
    },
  });
  removeOwnLeftovers(flags.out); // a worker that died may have left its lock
  const { writeSummary } = await import('../render/report.js');
  const release = lockOutputSet(flags.out, 'summary');
  let summary: string[];
  try {
    summary = await writeSummary(
      results.map((r) => r.row),
      config,
      flags.out,
    );
  } finally {
    release();
  }
  if (!flags.quiet) for (const path of summary) out.stdout(`${path}\n`);
  const failed = results.filter((r) => r.failure);
  if (failed.length === 0) return noBrowser ? EXIT.BAD_INPUT : EXIT.OK;
  out.stderr(`labreport: ${failed.length} of ${results.length} captures failed (listed in ${join(flags.out, 'summary.md')}); the others were built\n`);
  if (failed.some((r) => r.failure === 'internal')) {
    out.stderr(`labreport: ${BUG_HINT}\n`);
    return EXIT.INTERNAL;
  }
  return EXIT.BAD_INPUT;
}

/** Run the CLI; resolves to the exit code. Errors never escape as stack traces. */
export async function run(
  argv: string[],
  out: Out = { stdout: (s) => void process.stdout.write(s), stderr: (s) => void process.stderr.write(s) },
): Promise<number> {
  exitCode = EXIT.OK;
  try {
    await program(out).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT; // --help and --version end here too
    if (e instanceof CaptureError) {
      out.stderr(`labreport: ${e.file}: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    if (e instanceof UsageError || e instanceof NoBrowserError) return usage(out, e);
    const err = e as Error;
    out.stderr(`labreport: internal error: ${err.message}\n`);
    out.stderr(process.env.LABREPORT_DEBUG ? `${err.stack}\n` : `${BUG_HINT}\n`);
    return EXIT.INTERNAL;
  }
}

function usage(out: Out, e: Error): number {
  out.stderr(`labreport: ${e.message}\n`);
  return EXIT.BAD_INPUT;
}

/** The command-line tool (bin/labreport.js): signals handled, the exit code set. */
export async function main(argv: string[]): Promise<void> {
  handleSignals((s) => void process.stderr.write(s));
  // A reader that stopped reading (`labreport build x -f json -o - | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(EXIT.OK);
  });
  process.exitCode = await run(argv);
}
