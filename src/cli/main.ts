import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CaptureError } from '../capture/frame.js';
import { EXIT, UsageError } from '../errors.js';
import { DEFAULT_LIMITS, LIMIT_OPTIONS, limitFlag, parseLimitValue, type LimitName, type Limits } from '../limits.js';
import { reportBaseName } from '../output.js';
import type { ReportConfig } from '../report/config.js';
import { DEFAULT_CONFIG_FILE, FORMATS, LANGUAGES } from '../report/config-options.js';
import type { ReportModel } from '../report/schema.js';
import { NoBrowserError } from '../render/browser.js';
import { DEFAULT_TEMPLATES } from '../render/templates-dir.js';
import { VERSION } from '../version.js';
import { buildOne } from './build.js';
import { progressBar } from './progress.js';
import { writeOutputs } from './write.js';

const BUG_HINT = 'An internal error is a bug in labreport. Please report it with the capture if you can (set LABREPORT_DEBUG=1 for the stack trace).';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** The exit code a command that finished without throwing leaves (a class build with failures sets it). */
let exitCode: number = EXIT.OK;

/** Comma-separated list flag values (`--format md,html`), checked against what is allowed. */
function listOf(flag: string, allowed: readonly string[]) {
  return (value: string): string[] => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((i) => !allowed.includes(i));
    if (bad.length > 0 || items.length === 0) throw new UsageError(`${flag} takes a comma-separated list of ${allowed.join(', ')}; got "${value}"`);
    return items;
  };
}

