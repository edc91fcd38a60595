import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';

/*
 * A lab profile describes one lab: its title, purpose, the tasks in order (each with the
 * words the handout gives it and the report blocks that answer it), environment lines and
 * the points of the summary, in English and Chinese. A new lab is a profile file (JSON or
 * YAML); the built-in ones are in labs/ at the top of the package.
 */

/** The folder of the built-in profiles. */
export const BUILTIN_LABS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'labs');

/** The lab a report follows when none is chosen. */
export const DEFAULT_LAB = 'http-smtp-pop3';

const Text = z.object({ en: z.string().min(1).max(2000), zh: z.string().min(1).max(2000) }).strict();
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens');
/** A block of the report: "<slice>.<block>", e.g. "http.request"; see `labreport labs`. */
const BlockId = z.string().regex(/^[a-z0-9]+\.[a-z0-9-]+$/, 'a block id such as "http.request"');

export const LabQuestion = z
  .object({
    /** The question's number in the handout (1–19 for Kurose & Ross). */
    n: z.number().int().positive(),
    text: Text,
    /** The answer block: "http.kr-versions", … */
    answer: BlockId,
  })
  .strict();

export const LabTask = z
  .object({
    id: Id,
    /** The task's words, as the handout gives them. */
    title: Text,
    /** The blocks that answer it, in order. */
    blocks: z.array(BlockId).max(20).default([]),
    /** Numbered questions, each with an answer block (a lab like Kurose & Ross's). */
    questions: z.array(LabQuestion).max(50).default([]),
  })
  .strict();

export const LabProfile = z
  .object({
    id: Id,
    title: Text,
    /** 实验目的. */
    purpose: z.array(Text).min(1).max(20),
    /** 实验任务: the assignment in brief. */
    assignment: z.array(Text).max(20).default([]),
    /** Lines always shown in the environment section (besides what the capture says). */
    environment: z.array(Text).max(20).default([]),
    /** 实验过程: one subsection each. */
    tasks: z.array(LabTask).min(1).max(30),
    /** 总结: blocks written from the capture, or texts. */
    summary: z
      .array(z.union([z.object({ block: BlockId }).strict(), z.object({ text: Text }).strict()]))
      .max(30)
      .default([]),
  })
  .strict();

export type LabProfile = z.infer<typeof LabProfile>;
export type LabTask = z.infer<typeof LabTask>;
export type LabText = z.infer<typeof Text>;

/** The built-in profiles' names. */
export function builtinLabs(): string[] {
  return readdirSync(BUILTIN_LABS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** Where a profile named by the user lives: a built-in name, or a file. */
export function labPath(nameOrFile: string): string {
  for (const ext of ['.yaml', '.yml', '.json']) {
    const builtin = join(BUILTIN_LABS, `${nameOrFile}${ext}`);
    if (/^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtin)) return builtin;
  }
  if (existsSync(nameOrFile)) return nameOrFile;
  throw new UsageError(`--lab ${nameOrFile}: no such lab (built in: ${builtinLabs().join(', ')}) and no such file`);
}

/**
 * Read and check a profile; every block it names must be one `knownBlocks` has.
 * Errors are one line naming the file and the path of the bad field.
 */
export function loadLab(nameOrFile: string, knownBlocks: ReadonlySet<string>): LabProfile {
  const path = labPath(nameOrFile);
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new UsageError(`${path}: not a lab profile (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = LabProfile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const profile = parsed.data;
  const named = [
    ...profile.tasks.flatMap((t, i) => [...t.blocks.map((b) => [`tasks.${i}.blocks`, b]), ...t.questions.map((q) => [`tasks.${i}.questions`, q.answer])]),
    ...profile.summary.flatMap((s, i) => ('block' in s ? [[`summary.${i}.block`, s.block]] : [])),
  ];
  for (const [where, block] of named)
    if (!knownBlocks.has(block!)) throw new UsageError(`${path}: ${where}: unknown block "${block}" (\`labreport labs\` lists them)`);
  const ids = new Set<string>();
  for (const t of profile.tasks) {
    if (ids.has(t.id)) throw new UsageError(`${path}: tasks: the id "${t.id}" is used twice`);
    ids.add(t.id);
  }
  return profile;
}
