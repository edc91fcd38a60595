import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import {
  DEFAULT_LIMITS,
  describeLimitValue,
  LIMIT_MINIMUM,
  LIMIT_OPTIONS,
  limitFlag,
  parseLimitValue,
  RENDER_LIMITS,
  type LimitName,
  type Limits,
} from '../limits.js';
import { DEFAULT_CONFIG_FILE, FORMATS, LANGUAGES } from '../report/config-options.js';

/*
 * Every command-line option, in one table: its flags, help, help group and the commands
 * that take it. A new option is one entry here (and its field in CliFlags); the commands
 * pick theirs with addOptions. The --max-… limits come from the limits table (limits.ts).
 */

export type CommandName = 'build' | 'render';

interface OptionSpec {
  flags: string;
  help: string;
  group: string;
  commands: readonly CommandName[];
  parse?: (value: string) => unknown;
  choices?: readonly string[];
  default?: string;
}

const GROUP = {
  output: 'Output:',
  report: 'Report:',
  frames: 'Exchanges and sessions to dissect (default: chosen automatically):',
  pdf: 'PDF:',
  limits: 'Limits (sizes take k, M and G suffixes: 4M, 1G):',
};

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

function streamNumber(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a tcp.stream number (0, 1, …); got "${value}"`);
    return Number(value);
  };
}

function frameNumber(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} takes a frame number (1, 2, …); got "${value}"`);
    return Number(value);
  };
}

const BOTH = ['build', 'render'] as const;

export const OPTIONS = {
  format: {
    flags: '-f, --format <list>',
    help: `formats to write, comma-separated: ${FORMATS.join(', ')} (default: md,html,pdf, or the config's formats; render writes no json)`,
    group: GROUP.output,
    commands: BOTH,
    parse: listOf('--format', FORMATS),
  },
  out: {
    flags: '-o, --out <dir>',
    help: 'folder to write the reports in; "-" with --format json writes the model to standard output',
    group: GROUP.output,
    commands: BOTH,
    default: 'output',
  },
  quiet: { flags: '-q, --quiet', help: 'print nothing but errors', group: GROUP.output, commands: BOTH },
  export: {
    flags: '--export <dir>',
    help: "write the capture's objects to DIR, as Wireshark's File › Export Objects: HTTP bodies (de-chunked and decoded) and mail messages (.eml); one capture only",
    group: GROUP.output,
    commands: ['build'],
  },
  lang: { flags: '-l, --lang <lang>', help: 'language of the report', group: GROUP.report, commands: BOTH, choices: LANGUAGES },
  config: {
    flags: '--config <file>',
    help: `report configuration (default: ${DEFAULT_CONFIG_FILE} in this folder or a parent, else the user's labreport/config.json)`,
    group: GROUP.report,
    commands: BOTH,
  },
  templates: {
    flags: '--templates <dir>',
    help: 'custom templates (see `labreport templates init`); missing files fall back to the defaults',
    group: GROUP.report,
    commands: BOTH,
  },
  lab: {
    flags: '--lab <name|file>',
    help: 'the lab the report follows: a built-in profile (`labreport labs`) or a profile file (default http-smtp-pop3; render: the one the model was built for)',
    group: GROUP.report,
    commands: BOTH,
  },
  notes: {
    flags: '--notes <file>',
    help: 'your own words: a Markdown file whose "## purpose", "## task1" … "## summary" parts go to those places',
    group: GROUP.report,
    commands: BOTH,
  },
  appendix: { flags: '--no-appendix', help: 'leave out the appendix (packet list, all exchanges and sessions, warnings)', group: GROUP.report, commands: BOTH },
  docxTemplate: {
    flags: '--docx-template <file>',
    help: "a school's Word template for the docx output: placeholders {course}, {student.name}, … and {report}",
    group: GROUP.report,
    commands: BOTH,
  },
  keylog: {
    flags: '--keylog <file>',
    help: "the TLS key log (SSLKEYLOGFILE format) written while capturing, to decrypt the capture's TLS (default: the config's keylog, else SSLKEYLOGFILE)",
    group: GROUP.report,
    commands: ['build'],
  },
  revealSecrets: { flags: '--reveal-secrets', help: 'show passwords and other secrets instead of masking them', group: GROUP.report, commands: ['build'] },
  request: {
    flags: '--request <frame>',
    help: 'the request to dissect in detail (the frame carrying its last byte, as Wireshark shows it)',
    group: GROUP.frames,
    commands: ['build'],
    parse: frameNumber('--request'),
  },
  get: { flags: '--get <frame>', help: 'the GET request to compare', group: GROUP.frames, commands: ['build'], parse: frameNumber('--get') },
  post: { flags: '--post <frame>', help: 'the POST request to compare', group: GROUP.frames, commands: ['build'], parse: frameNumber('--post') },
  smtp: {
    flags: '--smtp <stream>',
    help: 'the SMTP session to show in full, by its tcp.stream',
    group: GROUP.frames,
    commands: ['build'],
    parse: streamNumber('--smtp'),
  },
  pop3: {
    flags: '--pop3 <stream>',
    help: 'the POP3 session to show in full, by its tcp.stream',
    group: GROUP.frames,
    commands: ['build'],
    parse: streamNumber('--pop3'),
  },
  imap: {
    flags: '--imap <stream>',
    help: 'the IMAP session to show in full, by its tcp.stream',
    group: GROUP.frames,
    commands: ['build'],
    parse: streamNumber('--imap'),
  },
  chrome: {
    flags: '--chrome <path>',
    help: 'the Chrome, Chromium or Edge that prints PDFs (default: LABREPORT_CHROME, PUPPETEER_EXECUTABLE_PATH, then the system’s)',
    group: GROUP.pdf,
    commands: BOTH,
  },
} as const satisfies Record<string, OptionSpec>;