function frameNumber(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} takes a frame number (1, 2, …); got "${value}"`);
    return Number(value);
  };
}

/** One `--max-…` flag per limit, from the limits table. */
function addLimitOptions(cmd: Command): Command {
  for (const [name, option] of Object.entries(LIMIT_OPTIONS)) {
    const flag = limitFlag(name as LimitName);
    cmd.addOption(
      new Option(`${flag} <${option.unit}>`, `${option.description} (default ${option.default})`).argParser((v: string) => {
        const n = parseLimitValue(v);
        if (n === null) throw new UsageError(`${flag} takes a whole number (k, M and G suffixes allowed); got "${v}"`);
        return n;
      }),
    );
  }
  return cmd;
}

function limitsFrom(opts: Partial<Limits>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(LIMIT_OPTIONS) as LimitName[]) if (opts[name] !== undefined) limits[name] = opts[name];
  return limits;
}

/** Options shared by build and render: what to write, where, in which language, with which templates. */
interface RenderFlags {
  format?: (typeof FORMATS)[number][];
  out: string;
  lang?: 'en' | 'zh';
  config?: string;
  templates?: string;
  docxTemplate?: string;
  chrome?: string;
  quiet?: boolean;
}

function addRenderOptions(cmd: Command, formatsHelp: string): Command {
  return cmd
    .addOption(new Option('--format <list>', formatsHelp).argParser(listOf('--format', FORMATS)))
    .option('--out <dir>', 'directory the reports are written to', 'output')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(LANGUAGES))
    .option('--config <file>', `report configuration (default: ./${DEFAULT_CONFIG_FILE} if present)`)
    .option('--templates <dir>', 'custom templates (see `labreport templates init`); missing files fall back to the defaults')
    .option('--docx-template <file>', "a school's Word template for the docx output: placeholders {course}, {student.name}, … and {report}")
    .option('--chrome <path>', 'Chrome or Chromium to print PDFs with')
    .option('--quiet', 'print nothing but errors');
}

/** The config file, with the command line's choices on top. (zod, which checks it, is loaded only now.) */
type BuildFlags = RenderFlags & {
  request?: number;
  get?: number;
  post?: number;
  smtp?: number;
  pop3?: number;
  revealSecrets?: boolean;
  lab?: string;
  notes?: string;
  appendix?: boolean;
};

async function effectiveConfig(flags: BuildFlags): Promise<ReportConfig> {
  const { loadConfig } = await import('../report/config.js');
  const config = loadConfig(flags.config);
  return {
    ...config,
    ...(flags.lang ? { language: flags.lang } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.templates ? { templates: flags.templates } : {}),
    ...(flags.docxTemplate ? { docxTemplate: flags.docxTemplate } : {}),
    ...(flags.revealSecrets ? { revealSecrets: true } : {}),
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
    },
  };
}

function program(out: Out): Command {
  const cmd = new Command('labreport')
    .description('Turn a packet capture into a finished lab report (HTTP, SMTP, POP3): Markdown, HTML, PDF and JSON.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: (text, write) => write(`labreport: ${text.replace(/^error: /, '')}`) });

  const build = addRenderOptions(
    cmd
      .command('build')
      .description('read a capture (pcap or pcapng) and write its report; given several captures or a folder, a report for each and a class summary')
      .argument('<capture...>', 'capture files (.pcap or .pcapng), or folders of them'),
    `output formats, comma-separated: ${FORMATS.join(', ')} (default: md,html,pdf, or the config's formats)`,
  )
    .addOption(new Option('--request <frame>', 'the request to dissect in detail (the frame carrying its last byte)').argParser(frameNumber('--request')))
    .addOption(new Option('--get <frame>', 'the GET request to compare').argParser(frameNumber('--get')))
    .addOption(new Option('--post <frame>', 'the POST request to compare').argParser(frameNumber('--post')))
    .addOption(new Option('--smtp <stream>', 'the SMTP session to show in full, by its tcp.stream').argParser(streamNumber('--smtp')))
    .addOption(new Option('--pop3 <stream>', 'the POP3 session to show in full, by its tcp.stream').argParser(streamNumber('--pop3')))
    .option('--lab <name|file>', 'the lab the report follows: a built-in profile (`labreport labs`) or a profile file (default http-smtp-pop3)')
    .option('--notes <file>', 'your own words: a Markdown file whose "## purpose", "## task1" … "## summary" parts go to those places')
    .option('--no-appendix', 'leave out the appendix (packet list, all exchanges and sessions, warnings)')
    .option('--reveal-secrets', 'show passwords and other secrets instead of masking them');
  addLimitOptions(build).action(async (captures: string[], opts: BuildFlags & Partial<Limits>) => {
    const config = await effectiveConfig(opts);
    const single = captures.length === 1 && !(existsSync(captures[0]!) && statSync(captures[0]!).isDirectory());
    if (!single) {
      const frame = (['request', 'get', 'post'] as const).find((k) => opts[k] !== undefined);
      if (frame) throw new UsageError(`--${frame} picks a frame of one capture; it cannot be used when building several`);
      const one = (['smtp', 'pop3', 'notes'] as const).find((k) => opts[k] !== undefined);
      if (one) throw new UsageError(`--${one} belongs to one capture; it cannot be used when building several`);
      exitCode = await buildClass(captures, config, limitsFrom(opts), opts, out);
      return;
    }
    const capture = captures[0]!;
    const progress = progressBar(basename(capture), fileSize(capture), opts.quiet ?? false);
    let model: ReportModel;
    try {
      model = await buildOne(capture, { limits: limitsFrom(opts), config, onProgress: progress.update });
    } finally {
      progress.stop();
    }
    const baseName = reportBaseName(capture);
    const notes = config.notes ? await readNotesFor(config, baseName) : null;
    const written = await writeOutputs(model, config, opts.out, baseName, opts.chrome, undefined, notes);
    if (!opts.quiet) for (const path of written) out.stdout(`${path}\n`);
  });

  addRenderOptions(
    cmd
      .command('render')
      .description(
        "render a saved JSON model (from `build --format json`) again, e.g. with other templates or in another language; or turn a report's Markdown you edited into HTML and PDF",
      )
      .argument('<model-or-report>', 'a model written by `labreport build --format json`, or a report .md written by `labreport build`'),
    `output formats, comma-separated: md, html, pdf (default: md,html,pdf, or the config's formats)`,
  )
    .option('--lab <name|file>', 'the lab the report follows (default: the one the model was built for)')
    .option('--notes <file>', 'your own words, placed by their "## task1" … headings')
    .option('--no-appendix', 'leave out the appendix')
    .action(async (path: string, opts: BuildFlags) => {
      const config = await effectiveConfig(opts);
      if (/\.(md|markdown)$/i.test(path)) {
        if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
        const { renderMarkdownFile } = await import('../render/report.js');
        const formats = config.formats.filter((f) => f === 'html' || f === 'pdf' || f === 'docx');
        if (formats.length === 0) throw new UsageError(`${path}: a report's Markdown renders to html, pdf and docx; --format names none of them`);
        const written = await renderMarkdownFile(path, { formats, config, outDir: opts.out, chrome: opts.chrome });
        if (!opts.quiet) for (const p of written) out.stdout(`${p}\n`);
        return;
      }
      const written = await writeOutputs(
        await readModel(path),
        { ...config, formats: config.formats.filter((f) => f !== 'json') },
        opts.out,
        reportBaseName(path),
        opts.chrome,
        undefined,
        config.notes ? await readNotesFor(config, reportBaseName(path)) : null,
      );
      if (!opts.quiet) for (const p of written) out.stdout(`${p}\n`);
    });

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
      cpSync(source, target);
      out.stdout(`${target}\n`);
    });

  cmd
    .command('init')
    .description(`write a starter ${DEFAULT_CONFIG_FILE} (the report header, language, formats) in the current folder`)
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { force?: boolean }) => {
      if (existsSync(DEFAULT_CONFIG_FILE) && !opts.force) throw new UsageError(`${DEFAULT_CONFIG_FILE} already exists (use --force to overwrite it)`);
      const { starterConfig } = await import('../report/config.js');
      writeFileSync(DEFAULT_CONFIG_FILE, starterConfig());
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
      cpSync(DEFAULT_TEMPLATES, dir, { recursive: true, force: true });
      out.stdout(`${dir}\n`);
    });
  return cmd;
}

