import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../errors.js';

/*
 * labreport.config.json: the report header as on a real lab report, the language,
 * the frames to show, output formats and paper. Validated by zod; a wrong key or type
 * is a one-line error naming its path.
 */

import { FORMATS, LANGUAGES, PAPERS } from './config-options.js';

const text = z.string().max(200);
const frame = z.number().int().positive();
const stream = z.number().int().nonnegative();

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ReportConfig = z
  .object({
    /** The header block printed at the top of the report. Every field is optional; empty ones are left blank for handwriting. */
    header: z
      .object({
        /** The institution line: school (university) and college (faculty), e.g. "East China Normal University", "School of Computer Science". */
        school: text.default(''),
        college: text.default(''),
        /** Course name, e.g. "Computer Networks". */
        course: text.default(''),
        /** Year or grade (年级), e.g. "2023"; or, as before, the whole "grade/class" line. */
        grade: text.default(''),
        /** Class (班级), e.g. "CS 2". */
        class: text.default(''),
        teacher: text.default(''),
        student: z
          .object({ name: text.default(''), number: text.default('') })
          .strict()
          .default({ name: '', number: '' }),
        experiment: z
          .object({ name: text.default(''), number: text.default('') })
          .strict()
          .default({ name: '', number: '' }),
        /** Date and time of the experiment, as you want them printed (e.g. "2026-11-27", "14:00–16:00"). */
        date: text.default(''),
        time: text.default(''),
        /** Lab group. */
        group: text.default(''),
        /** The score box (成绩): left blank for the teacher unless filled here. */
        score: text.default(''),
      })
      .strict()
      .default({
        school: '',
        college: '',
        course: '',
        grade: '',
        class: '',
        teacher: '',
        student: { name: '', number: '' },
        experiment: { name: '', number: '' },
        date: '',
        time: '',
        group: '',
        score: '',
      }),
    /** Language of the whole report. */
    language: z.enum(LANGUAGES).default('en'),
    /** The lab the report follows: a built-in profile's name (`labreport labs`) or a profile file. */
    lab: z.string().max(500).optional(),
    /** Examples to use instead of the automatic choice: requests by the frame carrying their last byte (as Wireshark shows it), mail sessions by tcp.stream. */
    frames: z
      .object({
        request: frame.optional(),
        get: frame.optional(),
        post: frame.optional(),
        smtp: stream.optional(),
        pop3: stream.optional(),
        imap: stream.optional(),
      })
      .strict()
      .default({}),
    /** Time zone the report's times are shown in (an IANA name such as "Asia/Shanghai"); default: this machine's. */
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => validTimeZone(tz), 'not a time zone (an IANA name such as "Asia/Shanghai" or "UTC")')
      .optional(),
    /** Lines added to the environment section (实验环境), e.g. "Windows 11, Wireshark 4.2". */
    environment: z.array(text).max(20).default([]),
    /** A Markdown file of the student's own words, placed by its headings (## purpose, ## task1 … ## summary). */
    notes: z.string().max(500).optional(),
    /** Leave out the appendix (the packet list, all exchanges and connections, the other sessions, the warnings). */
    appendix: z.boolean().default(true),
    /** Output formats written by `labreport build`. */
    formats: z.array(z.enum(FORMATS)).min(1).default(['md', 'html', 'pdf']),
    paper: z.enum(PAPERS).default('A4'),
    /** A folder of custom templates (see `labreport templates init`); missing files fall back to the defaults. */
    templates: z.string().optional(),
    /** A school's Word template (.docx) the docx output fills: {course}, {student.name}, … from the header, the report at {report}. */
    docxTemplate: z.string().optional(),
    /** Show passwords and other secrets instead of masking them. */
    revealSecrets: z.boolean().default(false),
    /** The TLS key log (SSLKEYLOGFILE format) to decrypt the capture's TLS connections with; relative to the config file. */
    keylog: z.string().max(4096).optional(),
  })
  .strict();

export type ReportConfig = z.infer<typeof ReportConfig>;

import { DEFAULT_CONFIG_FILE } from './config-options.js';

/** Read and validate a config file; errors become one-line usage errors naming the bad field. */
export function loadConfig(path: string | undefined): ReportConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return ReportConfig.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`${file}: ${err.code === 'ENOENT' ? 'no such file' : `is not valid JSON (${err.message})`}`);
  }
  const result = ReportConfig.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    const what =
      issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new UsageError(`${file}: ${where}: ${what}`);
  }
  return result.data;
}

/** The starter config `labreport init` writes. */
export function starterConfig(): string {
  const starter = {
    header: {
      school: '',
      college: '',
      course: 'Computer Networks',
      grade: '',
      class: '',
      teacher: '',
      student: { name: '', number: '' },
      experiment: { name: '', number: '1' },
      date: '',
      time: '',
      group: '',
      score: '',
    },
    lab: 'http-smtp-pop3',
    language: 'en',
    frames: {},
    formats: ['md', 'html', 'pdf'],
    paper: 'A4',
    revealSecrets: false,
  };
  ReportConfig.parse(starter);
  return `${JSON.stringify(starter, null, 2)}\n`;
}
