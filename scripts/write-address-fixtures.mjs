// Rewrites test/fixtures/addresses/<deployment>.txt from a fresh synth. Run only when an address change is
// deliberate (it destroys and recreates that resource on the next apply): `node scripts/write-address-fixtures.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

for (const file of readdirSync("deployments").filter((f) => f.endsWith(".yaml"))) {
  const out = mkdtempSync(join(tmpdir(), "iac-addr-"));
  execFileSync("node", ["dist/immich-iac.cjs", "synth", "--deployment", join("deployments", file), "--out", out, "--state", join(out, "terraform.tfstate")]);
  const name = file.replace(/\.yaml$/, "");
  const [stack] = readdirSync(join(out, "stacks"));
  const json = JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8"));
  const addresses = Object.entries(json.resource).flatMap(([t, byName]) => Object.keys(byName).map((id) => `${t}.${id}`)).sort();
  writeFileSync(join("test", "fixtures", "addresses", `${name}.txt`), `${addresses.join("\n")}\n`);
  console.log(`${name}: ${addresses.length} addresses`);
}
