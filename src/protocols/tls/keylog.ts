import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { Warnings } from '../../warnings.js';

/*
 * NSS key logs (the format of SSLKEYLOGFILE, draft-ietf-tls-keylogfile): one secret a
 * line, "<LABEL> <client random, hex> <secret, hex>", and comments starting with "#".
 * The secrets stay inside this module's objects: nothing here is meant for the model, and
 * no warning repeats a line's contents.
 */

/** The secrets of one TLS session, named by its ClientHello random. */
export interface SessionSecrets {
  /** CLIENT_RANDOM: the TLS 1.2 (and earlier) master secret, 48 bytes. */
  masterSecret?: Buffer;
  /** TLS 1.3 traffic secrets (32 or 48 bytes: the suite's hash length). */
  clientHandshake?: Buffer;
  serverHandshake?: Buffer;
  clientTraffic0?: Buffer;
  serverTraffic0?: Buffer;
}

/** The labels read, and where each goes; unknown labels are counted and ignored. */
const LABELS = {
  CLIENT_RANDOM: 'masterSecret',
  CLIENT_HANDSHAKE_TRAFFIC_SECRET: 'clientHandshake',
  SERVER_HANDSHAKE_TRAFFIC_SECRET: 'serverHandshake',
  CLIENT_TRAFFIC_SECRET_0: 'clientTraffic0',
  SERVER_TRAFFIC_SECRET_0: 'serverTraffic0',
} as const satisfies Record<string, keyof SessionSecrets>;

type Label = keyof typeof LABELS;
const isLabel = (s: string): s is Label => Object.prototype.hasOwnProperty.call(LABELS, s);

/** A label of the format that labreport knows but does not need (early data, exporters, RSA premaster). */
const KNOWN_UNUSED = new Set(['CLIENT_EARLY_TRAFFIC_SECRET', 'EARLY_EXPORTER_SECRET', 'EXPORTER_SECRET', 'RSA']);

const HEX = /^[0-9a-fA-F]+$/;

export class KeyLog {
  private readonly sessions = new Map<string, SessionSecrets>();
  /** Malformed lines and bounds reached, each naming its source and line; never a secret. */
  readonly warnings: Warnings;
  /** Where secrets were read from ("keys.log", "the capture's decryption secrets"), for the report. */
  readonly sources: string[] = [];
  /** Lines with labels not needed for decryption (exporter and early-data secrets) or unknown ones. */
  ignoredLines = 0;
  /** Secrets past maxKeylogSessions, dropped. */
  droppedSessions = 0;

  constructor(
    /** Sessions remembered (maxKeylogSessions): a key log is user input and may be huge. */
    private readonly maxSessions: number,
    maxWarnings: number,
  ) {
    this.warnings = new Warnings(maxWarnings);
  }

  /** Sessions with at least one secret. */
  get size(): number {
    return this.sessions.size;
  }

  /** Read a key log's text; `source` names it in warnings ("keys.log"). */
  add(text: string, source: string): void {
    if (!this.sources.includes(source)) this.sources.push(source);
    let lineNumber = 0;
    for (const raw of text.split('\n')) {
      lineNumber++;
      const line = raw
        .replace(/\r$/, '')
        .replace(/^\uFEFF/, '')
        .trim();
      if (line === '' || line.startsWith('#')) continue;
      const fields = line.split(/\s+/);
      const label = fields[0]!;
      if (!isLabel(label)) {
        this.ignoredLines++;
        if (!KNOWN_UNUSED.has(label) && !/^[A-Z][A-Z0-9_]*$/.test(label))
          this.warnings.add({
            id: 'keylog.problem',
            params: { source: `${source}, line ${lineNumber}`, detail: 'not a key-log line (it should be LABEL CLIENT_RANDOM SECRET, in hex)' },
          });
        continue;
      }
      const problem = this.check(label, fields);
      if (problem) {
        this.warnings.add({ id: 'keylog.problem', params: { source: `${source}, line ${lineNumber}`, detail: `${label} ${problem}; the line is ignored` } });
        continue;
      }
      const random = fields[1]!.toLowerCase();
      let session = this.sessions.get(random);
      if (!session) {
        if (this.sessions.size >= this.maxSessions) {
          if (this.droppedSessions++ === 0)
            this.warnings.add({
              id: 'keylog.problem',
              params: { source, detail: `the key log names more than ${this.maxSessions} sessions (maxKeylogSessions); the further ones are ignored` },
            });
          continue;
        }
        session = {};
        this.sessions.set(random, session);
      }
      session[LABELS[label]] = Buffer.from(fields[2]!, 'hex');
    }
  }

  private check(label: Label, fields: string[]): string | null {
    if (fields.length !== 3) return `needs 3 fields (label, client random, secret), found ${fields.length}`;
    const [, random, secret] = fields as [string, string, string];
    if (!HEX.test(random) || random.length !== 64) return 'needs a 32-byte client random in hex (64 digits)';
    if (!HEX.test(secret) || secret.length % 2 !== 0) return 'needs its secret in hex';
    const bytes = secret.length / 2;
    if (label === 'CLIENT_RANDOM' ? bytes !== 48 : bytes !== 32 && bytes !== 48)
      return label === 'CLIENT_RANDOM' ? 'needs a 48-byte master secret (96 hex digits)' : 'needs a 32- or 48-byte traffic secret (64 or 96 hex digits)';
    return null;
  }

  /** The secrets of the session whose ClientHello random this is (hex, any case), if logged. */
  lookup(clientRandom: string): SessionSecrets | undefined {
    return this.sessions.get(clientRandom.toLowerCase());
  }

  /** A pcapng Decryption Secrets Block: TLS key logs (type TLSK) are read, other types ignored. */
  addDecryptionSecrets(secretsType: number, data: Uint8Array): boolean {
    if (secretsType !== DSB_TLS_KEY_LOG) return false;
    this.add(Buffer.from(data).toString('utf8'), "the capture's decryption secrets block");
    return true;
  }
}

/** pcapng DSB secrets type of a TLS key log, "TLSK" (as `editcap --inject-secrets tls,FILE` writes). */
export const DSB_TLS_KEY_LOG = 0x544c534b;

/** Largest key-log file read: far above any real one (a browser day logs a few MB). */
const MAX_KEYLOG_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Read a key-log file (--keylog FILE). A file that cannot be read is bad input: a
 * UsageError naming it (exit code 2).
 */
export function readKeyLogFile(path: string, into: KeyLog): void {
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path}: is a directory, not a key log`);
    if (st.size > MAX_KEYLOG_FILE_BYTES) throw new UsageError(`${path}: ${st.size} bytes is too large for a key log`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such key-log file' : `the key log cannot be read (${code ?? String(e)})`}`);
  }
  if (text.includes('\u0000')) throw new UsageError(`${path}: is not a key log (it holds binary data; expected lines such as CLIENT_RANDOM <hex> <hex>)`);
  into.add(text, path);
}

/**
 * The key log named by the SSLKEYLOGFILE environment variable, when it names a readable
 * file (the variable the browsers and curl write to); null when unset or not a file.
 */
export function keyLogFileFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.SSLKEYLOGFILE;
  if (!path) return null;
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}
