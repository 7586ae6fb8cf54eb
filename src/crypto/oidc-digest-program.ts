// A Terraform `external` data source program (bundled to dist/assets/oidc-client-digest.cjs and shipped
// with each stack as an asset): reads {"secret": "..."} on stdin, prints {"digest": "$pbkdf2-sha512$..."}.
// It runs at plan/apply time, so the secret and its digest only ever live in Terraform state.
import { stableClientSecretDigest } from "./authelia-digests.js";

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  try {
    const query = JSON.parse(input) as { secret?: unknown };
    if (typeof query.secret !== "string" || query.secret.length < 32) throw new Error("expected a query {\"secret\": <at least 32 characters>}");
    process.stdout.write(JSON.stringify({ digest: stableClientSecretDigest(query.secret) }));
  } catch (e) {
    process.stderr.write(`oidc-client-digest: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
});
