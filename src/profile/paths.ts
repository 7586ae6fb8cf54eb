import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, realpathSync, statfsSync, writeSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { InputError } from "./problems.js";

/**
 * Paths the CLI writes to or reads from, checked before anything touches them: no pseudo file system (a
 * recursive mkdir under /proc never returns, a "file" there is the kernel's), and no symbolic or hard link
 * planted where a file is written.
 */

/** Kernel file systems by mount point (devtmpfs reports itself as tmpfs, so /dev is known by its place). */
const PSEUDO_ROOTS = ["/proc", "/sys", "/dev"] as const;

/** Whether an absolute path names a kernel file system by its place (/proc, /sys, /dev, or below one). */
export function underPseudoRoot(path: string): boolean {
  return PSEUDO_ROOTS.some((r) => path === r || path.startsWith(`${r}/`));
}
/** statfs magic numbers of kernel file systems that may be mounted elsewhere (linux/magic.h). */
const PSEUDO_TYPES: ReadonlyMap<number, string> = new Map([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x1cd1, "devpts"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0xcafe4a11, "bpf"],
  [0x62656570, "configfs"],
  [0xde5e81e4, "efivarfs"],
  [0x6165676c, "pstore"],
  [0x42494e4d, "binfmt_misc"],
  [0x19800202, "mqueue"],
  [0x65735543, "fusectl"],
]);

/** Why `path` (existing or not) lies on a pseudo file system, or undefined: judged by its deepest existing ancestor. */
export function pseudoFileSystemProblem(path: string): string | undefined {
  const absolute = resolve(path);
  let existing = absolute;
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // A dangling link or no permission: judged by the names alone.
  }
  const root = PSEUDO_ROOTS.find((r) => [absolute, real].some((p) => p === r || p.startsWith(`${r}${sep}`)));
  if (root) return `on the kernel's ${root} file system (expected a directory on disk, got a path under ${root})`;
  try {
    const type = PSEUDO_TYPES.get(statfsSync(real).type);
    if (type) return `on a ${type} file system (expected a directory on disk, got a path on the kernel's ${type})`;
  } catch {
    // statfs unsupported or not permitted: the place was checked above.
  }
  return undefined;
}

/** Throws a located problem when `path`, given as `option`, lies on a pseudo file system. */
export function refusePseudoFileSystem(path: string, option: string): void {
  const problem = pseudoFileSystemProblem(path);
  if (problem) throw new InputError([{ file: path, line: 1, col: 1, path: `(${option})`, message: problem }]);
}

/**
 * Writes `content` to `root/rel` without ever following a link: every directory below `root` is checked with
 * lstat (and made when missing), the file is opened with O_NOFOLLOW, and a file with another name (a hard link)
 * or that is not a regular file is refused before it is truncated. `root` itself is the caller's choice.
 */
export function writeFileUnder(root: string, rel: string, content: string): string {
  const parts = rel.split("/");
  let dir = resolve(root);
  const refuse = (path: string, message: string): never => {
    throw new InputError([{ file: path, line: 1, col: 1, path: "(output)", message: `${message}: immich-iac never writes through a link (remove it, or choose another --out)` }]);
  };
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    let stat;
    try {
      stat = lstatSync(dir);
    } catch {
      mkdirSync(dir, { mode: 0o755 });
      continue;
    }
    if (stat.isSymbolicLink()) refuse(dir, "a symbolic link in the output directory (expected a directory or nothing, got a link)");
    if (!stat.isDirectory()) refuse(dir, "not a directory in the output directory (expected a directory or nothing)");
  }
  const path = join(dir, parts[parts.length - 1]!);
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return refuse(path, "a symbolic link in the output directory (expected a regular file or nothing, got a link)");
    return refuse(path, `cannot be written (${code ?? "unknown error"}) (expected a regular file or nothing)`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse(path, "not a regular file in the output directory (expected a regular file or nothing)");
    if (stat.nlink > 1) refuse(path, `a file with ${stat.nlink} names (expected a regular file of its own, got a hard link)`);
    ftruncateSync(fd, 0);
    const bytes = Buffer.from(content, "utf8");
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
  return path;
}