/** The flags as the commands receive them. */
export interface CliFlags extends Partial<Limits> {
  format?: (typeof FORMATS)[number][];
  out: string;
  quiet?: boolean;
  /** --export DIR. */
  export?: string;
  lang?: (typeof LANGUAGES)[number];
  config?: string;
  templates?: string;
  docxTemplate?: string;
  lab?: string;
  notes?: string;
  /** false with --no-appendix. */
  appendix?: boolean;
  /** --keylog FILE. */
  keylog?: string;
  revealSecrets?: boolean;
  request?: number;
  get?: number;
  post?: number;
  smtp?: number;
  pop3?: number;
  imap?: number;
  chrome?: string;
}

/** The limits a command takes: every one for build, the render stage's for render. */
const limitsOf = (command: CommandName): LimitName[] =>
  (Object.keys(LIMIT_OPTIONS) as LimitName[]).filter((name) => command === 'build' || RENDER_LIMITS.includes(name));

function limitOption(name: LimitName): Option {
  const option = LIMIT_OPTIONS[name];
  const flag = limitFlag(name);
  const placeholder = option.unit === 'bytes' ? 'size' : option.unit === 'seconds' ? 'seconds' : 'n';
  return new Option(`${flag} <${placeholder}>`, `${option.description} Default: ${describeLimitValue(name, option.default)}.`).argParser((v: string) => {
    const n = parseLimitValue(v);
    if (n === null) throw new UsageError(`${flag} takes a whole number (k, M and G suffixes allowed); got "${v}"`);
    if (n < LIMIT_MINIMUM) throw new UsageError(`${flag} must be at least ${LIMIT_MINIMUM}; got "${v}"`);
    return n;
  });
}

/** Add a command's options from the table, grouped in its help. */
export function addOptions(cmd: Command, command: CommandName): Command {
  for (const spec of Object.values(OPTIONS) as OptionSpec[]) {
    if (!spec.commands.includes(command)) continue;
    const option = new Option(spec.flags, spec.help).helpGroup(spec.group);
    if (spec.parse) option.argParser(spec.parse);
    if (spec.choices) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    cmd.addOption(option);
  }
  for (const name of limitsOf(command)) cmd.addOption(limitOption(name).helpGroup(GROUP.limits));
  return cmd;
}

/** The limits in force: the defaults, with those given on the command line on top. */
export function limitsFrom(flags: Partial<Limits>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(LIMIT_OPTIONS) as LimitName[]) if (flags[name] !== undefined) limits[name] = flags[name];
  return limits;
}
