import { execa, type ResultPromise } from "execa";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../util.js";

/**
 * A real S3 server for the backup tests: the Versity S3 Gateway (scripts/s3-server.sh) over a scratch directory,
 * listening on the Docker bridge's host address so that containers on any deployment network reach it (they
 * route to the host through their gateway). restic speaks real S3 (signed requests, multipart) to it.
 */
export const S3_HOST = "172.17.0.1";
export const S3_PORT = 17070;
export const S3_ENDPOINT = `http://${S3_HOST}:${S3_PORT}`;
/** The server's region: requests signed for another one are refused (400), as real S3 does. */
export const S3_REGION = "us-east-1";

let keys: { access: string; secret: string; password: string } | undefined;
/** Credentials of this run (random, never written to a file): the server's root keys and restic's password. */
export function s3Keys() {
  keys ??= { access: randomBytes(9).toString("hex"), secret: randomBytes(18).toString("hex"), password: randomBytes(18).toString("base64url") };
  return keys;
}

/** The sensitive Terraform variables a deployment with an off-site target reads. */
export function s3Env(): Record<string, string> {
  const k = s3Keys();
  return { TF_VAR_backup_s3_access_key_id: k.access, TF_VAR_backup_s3_secret_access_key: k.secret, TF_VAR_backup_repository_password: k.password };
}

export interface S3Server {
  readonly root: string;
  stop(): Promise<void>;
}

/** Starts the server with `buckets` created (directories of the posix backend) and waits until it answers. */
export async function startS3Server(buckets: readonly string[]): Promise<S3Server> {
  const bin = (await execa("bash", [join(REPO, "scripts", "s3-server.sh")])).stdout.trim();
  const root = mkdtempSync(join(tmpdir(), "iac-s3-"));
  for (const b of buckets) mkdirSync(join(root, b));
  const k = s3Keys();
  const proc: ResultPromise = execa(bin, ["--access", k.access, "--secret", k.secret, "--region", S3_REGION, "--port", `${S3_HOST}:${S3_PORT}`, "posix", root], {
    reject: false,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  proc.stderr?.on("data", (c) => (output += String(c)));
  for (let i = 0; ; i++) {
    const r = await fetch(`${S3_ENDPOINT}/`).then((x) => x.status, () => 0);
    if (r !== 0) break;
    if (i > 100 || proc.exitCode !== null) throw new Error(`versitygw did not start on ${S3_ENDPOINT}: ${output.slice(-2000)}`);
    await new Promise((r2) => setTimeout(r2, 100));
  }
  return {
    root,
    async stop() {
      proc.kill("SIGTERM");
      await proc;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
