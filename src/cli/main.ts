import { Command, CommanderError, Option } from 'commander';
import { CaptureError } from '../capture/frame.js';
import { DEFAULT_LIMITS, LIMIT_OPTIONS, limitFlag, parseLimitValue, type LimitName, type Limits } from '../limits.js';
import { VERSION } from '../version.js';
import { buildOne } from './build.js';
import { EXIT, UsageError } from './errors.js';

const FORMATS = ['json'] as const;

/** Comma-separated list flag values (`--format md,html`), checked against what is allowed. */
function listOf(allowed: readonly string[]) {
  return (value: string): string[] => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((i) => !allowed.includes(i));
    if (bad.length > 0 || items.length === 0) throw new UsageError(`--format takes a comma-separated list of ${allowed.join(', ')}; got "${value}"`);
    return items;
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

function program(out: { stdout: (s: string) => void; stderr: (s: string) => void }): Command {
  const cmd = new Command('labreport')
    .description('Turn a packet capture into a finished lab report (HTTP, SMTP, POP3).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: (text, write) => write(`labreport: ${text.replace(/^error: /, '')}`) });
  const build = cmd
    .command('build')
    .description('read a capture (pcap or pcapng) and write its report')
    .argument('<capture>', 'capture file (.pcap or .pcapng)')
    .addOption(new Option('--format <list>', `output formats, comma-separated: ${FORMATS.join(', ')}`).default(['json'], 'json').argParser(listOf(FORMATS)))
    .option('--out <dir>', 'directory the reports are written to', 'output')
    .option('--quiet', 'print nothing but errors');
  addLimitOptions(build).action(async (capture: string, opts: { format: string[]; out: string; quiet?: boolean } & Partial<Limits>) => {
    const limits = limitsFrom(opts);
    const { written } = await buildOne(capture, { outDir: opts.out, formats: opts.format, limits });
    if (!opts.quiet) for (const path of written) out.stdout(`${path}\n`);
  });
  return cmd;
}

/** Run the CLI; resolves to the exit code. Errors never escape as stack traces. */
export async function run(
  argv: string[],
  out = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) },
): Promise<number> {
  try {
    await program(out).parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return e.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT;
    }
    if (e instanceof CaptureError) {
      out.stderr(`labreport: ${e.file}: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    if (e instanceof UsageError) {
      out.stderr(`labreport: ${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    const err = e as Error;
    out.stderr(`labreport: internal error: ${err.message}\n`);
    out.stderr(
      process.env.LABREPORT_DEBUG
        ? `${err.stack}\n`
        : 'This is a bug in labreport. Please report it with the capture if you can (set LABREPORT_DEBUG=1 for the stack trace).\n',
    );
    return EXIT.INTERNAL;
  }
}
