/** Exit codes (README, "Exit codes"). */
export const EXIT = { OK: 0, INTERNAL: 1, BAD_INPUT: 2 } as const;

/** Bad usage, bad input or a problem of the user's machine: one line on stderr, exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * What an operating-system error on a file means to the user, in words, or null for an
 * error that is not the environment's doing (then it is a bug). Windows reports a file held
 * open by a viewer as EBUSY or EPERM (and sometimes EACCES) on replacing it.
 */
export function fileProblem(e: unknown, platform: NodeJS.Platform = process.platform): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const windows = platform === 'win32';
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
      return windows ? 'permission denied, or the file is open in another program (a PDF viewer?): close it and try again' : 'permission denied';
    case 'EPERM':
    case 'EBUSY':
      return windows
        ? 'the file is open in another program (a PDF viewer?): close it and try again'
        : code === 'EBUSY'
          ? 'the file is busy'
          : 'operation not permitted';
    case 'ENAMETOOLONG':
      return 'the file name is too long for the file system';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder is in the way of the file';
    case 'ELOOP':
      return 'too many symbolic links in the path';
    case 'EIO':
      return 'input/output error (a failing disk or a disconnected drive?)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files open';
    case 'EFBIG':
      return 'the file is too large for the file system';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EEXIST':
      return 'something is already there';
    case 'EXDEV':
      return 'the temporary file and the output are on different file systems';
    case 'EINVAL':
      return 'the file system refuses the name';
    default:
      return null;
  }
}

/** A UsageError for an operating-system error on `path` that is the environment's, or the error itself when it is not. */
export function asFileError(e: unknown, path: string, doing: string): unknown {
  if (e instanceof UsageError) return e;
  const problem = fileProblem(e);
  return problem ? new UsageError(`${path}: cannot ${doing}: ${problem}`) : e;
}
