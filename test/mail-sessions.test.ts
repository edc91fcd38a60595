import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dissectCapture } from '../src/dissect.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { analyse } from '../src/report/analyse.js';
import { ReportModel } from '../src/report/schema.js';
import { OWN_FIXTURES, tempDir, tshark } from './helpers/files.js';

/*
 * Mail sessions past maxMailSessions are read and counted, not kept (issue 15): the model
 * does not grow with the number of sessions, as HTTP exchanges past maxExchanges do not.
 * Counted against tshark's tcp.stream numbers on the recorded lab session and on the
 * bench's replay of many of them.
 */

async function model(file: string, lower: Partial<Limits> = {}) {
  const limits = { ...DEFAULT_LIMITS, ...lower };
  return ReportModel.parse(await analyse(dissectCapture(file, { limits }), { limits, fileSize: 0, generator: 'test', revealSecrets: false }));
}

/** tshark's streams carrying a protocol, in order. */
const streamsOf = (file: string, filter: string) => [...new Set(tshark(file, ['tcp.stream'], { filter }).map((r) => Number(r[0])))].sort((a, b) => a - b);

const labSession = join(OWN_FIXTURES, 'lab-session.pcapng');

describe('maxMailSessions', () => {
  it('keeps the first sessions of each mail protocol, whole, and counts the rest with what their connections carried', async () => {
    const smtp = streamsOf(labSession, 'smtp');
    const pop = streamsOf(labSession, 'pop');
    expect([smtp.length, pop.length]).toEqual([6, 4]);
    const all = await model(labSession);
    const cut = await model(labSession, { maxMailSessions: 2 });
    expect(all.smtp.sessionsUnlisted).toBe(0);
    expect(cut.smtp.sessions.map((s) => s.stream)).toEqual(smtp.slice(0, 2));
    expect(cut.pop3.sessions.map((s) => s.stream)).toEqual(pop.slice(0, 2));
    expect(cut.smtp.sessionsUnlisted).toBe(4);
    expect(cut.pop3.sessionsUnlisted).toBe(2);
    // The sessions kept are the same as without the limit.
    expect(cut.smtp.sessions).toEqual(all.smtp.sessions.slice(0, 2));
    expect(cut.pop3.sessions).toEqual(all.pop3.sessions.slice(0, 2));
    // The warning sums the connections of the sessions left out as tshark counts their frames.
    const left = smtp.slice(2);
    const frames = tshark(labSession, ['frame.number', 'tcp.len'], { filter: `tcp.stream in {${left.join(',')}}` });
    const bytes = frames.reduce((n, [, len]) => n + Number(len), 0);
    const warning = cut.warnings.find((w) => w.message.startsWith('4 SMTP sessions past the maxMailSessions limit (2)'));
    expect(warning?.message).toContain(`${frames.length} packets, ${bytes} bytes of TCP payload, frames ${frames[0]![0]}–${frames.at(-1)![0]}`);
    expect(warning?.id).toBe('mail.sessionsUnlisted');
    // The session shown in full is chosen among those kept.
    expect(cut.smtp.sessions.map((s) => s.stream)).toContain(cut.smtp.selection.session!.stream);
  });

  it('the model stays the same size however many sessions the capture holds', async () => {
    // The bench's generator (scripts/bench-captures.mjs): whole recorded lab sessions replayed under new
    // addresses, many at once. With the same seed the larger capture begins with the smaller one's traffic.
    const dir = tempDir();
    const [small, large] = [16, 32].map((mib) => {
      const file = join(dir, `lab-mixed-${mib}.pcapng`);
      execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'bench-captures.mjs'), 'lab-mixed', String(mib), '7', file], {
        stdio: 'ignore',
      });
      return file;
    });
    const limits = { maxMailSessions: 5 };
    const [a, b] = [await model(small!, limits), await model(large!, limits)];
    for (const [m, file] of [
      [a, small!],
      [b, large!],
    ] as const) {
      expect(m.smtp.sessions).toHaveLength(5);
      expect(m.smtp.sessionsUnlisted).toBe(streamsOf(file, 'smtp').length - 5);
      expect(m.pop3.sessionsUnlisted).toBe(streamsOf(file, 'pop').length - 5);
    }
    expect(b.smtp.sessionsUnlisted).toBeGreaterThan(a.smtp.sessionsUnlisted + 10);
    expect(JSON.stringify(b.smtp.sessions)).toBe(JSON.stringify(a.smtp.sessions));
    expect(JSON.stringify(b.pop3.sessions)).toBe(JSON.stringify(a.pop3.sessions));
  });
});