/** The student's notes for a report: placed by the lab's place ids. */
async function readNotesFor(config: ReportConfig, baseName: string) {
  const { readNotes } = await import('../render/notes.js');
  const { labFor } = await import('../labs/blocks.js');
  const lab = labFor(config.lab);
  return readNotes(config.notes!, ['purpose', 'environment', 'summary', ...lab.tasks.map((t) => t.id)], `${baseName}.files`);
}

function streamNumber(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a tcp.stream number (0, 1, …); got "${value}"`);
    return Number(value);
  };
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
    throw new UsageError(`${path}: ${err.code === 'ENOENT' ? 'no such file' : `is not a JSON model (${err.message})`}`);
  }
  const parsed = ReportModel.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: not a labreport model: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Several captures: a report each, in parallel, and the class summary. Returns the exit code. */
async function buildClass(args: string[], config: ReportConfig, limits: Limits, flags: RenderFlags, out: Out): Promise<number> {
  const { batchJobs, expandCaptures, runBatch } = await import('./batch.js');
  const jobs = batchJobs(expandCaptures(args));
  if (jobs.length === 0) throw new UsageError(`${args.join(', ')}: no .pcap or .pcapng files found`);
  const results = await runBatch(jobs, {
    limits,
    config,
    out: flags.out,
    chrome: flags.chrome,
    onDone: (job, r) => {
      if (r.failure) out.stderr(`labreport: ${job.capture}: ${r.row.status}\n`);
      else if (!flags.quiet) out.stdout(`${join(flags.out, job.name)}.*\n`);
    },
  });
  const { writeSummary } = await import('../render/report.js');
  const summary = await writeSummary(
    results.map((r) => r.row),
    config,
    flags.out,
  );
  if (!flags.quiet) for (const path of summary) out.stdout(`${path}\n`);
  const failed = results.filter((r) => r.failure);
  if (failed.length === 0) return EXIT.OK;
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
    if (e instanceof UsageError || e instanceof NoBrowserError) {
      out.stderr(`labreport: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    const err = e as Error;
    out.stderr(`labreport: internal error: ${err.message}\n`);
    out.stderr(process.env.LABREPORT_DEBUG ? `${err.stack}\n` : `${BUG_HINT}\n`);
    return EXIT.INTERNAL;
  }
}
