/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** How `writeFileAtomic` writes. */
export interface WriteFileAtomicOptions {
  /** File mode of the result (default 0o644 less the umask); 0o600 for private keys. */
  mode?: number;
  /** Refuse to replace an existing file (fails with `EEXIST`) instead of replacing it. */
  exclusive?: boolean;
}

/**
 * Writes a whole file or nothing: the data goes to a temporary file in the same directory
 * (same file system, so the last step is atomic), is flushed to disk, then renamed into place.
 * A crash or an error part-way leaves the old file, or no file, never half a file.
 * With `exclusive`, the last step is a hard link instead of a rename: it fails when the target
 * exists, so a private key is never overwritten, even by a race.
 *
 * @example
 * writeFileAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', options.mode ?? 0o644);
  } catch (e) {
    // Name the file the user asked for, not the temporary one.
    const code = (e as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(`cannot write ${path}: ${code === 'ENOENT' ? `the directory ${dirname(path)} does not exist` : code === 'EACCES' ? 'permission denied' : (e as Error).message}`), { code });
  }
  try {
    try {
      if (options.mode !== undefined) chmodSync(temporary, options.mode); // umask may have cleared bits
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      if (options.exclusive) linkSync(temporary, path);
      else renameSync(temporary, path);
    } catch (e) {
      // Again the file the user asked for, not the temporary one; the code is kept (EEXIST).
      const code = (e as NodeJS.ErrnoException).code;
      throw Object.assign(new Error(`cannot write ${path}: ${code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message}`), { code });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}
