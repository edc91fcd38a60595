import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandCaptures } from '../src/cli/batch.js';
import { run } from '../src/cli/main.js';
import { findConfigFile, userConfigFile } from '../src/cli/config-file.js';
import { fileProblem } from '../src/errors.js';
import { LIMIT_OPTIONS, describeLimitValue, limitFlag, parseLimitValue, type LimitName } from '../src/limits.js';
import { reportBaseName } from '../src/output.js';
import { jsonPieces } from '../src/report/json.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir, tempFile } from './helpers/files.js';
import { Conversation, pcapFile } from './helpers/packets.js';

/*
 * The command as a user runs it (the compiled bin; `npm test` builds first): options,
 * inputs (files, .gz, .zst, standard input), outputs (folders, standard output) and every
 * way the environment can refuse, each said in one line with exit code 2.
 */

const root = join(import.meta.dirname, '..');
const BIN = join(root, 'bin', 'labreport.js');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');
const LAB_BYTES = readFileSync(LAB);

interface RunOptions {
  cwd?: string;
  input?: Buffer | string;
  env?: Record<string, string>;
}

/** Run the real command, as a user would. */
function labreport(args: string[], o: RunOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: o.cwd ?? root,
    input: o.input ?? '',
    env: { ...process.env, ...o.env },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, in this process (the fuzzer's way): for the many one-line errors, without a new node each. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The model without what names the file it came from. */
const modelBody = (json: string) => {
  const { capture, ...rest } = JSON.parse(json) as ReportModel;
  const { file: _file, size: _size, ...captureRest } = capture;
  return { ...rest, capture: captureRest };
};

/** A one-line error with exit code 2 and no stack trace. */
function expectUserError(r: { code: number | null; stderr: string }, message: RegExp) {
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('labreport build --format json', () => {
  it('writes DIR/<name>.json, a model the schema accepts, naming its JSON Schema', () => {
    const out = tempDir();
    const r = labreport(['build', LAB, '--format', 'json', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(join(out, 'lab.json'));
    const model = ReportModel.parse(JSON.parse(readFileSync(join(out, 'lab.json'), 'utf8')));
    expect(model.$schema).toMatch(/^https:\/\/.*\/labreport@\d+\.\d+\.\d+\/dist\/report-model\.schema\.json$/);
    expect(model.capture).toMatchObject({ file: 'lab.pcapng', format: 'pcapng', linkTypes: ['ether'] });
    expect(model.http.exchanges.length).toBeGreaterThan(10);
    expect(readdirSync(out)).toEqual(['lab.json']); // no temporary file or lock left behind
  });

  it('writes md, html and pdf to output/ by default', () => {
    const cwd = tempDir();
    expect(labreport(['build', LAB], { cwd })).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'output')).sort()).toEqual(['lab.files', 'lab.html', 'lab.md', 'lab.pdf']);
  });

  it('gives byte-identical JSON for the same capture', () => {
    const [a, b] = [tempDir(), tempDir()];
    labreport(['build', LAB, '--out', a, '--format', 'json']);
    labreport(['build', LAB, '--out', b, '--format', 'json']);
    expect(readFileSync(join(a, 'lab.json'), 'utf8')).toBe(readFileSync(join(b, 'lab.json'), 'utf8'));
  });

  it('still builds a damaged capture, saying where reading stopped, and counts the warnings on stderr', () => {
    const path = tempFile('damaged.pcapng', LAB_BYTES.subarray(0, 30_000));
    const out = tempDir();
    const r = labreport(['build', path, '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const model = ReportModel.parse(JSON.parse(readFileSync(join(out, 'damaged.json'), 'utf8')));
    expect(model.warnings.at(-1)!.message).toMatch(/cut off inside frame \d+.*reading stopped after frame \d+/);
    const n = model.warnings.length + model.warningsUnlisted;
    expect(r.stderr).toBe(`damaged.pcapng: ${n} warning${n === 1 ? '' : 's'} (listed in the model's warnings)\n`);
    expect(labreport(['build', path, '-o', out, '-f', 'md'])).toMatchObject({
      code: 0,
      stderr: `damaged.pcapng: ${n} warning${n === 1 ? '' : 's'} (see the report's Warnings section)\n`,
    });
    expect(labreport(['build', path, '-o', out, '-f', 'md', '-q'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('--out - writes the model to standard output, and nothing else', () => {
    const out = tempDir();
    const r = labreport(['build', LAB, '-f', 'json', '-o', '-'], { cwd: out });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    labreport(['build', LAB, '-f', 'json', '-o', out]);
    expect(r.stdout).toBe(readFileSync(join(out, 'lab.json'), 'utf8'));
    expect(readdirSync(out)).toEqual(['lab.json']);
  });
});

describe('captures as Wireshark users have them', () => {
  const plain = () => modelBody(labreport(['build', LAB, '-f', 'json', '-o', '-']).stdout);

  it('reads gzip- and zstd-compressed captures directly (by their first bytes, whatever the name)', () => {
    const expected = plain();
    const gz = tempFile('lab.pcapng.gz', gzipSync(LAB_BYTES));
    const zst = tempFile('lab.pcapng.zst', execFileSync('zstd', ['-q', '-c', LAB]));
    const misnamed = tempFile('lab-gz.pcapng', gzipSync(LAB_BYTES));
    for (const file of [gz, zst, misnamed]) {
      const r = labreport(['build', file, '-f', 'json', '-o', '-']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(modelBody(r.stdout)).toEqual(expected);
    }
    const out = tempDir();
    expect(labreport(['build', gz, '-f', 'json', '-o', out]).stdout.trim()).toBe(join(out, 'lab.json'));
  });

  it('a cut-off or damaged .gz still gives a report, with the damage in its warnings', () => {
    const whole = gzipSync(LAB_BYTES);
    const cut = tempFile('cut.pcapng.gz', whole.subarray(0, whole.length - 2000));
    const damaged = Buffer.from(whole);
    damaged[whole.length - 6]! ^= 0xff; // the trailer's checksum
    const r = labreport(['build', cut, '-f', 'json', '-o', '-']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReportModel).warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^the gzip data .*cut off/));
    const d = labreport(['build', tempFile('crc.pcapng.gz', damaged), '-f', 'json', '-o', '-']);
    expect(d.code).toBe(0);
    expect((JSON.parse(d.stdout) as ReportModel).warnings.map((w) => w.message)).toEqual([
      'the gzip data is cut off or damaged: what it decompresses to does not match the checksum and length it ends with',
    ]);
  });

  it.each([
    ['notes.txt.gz', gzipSync('just some text\n'), /^labreport: .*notes\.txt\.gz: is gzip-compressed, and what it holds is not a pcap or pcapng capture/],
    ['lab.pcapng.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 0, 4]), /is xz-compressed: decompress it first \(`unxz FILE`\)/],
    ['lab.pcapng.lz4', Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, 0]), /is lz4-compressed/],
  ])('%s: named as what it is', (name, content, message) => {
    expectUserError(labreport(['build', tempFile(name, content), '-f', 'json', '-o', tempDir()]), message);
  });

  it('- reads the capture from standard input, plain or compressed, and names it so', () => {
    const expected = plain();
    const out = tempDir();
    const r = labreport(['build', '-', '-f', 'json', '-o', out], { input: LAB_BYTES });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `${join(out, 'stdin.json')}\n` });
    const model = JSON.parse(readFileSync(join(out, 'stdin.json'), 'utf8')) as ReportModel;
    expect(model.capture.file).toBe('stdin');
    expect(modelBody(readFileSync(join(out, 'stdin.json'), 'utf8'))).toEqual(expected);
    expect(modelBody(labreport(['build', '-', '-f', 'json', '-o', '-'], { input: gzipSync(LAB_BYTES) }).stdout)).toEqual(expected);
    expectUserError(labreport(['build', '-', '-f', 'json', '-o', out], { input: 'hello\n' }), /^labreport: standard input: is not a pcap or pcapng capture/);
  });

  it('- on a terminal says how to pipe a capture in, rather than wait', () => {
    // script(1) gives the command a terminal as its standard input.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} build - -f json -o ${tempDir()}`, '/dev/null'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toMatch(/^labreport: standard input: is a terminal: `-` reads a capture piped in, e\.g\. `tcpdump -w - … \| labreport build -`/);
    expect(r.status).toBe(2);
  });
});

describe('bad input and usage: one line on stderr, exit code 2', () => {
  const notCapture = tempFile('notes.txt', 'just some text, not a capture\n');
  const cut = tempFile(
    'header-only.pcap',
    pcapFile(new Conversation({ ip: '10.0.0.1', port: 1 }, { ip: '10.0.0.2', port: 2 }).handshake().packets()).subarray(0, 30),
  );
  it.each([
    [['build', '/no/such/file.pcap'], /^labreport: \/no\/such\/file\.pcap: no such file\n$/],
    [['build', notCapture], /^labreport: .*notes\.txt: is not a pcap or pcapng capture .*\n$/],
    [['build', cut], /^labreport: .*header-only\.pcap: the file ends inside the record header of frame 1 .*\n$/],
    [['build', LAB, '--format', 'odt'], /^labreport: --format takes a comma-separated list of .*; got "odt"\n$/],
    [['build', LAB, '--max-body-bytes', 'lots'], /--max-body-bytes takes a whole number/],
    [['build', LAB, '--max-streams', '0'], /^labreport: --max-streams must be at least 1; got "0"\n$/],
    [['build'], /missing required argument 'capture'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['build', LAB, '-f', 'md,json', '-o', '-'], /--out - writes the JSON model to standard output: use it with build --format json alone/],
    [['build', LAB, LAB, '-f', 'json', '-o', '-'], /a class build needs an output folder/],
    [['render', join(OWN_FIXTURES, 'lab.pcapng.truth.json'), '-f', 'json'], /render has nothing to write: it writes md, html or pdf/],
    [['render', OWN_FIXTURES], /is a folder, not a JSON model/],
  ])('%j', async (args, message) => {
    expectUserError(await inProcess(args), message);
  });
});

describe('the output folder: every refusal of the environment is the user’s, said as such', () => {
  const afile = tempFile('a-file', 'not a folder\n');

  it.each([
    ['a file', [afile], /^labreport: .*a-file: is a file, not a folder to write reports in \(--out\)\n$/],
    ['below a file', [join(afile, 'sub')], /a-file\/sub: cannot be used as the output folder: a part of the path is a file, not a folder/],
    ['/dev/null', ['/dev/null'], /^labreport: \/dev\/null: is a device, not a folder to write reports in \(--out\)\n$/],
    [
      '/proc/x (Node’s recursive mkdir loops forever there)',
      ['/proc/x'],
      /^labreport: \/proc\/x: cannot create the output folder: \/proc does not allow new folders\n$/,
    ],
    ['a name too long', [join(tempDir(), 'x'.repeat(300))], /cannot be used as the output folder: the file name is too long for the file system/],
  ])('--out %s', async (_, [out], message) => {
    expectUserError(await inProcess(['build', LAB, '-f', 'json', '-o', out!]), message);
  });

  it('a folder where the output file goes', () => {
    const out = tempDir();
    mkdirSync(join(out, 'lab.json'));
    expectUserError(labreport(['build', LAB, '-f', 'json', '-o', out]), /lab\.json: cannot be written: a folder is in the way of the file/);
    expect(readdirSync(out)).toEqual(['lab.json']); // and no temporary file left
  });

  it('a folder the user may not write to', () => {
    const out = tempDir();
    chmodSync(out, 0o555);
    // As root every folder is writable: run as nobody.
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'build', LAB, '-f', 'json', '-o', out], {
      encoding: 'utf8',
      cwd: '/',
    });
    expectUserError({ code: r.status, stderr: r.stderr }, new RegExp(`^labreport: ${out}: cannot be written to: permission denied\n$`));
  });

  /** Run a build in a private mount namespace, in a small tmpfs mounted for it. */
  function inTmpfs(mountOptions: string, args: string[]) {
    const mnt = tempDir();
    const script = `mount -t tmpfs -o ${mountOptions} labreport-test "$1" && shift && exec "$@"`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mnt, process.execPath, BIN, ...args.map((a) => a.replace('MNT', mnt))], {
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('a full disk (ENOSPC): nothing half-written is left', () => {
    const r = inTmpfs('size=16k', ['build', LAB, '-f', 'md', '-o', 'MNT/out']);
    expectUserError(r, /^labreport: .*\/out\/lab\.md: cannot be written: no space left on the device\n$/);
  });

  it('a read-only file system (EROFS)', () => {
    expectUserError(inTmpfs('ro', ['build', LAB, '-f', 'json', '-o', 'MNT']), /^labreport: \/tmp\/\S+: cannot be written to: the file system is read-only\n$/);
    expectUserError(inTmpfs('ro', ['build', LAB, '-f', 'json', '-o', 'MNT/new']), /cannot create the output folder: the file system is read-only/);
  });

  it('a capture with a 244-character name builds (temporary names are short)', () => {
    const name = `${'x'.repeat(237)}.pcapng`;
    expect(name).toHaveLength(244);
    const out = tempDir();
    const r = labreport(['build', tempFile(name, LAB_BYTES), '-f', 'json,md', '-o', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual([`${'x'.repeat(237)}.files`, `${'x'.repeat(237)}.json`, `${'x'.repeat(237)}.md`]);
  });
});

describe('without a browser', () => {
  /** Run with no browser on the machine: Debian's chromium hidden (a private mount namespace), an empty puppeteer cache. */
  function withoutBrowser(args: string[]) {
    const home = tempDir();
    const hide = 'for b in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do [ -e "$b" ] && mount --bind /dev/null "$b"; done; exec "$@"';
    const r = spawnSync('unshare', ['-m', 'sh', '-c', hide, 'sh', process.execPath, BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home, PUPPETEER_CACHE_DIR: join(home, 'cache'), LABREPORT_CHROME: '', PUPPETEER_EXECUTABLE_PATH: '' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, cache: join(home, 'cache') };
  }

  it('one capture: md and html are written, and one line says how to get a browser', () => {
    const out = tempDir();
    const r = withoutBrowser(['build', LAB, '-o', out]);
    expectUserError(
      r,
      new RegExp(
        `^labreport: no Chrome, Chromium or Edge found to print the PDF\. .*\`npx @puppeteer/browsers install chrome-headless-shell@stable --path ${r.cache}\`, or name yours with --chrome PATH or LABREPORT_CHROME=PATH\.\n$`,
      ),
    );
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md']);
  });

  it('a class: looked for once; every capture still gets md and html, and the summary is written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.pcapng'), LAB_BYTES);
    writeFileSync(join(dir, 'b.pcapng'), LAB_BYTES);
    const out = tempDir();
    const r = withoutBrowser(['build', dir, '-o', out]);
    expect(r.stderr).toMatch(/^labreport: no PDFs: no Chrome, Chromium or Edge found to print the PDF\. [^\n]*\n$/);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['a.files', 'a.html', 'a.md', 'b.files', 'b.html', 'b.md', 'summary.csv', 'summary.html', 'summary.md']);
  });
});

describe('files held open by another program (Windows)', () => {
  it('EBUSY and EPERM there mean a viewer holds the file: said so', () => {
    for (const code of ['EBUSY', 'EPERM'])
      expect(fileProblem({ code }, 'win32')).toBe('the file is open in another program (a PDF viewer?): close it and try again');
    expect(fileProblem({ code: 'EPERM' }, 'linux')).toBe('operation not permitted');
    expect(fileProblem(new Error('not an OS error'))).toBeNull();
  });
});

describe('help', () => {
  const help = labreport(['build', '--help']).stdout;

  it('shows examples, the short options and the exit codes', () => {
    for (const option of ['-o, --out <dir>', '-f, --format <list>', '-l, --lang <lang>', '-q, --quiet']) expect(help).toContain(option);
    expect(help).toMatch(/Examples:\n {2}labreport build capture\.pcapng +output\/capture\.md, \.html and \.pdf/);
    expect(help).toContain('Exit codes: 0 success, 1 internal error (a bug), 2 bad input, usage or environment');
    expect(labreport(['--help']).stdout).toContain('Examples:');
  });

  it('lists the limits in their own group, with human units', () => {
    const limits = help.slice(help.indexOf('Limits (sizes take k, M and G suffixes'));
    expect(help.indexOf('Limits (')).toBeGreaterThan(help.indexOf('Output:'));
    const flat = limits.replace(/\s+/g, ' ');
    for (const name of Object.keys(LIMIT_OPTIONS) as LimitName[]) expect(limits).toContain(limitFlag(name));
    expect(flat).toContain('Default: 1 MiB.');
    expect(flat).toContain('Default: 10,000 frames.');
    expect(flat).not.toMatch(/1048576|16777216/);
  });

  it('render takes the PDF limits only', () => {
    const render = labreport(['render', '--help']).stdout;
    expect(render).toContain('--max-pdf-html-bytes');
    expect(render).not.toContain('--max-body-bytes');
  });
});

describe('limits', () => {
  it('every limit has a flag documented in docs/limits.md, with its default as the help gives it', () => {
    const readme = readFileSync(join(root, 'docs', 'limits.md'), 'utf8');
    for (const name of Object.keys(LIMIT_OPTIONS) as LimitName[])
      expect(readme).toContain(`| \`${limitFlag(name)}\` | ${describeLimitValue(name, LIMIT_OPTIONS[name].default)} |`);
  });

  it('parses sizes with binary suffixes', () => {
    expect([
      parseLimitValue('4096'),
      parseLimitValue('4k'),
      parseLimitValue('16M'),
      parseLimitValue('1GiB'),
      parseLimitValue('-1'),
      parseLimitValue('1.5M'),
    ]).toEqual([4096, 4096, 16 * 1024 * 1024, 1024 ** 3, null, null]);
  });

  it('every limit at its minimum still builds the lab capture', () => {
    const args = (Object.keys(LIMIT_OPTIONS) as LimitName[]).filter((n) => !n.startsWith('maxPdf')).flatMap((n) => [limitFlag(n), '1']);
    const r = labreport(['build', LAB, '-f', 'json,md,html', '-o', tempDir(), ...args]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
  });

  it('applies a limit given on the command line', () => {
    const model = JSON.parse(labreport(['build', LAB, '-f', 'json', '-o', '-', '--max-exchanges', '3']).stdout) as ReportModel;
    expect(model.http.exchanges).toHaveLength(3);
    expect(model.http.exchangesUnlisted).toBe(model.http.requests - 3);
  });
});

describe('configuration', () => {
  const config = (course: string) => JSON.stringify({ header: { course }, formats: ['md'] });
  const courseIn = (out: string) => /\| Course \| ([^|]*) \|/.exec(readFileSync(join(out, 'lab.md'), 'utf8'))?.[1]?.trim();

  it('is found in the current folder or any parent, else in the user’s config folder', () => {
    const home = tempDir();
    const course = join(home, 'course');
    const deep = join(course, 'week3', 'captures');
    mkdirSync(deep, { recursive: true });
    const xdg = join(home, 'xdg');
    mkdirSync(join(xdg, 'labreport'), { recursive: true });
    writeFileSync(join(xdg, 'labreport', 'config.json'), config('From the user config'));
    const env = { XDG_CONFIG_HOME: xdg, HOME: home };
    let out = tempDir();
    expect(labreport(['build', LAB, '-o', out], { cwd: deep, env }).code).toBe(0);
    expect(courseIn(out)).toBe('From the user config');
    writeFileSync(join(course, 'labreport.config.json'), config('From the course folder'));
    out = tempDir();
    expect(labreport(['build', LAB, '-o', out], { cwd: deep, env }).code).toBe(0);
    expect(courseIn(out)).toBe('From the course folder');
    // --config wins over both.
    out = tempDir();
    expect(labreport(['build', LAB, '-o', out, '--config', tempFile('mine.json', config('Given'))], { cwd: deep, env }).code).toBe(0);
    expect(courseIn(out)).toBe('Given');
  });

  it('the user’s config folder on each platform', () => {
    const none = { cwd: '/w', env: {}, home: '/home/li', isFile: () => false };
    expect(userConfigFile({ ...none, platform: 'linux' })).toBe('/home/li/.config/labreport/config.json');
    expect(userConfigFile({ ...none, platform: 'linux', env: { XDG_CONFIG_HOME: '/x' } })).toBe('/x/labreport/config.json');
    expect(userConfigFile({ ...none, platform: 'darwin', home: '/Users/li' })).toBe('/Users/li/Library/Application Support/labreport/config.json');
    expect(userConfigFile({ ...none, platform: 'win32', home: 'C:\\Users\\li', env: { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' } })).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\labreport\\config.json',
    );
    const found = findConfigFile({ ...none, platform: 'linux', cwd: '/a/b/c', isFile: (f) => f === '/a/labreport.config.json' });
    expect(found).toBe('/a/labreport.config.json');
  });

  it('a templates folder in a config file is where that file says, wherever the build runs', () => {
    const course = tempDir();
    mkdirSync(join(course, 'mine', 'partials'), { recursive: true });
    writeFileSync(join(course, 'mine', 'partials', 'about.md.hbs'), '## Our own ending\n');
    writeFileSync(join(course, 'labreport.config.json'), JSON.stringify({ templates: 'mine', formats: ['md'] }));
    mkdirSync(join(course, 'sub'));
    const out = tempDir();
    expect(labreport(['build', LAB, '-o', out], { cwd: join(course, 'sub') }).code).toBe(0);
    expect(readFileSync(join(out, 'lab.md'), 'utf8')).toContain('## Our own ending');
  });
});

describe('labreport schema', () => {
  it('prints the JSON Schema of the model, the same as the file the package ships', () => {
    const r = labreport(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; $id: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(r.stdout).toBe(readFileSync(join(root, 'dist', 'report-model.schema.json'), 'utf8'));
    const model = JSON.parse(labreport(['build', LAB, '-f', 'json', '-o', '-']).stdout) as Record<string, unknown>;
    expect(schema.$id).toBe(model.$schema);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(model).sort());
    expect(schema.required).toContain('capture');
  });

  it("gives each field the description its comment in the schema's source has", () => {
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };
    const schema = JSON.parse(labreport(['schema']).stdout) as Node;
    const at = (node: Node | undefined, ...path: string[]): Node | undefined =>
      path.reduce<Node | undefined>((n, key) => (key === '[]' ? (n?.items ?? n?.anyOf?.[0]?.items) : (n?.properties?.[key] ?? n?.anyOf?.[0]?.properties?.[key])), node);
    // Each text below is the comment above the field in src/report/schema.ts, src/export/schema.ts and src/protocols/http/schema.ts.
    const source = (file: string, field: string) => {
      const m = new RegExp(`/\\*\\* (.+?) \\*/\\n\\s+${field}:`).exec(readFileSync(join(root, file), 'utf8'));
      return m?.[1];
    };
    expect(at(schema, 'capture', 'size')?.description).toBe(source('src/report/schema.ts', 'size'));
    expect(at(schema, 'capture', 'size')?.description).toBe('File size in bytes.');
    expect(source('src/export/schema.ts', 'frame')).toMatch(/^Frame carrying the body/);
    expect(at(schema, 'objects', '[]', 'frame')?.description).toBe(source('src/export/schema.ts', 'frame'));
    expect(at(schema, 'objects', '[]', 'reasons')?.description).toMatch(/^The same, as reasons/);
    // Fields without a comment have no invented description.
    expect(at(schema, 'capture', 'format')?.description).toBeUndefined();
    const described = JSON.stringify(schema).match(/"description":/g)?.length ?? 0;
    expect(described).toBeGreaterThan(300);
  });
});

describe('captures in folders', () => {
  it('a folder is searched for captures, without hidden folders and node_modules', () => {
    const dir = tempDir();
    for (const sub of ['week1', '.git', 'node_modules/pkg', 'week2/.cache']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of ['week1/a.pcapng', 'week1/b.pcap.gz', '.git/x.pcap', 'node_modules/pkg/y.pcap', 'week2/.cache/z.pcap', 'week2/c.cap', 'notes.txt'])
      writeFileSync(join(dir, file), '');
    symlinkSync(dir, join(dir, 'week2', 'loop')); // a link back up is not followed
    expect(expandCaptures([dir]).map((p) => p.slice(dir.length + 1))).toEqual(['week1/a.pcapng', 'week1/b.pcap.gz', 'week2/c.cap']);
  });
});

describe('output names', () => {
  it('never lets a capture name escape the output directory', () => {
    expect(reportBaseName('/tmp/../../etc/passwd.pcap')).toBe('passwd');
    expect(reportBaseName('a/b/..pcap')).toBe('_');
    expect(reportBaseName('evil\u0000name:*.pcapng')).toBe('evil_name__');
    expect(reportBaseName('lab.v2.pcapng')).toBe('lab.v2');
    expect(reportBaseName('lab.pcapng.gz')).toBe('lab');
    expect(reportBaseName('lab.pcap.zst')).toBe('lab');
    expect(reportBaseName('-')).toBe('stdin');
    // File systems allow 255 bytes: a base name leaves room for ".html" (in bytes, for Chinese names too).
    expect(Buffer.byteLength(reportBaseName(`${'实'.repeat(120)}.pcap`))).toBeLessThanOrEqual(250);
  });

  it('streams JSON byte-identical to JSON.stringify', () => {
    const value = { a: [1, { b: 'x\ny', c: [] }, null], d: {}, e: undefined, f: [{ g: [{ h: [1, 2] }] }], s: '中文' };
    expect([...jsonPieces(value, '\n')].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
