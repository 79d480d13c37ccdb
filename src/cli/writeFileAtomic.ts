/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** How `writeFileAtomic` writes. */
export interface WriteFileAtomicOptions {
  /** File mode of the result; 0o600 for private keys. Default: the replaced file's mode, or 0o644 less the umask. */
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
 * A symlink is written through (the file it points at is replaced, the link stays), and a
 * replaced file keeps its mode, so signing a 0600 manifest in place leaves it 0600.
 *
 * @example
 * writeFileAtomic('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): void {
  const target = options.exclusive ? path : linkTarget(path);
  const mode = options.mode ?? existingMode(target);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', mode ?? 0o644);
  } catch (e) {
    // Name the file the user asked for, not the temporary one.
    const code = (e as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(`cannot write ${path}: ${code === 'ENOENT' ? `the directory ${dirname(path)} does not exist` : code === 'EACCES' ? 'permission denied' : (e as Error).message}`), { code });
  }
  try {
    try {
      if (mode !== undefined) chmodSync(temporary, mode); // umask may have cleared bits
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      if (options.exclusive) linkSync(temporary, target);
      else renameSync(temporary, target);
    } catch (e) {
      // Again the file the user asked for, not the temporary one; the code is kept (EEXIST).
      const code = (e as NodeJS.ErrnoException).code;
      throw Object.assign(new Error(`cannot write ${path}: ${code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message}`), { code });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The file a path names once symlinks are followed, also when that file does not exist yet. */
function linkTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing, or a link to a file still to be written: follow the links by hand.
    let at = path;
    for (let hops = 0; hops < 40; hops++) {
      try {
        if (!lstatSync(at).isSymbolicLink()) return at;
      } catch {
        return at;
      }
      at = resolve(dirname(at), readlinkSync(at));
    }
    return path;
  }
}

/** The permission bits of an existing file, to keep them; undefined when there is none. */
function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}
