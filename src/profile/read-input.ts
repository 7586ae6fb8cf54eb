import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { pseudoFileSystemProblem } from "./paths.js";
import { InputError } from "./problems.js";

/** Largest profile or deployment read; shipped ones are under 4 KiB. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Largest JSON plan read; a plan of 5,000 resources is about 10 MiB. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/**
 * Reads an input file as UTF-8 text, or throws a located {@link InputError}. Only regular files of at most
 * `maxBytes` are read, so `/dev/zero`, a FIFO or a growing log cannot make it run without end; the open is
 * non-blocking, so a FIFO with no writer does not hang it either. The content never appears in a message.
 */
export function readInputFile(file: string, maxBytes: number = MAX_DOCUMENT_BYTES): string {
  const fail = (message: string, line = 1, col = 1): never => {
    throw new InputError([{ file, line, col, path: "(file)", message }]);
  };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" ? "file not found" : code === "EACCES" ? "permission denied (expected a readable file)" : `cannot open the file (${code ?? "unknown error"})`);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail(`not a regular file (expected a text file, got ${kindOf(stat)})`);
    // /proc and /sys show "regular" files of size 0 whose content the kernel makes up as it is read.
    const pseudo = pseudoFileSystemProblem(file);
    if (pseudo) fail(pseudo.replace("expected a directory on disk", "expected a file on disk"));
    if (stat.size > maxBytes) fail(`file too large (expected at most ${sizeText(maxBytes)}, got ${sizeText(stat.size)})`);
    bytes = readAtMost(fd, maxBytes + 1);
    if (bytes.length > maxBytes) fail(`file too large (expected at most ${sizeText(maxBytes)}, it grew while being read)`);
  } finally {
    closeSync(fd);
  }
  return decodeText(bytes, fail);
}

function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    if (chunk.length === 0) break;
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** UTF-8 only: a UTF-16 file, a NUL byte or an invalid sequence is a located problem. */
function decodeText(bytes: Buffer, fail: (message: string, line?: number, col?: number) => never): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    fail("the file is UTF-16 (expected UTF-8 text: convert it with iconv -f UTF-16 -t UTF-8)");
  }
  const text = bytes.toString("utf8");
  const nul = text.indexOf("\0");
  if (nul >= 0) fail("a NUL byte (expected text, got binary data)", ...lineCol(text, nul));
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    fail("invalid UTF-8 (expected UTF-8 text)", ...lineCol(text, Math.max(0, text.indexOf("\uFFFD"))));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line and column of a character offset. */
export function lineCol(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return [line, offset - start + 1];
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isFIFO()) return "a pipe";
  if (stat.isSocket()) return "a socket";
  return "a special file";
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${bytes} bytes`;
}
