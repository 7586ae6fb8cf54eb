import { argon2idHash } from "../../crypto/argon2.js";
import { EXIT_INVALID_INPUT, EXIT_OK, type CliIo } from "../io.js";

/** Reads the password: from a pipe as is (one trailing newline dropped), from a terminal twice without echo. */
async function readPassword(io: CliIo): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = "";
    for await (const chunk of stdin) data += String(chunk);
    return data.replace(/\r?\n$/, "");
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
  if (password.length < 12) {
    io.err(`immich-iac: password too short (expected at least 12 characters, got ${password.length})\n`);
    return EXIT_INVALID_INPUT;
  }
  io.out(`${await argon2idHash(password)}\n`);
  return EXIT_OK;
}
