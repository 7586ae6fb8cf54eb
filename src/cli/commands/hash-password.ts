import { argon2idHash } from "../../crypto/argon2.js";
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

/** Longest password hashed; Authelia's own limit is far above any typed password. */
export const MAX_PASSWORD_BYTES = 1024;

/**
 * The password a pipe gave: its bytes decoded once (a character split between two chunks stays whole), and one
 * line ending dropped — `\n`, or the `\r\n` and `\r` of files and clipboards from Windows and old Macs, which
 * the user never meant as part of the password.
 */
export function passwordFromPipe(data: Buffer): string {
  return data.toString("utf8").replace(/(\r\n|\n|\r)$/, "");
}

/** Reads the password: from a pipe (see passwordFromPipe), from a terminal twice without echo. */
async function readPassword(io: CliIo): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      chunks.push(Buffer.from(chunk as Buffer));
      size += (chunk as Buffer).length;
      // Nobody's password is a megabyte: stop reading rather than hash a file piped by mistake.
      if (size > MAX_PASSWORD_BYTES) break;
    }
    return passwordFromPipe(Buffer.concat(chunks));
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      io.err(prompt);
      stdin.setRawMode(true);
      stdin.resume();
      let value = "";
      const onData = (buf: Buffer) => {
        for (const ch of buf.toString("utf8")) {
          if (ch === "\r" || ch === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            io.err("\n");
            resolve(value);
            return;
          }
          if (ch === "\u0003") process.exit(130);
          value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat: ");
  return first === second ? first : undefined;
}

/** Prints an argon2id hash for Authelia's users file; the password never appears in argv or output. */
export async function hashPasswordCommand(io: CliIo, readInput: (io: CliIo) => Promise<string | undefined> = readPassword): Promise<number> {
  const password = await readInput(io);
  if (password === undefined) {
    io.err("immich-iac: the two passwords differ\n");
    return EXIT_INVALID_INPUT;
  }
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    io.err(`immich-iac: password too long (expected at most ${MAX_PASSWORD_BYTES} bytes: was a file piped in by mistake?)\n`);
    return EXIT_INVALID_INPUT;
  }
  if (/[\r\n]/.test(password)) {
    io.err("immich-iac: the password has a line break inside (expected one line: a login form cannot type it)\n");
    return EXIT_INVALID_INPUT;
  }
  if (password.length < 12) {
    io.err(`immich-iac: password too short (expected at least 12 characters, got ${password.length})\n`);
    return EXIT_INVALID_INPUT;
  }
  io.out(`${await argon2idHash(password)}\n`);
  return EXIT_OK;
}
