import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { createExclusive, lockOutputSet, writeFileAtomic } from '../src/output.js';
import { OWN_FIXTURES, tempDir } from './helpers/files.js';

/*
 * The output folder as a shared, hostile place: symbolic links planted where labreport
 * writes, two builds at once, and builds stopped by a signal in the middle of printing.
 */

const root = join(import.meta.dirname, '..');
const BIN = join(root, 'bin', 'labreport.js');
const LAB = join(OWN_FIXTURES, 'lab.pcapng');

/** A process id that no running process has: one that has just exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('temporary files cannot be redirected', () => {
  it('a symbolic link planted at the old predictable temporary name is left alone', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // labreport used to write to .<name>.<pid>.tmp, opened without O_EXCL: a link there redirected the report.
    symlinkSync(victim, join(dir, `.lab.json.${process.pid}.tmp`));
    writeFileAtomic(dir, 'lab.json', '{"new": true}\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'lab.json'), 'utf8')).toBe('{"new": true}\n');
    expect(readdirSync(dir).sort()).toEqual([`.lab.json.${process.pid}.tmp`, 'lab.json']);
  });

  it('the exclusive open refuses any link at its path, even one to a file that does not exist yet', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'link'));
    symlinkSync(join(dir, 'not-yet'), join(dir, 'dangling'));
    expect(() => createExclusive(join(dir, 'link'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => createExclusive(join(dir, 'dangling'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(dir, 'not-yet'))).toBe(false);
  });

  it('a symbolic link at the report’s own name is replaced, not written through', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'lab.md'));
    writeFileAtomic(dir, 'lab.md', '# report\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'lab.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'lab.md'), 'utf8')).toBe('# report\n');
  });
});

describe('locks on the output set', () => {
  it('a second holder of the same set is refused, saying who holds it; a different set is not', () => {
    const dir = tempDir();
    const release = lockOutputSet(dir, 'lab');
    expect(() => lockOutputSet(dir, 'lab')).toThrow(UsageError);
    expect(() => lockOutputSet(dir, 'lab')).toThrow(
      new RegExp(`^${dir}/lab\\.\\*: labreport process ${process.pid} is writing these reports now; wait for it to finish, or choose another --out`),
    );
    const other = lockOutputSet(dir, 'other');
    other();
    release();
    expect(readdirSync(dir)).toEqual([]);
    lockOutputSet(dir, 'lab')();
  });

  it('a lock left by a process that no longer runs is taken over, and its temporary files removed', () => {
    const dir = tempDir();
    const dead = deadPid();
    lockOutputSet(dir, 'lab')(); // learn the lock's file name
    const release = lockOutputSet(dir, 'lab');
    const lockFile = readdirSync(dir).find((f) => f.endsWith('.lock'))!;
    release();
    writeFileSync(join(dir, lockFile), JSON.stringify({ pid: dead, host: hostname() }));
    writeFileSync(join(dir, `.labreport-${dead}-0123456789abcdef.tmp`), 'half a report');
    writeFileSync(join(dir, `.labreport-${process.pid}-fedcba9876543210.tmp`), 'a live one');
    const again = lockOutputSet(dir, 'lab');
    expect(readdirSync(dir).sort()).toEqual([`.labreport-${process.pid}-fedcba9876543210.tmp`, lockFile].sort());
    expect(JSON.parse(readFileSync(join(dir, lockFile), 'utf8'))).toMatchObject({ pid: process.pid });
    again();
  });
});

/** Every process descended from `pid`, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length;) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** A process's command line as one string (Chromium rewrites its helpers' into one, spaces and all). */
const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/** Still running (a zombie, waiting for a parent to reap it, is not). */
const running = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50))) {
    const value = probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, done };
}

/** Start a PDF build and wait until Chromium's renderer is at work on it. */
async function printing(out: string) {
  const build = start(['build', LAB, '-f', 'pdf', '-o', out]);
  const renderer = await until('Chromium to render', () => descendants(build.child.pid!).find((p) => commandLine(p).includes('--type=renderer')));
  const tree = descendants(build.child.pid!);
  const profile = tree.map((p) => /--user-data-dir=(\S+)/.exec(commandLine(p))?.[1]).find(Boolean)!;
  expect(profile).toMatch(/labreport-chrome-/);
  return { ...build, tree, renderer, profile };
}

describe('two builds into one folder', () => {
  it('the second build of the same capture stops at once, clearly; the first finishes whole', async () => {
    const out = tempDir();
    const first = start(['build', LAB, '-o', out]);
    await until('the first build to lock its files', () => readdirSync(out).some((f) => f.endsWith('.lock')));
    const second = spawnSync(process.execPath, [BIN, 'build', LAB, '-f', 'json', '-o', out], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(
        `^labreport: ${out}/lab\\.\\*: labreport process ${first.child.pid} is writing these reports now; wait for it to finish, or choose another --out`,
      ),
    );
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect((await first.done).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['lab.files', 'lab.html', 'lab.md', 'lab.pdf']);
    // Once the first is done, the second goes through.
    expect(spawnSync(process.execPath, [BIN, 'build', LAB, '-f', 'json', '-o', out]).status).toBe(0);
  });
});

describe('signals during printing', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: Chromium killed, no temporary file, profile or lock left, no internal error', async (signal, code) => {
    const out = tempDir();
    const run = await printing(out);
    expect(run.tree.length).toBeGreaterThan(1);
    run.child.kill(signal);
    const { code: exit, stderr } = await run.done;
    expect(stderr).toBe(`labreport: stopped by ${signal}; no half-written file was left\n`);
    expect(exit).toBe(code);
    await until('Chromium to be gone', () => run.tree.every((p) => !running(p)), 5000);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(run.profile)).toBe(false);
  });

  it('SIGTERM during a class build: the workers’ browsers killed, their profiles, temporary files and locks removed', async () => {
    const dir = tempDir();
    const capture = readFileSync(LAB);
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.pcapng`), capture);
    const out = tempDir();
    const build = start(['build', dir, '-f', 'pdf', '-o', out]);
    await until('Chromium to render', () => descendants(build.child.pid!).find((p) => commandLine(p).includes('--type=renderer')));
    const tree = descendants(build.child.pid!);
    const profiles = [...new Set(tree.map((p) => /--user-data-dir=(\S+)/.exec(commandLine(p))?.[1]).filter((d): d is string => !!d))];
    expect(profiles.length).toBeGreaterThan(0);
    build.child.kill('SIGTERM');
    const { code, stderr } = await build.done;
    expect(stderr).toBe('labreport: stopped by SIGTERM; no half-written file was left\n');
    expect(code).toBe(143);
    await until('Chromium to be gone', () => tree.every((p) => !running(p)), 5000);
    expect(readdirSync(out).filter((f) => !/^[abc]\.pdf$/.test(f))).toEqual([]);
    expect(profiles.filter((d) => existsSync(d))).toEqual([]);
  });

  it('SIGKILL (nothing can run): Chromium ends by itself, its pipe to labreport closed', async () => {
    const out = tempDir();
    const run = await printing(out);
    run.child.kill('SIGKILL');
    await run.done;
    await until('Chromium to be gone', () => run.tree.every((p) => !running(p)), 5000);
    rmSync(run.profile, { recursive: true, force: true }); // the one thing a killed process cannot remove
  });
});
