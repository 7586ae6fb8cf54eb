import { execa } from "execa";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MONITOR_ROLE, renderMonitorRoleScript } from "../../src/renderers/monitoring/postgres-monitor-role.js";
import { SHELLCHECK } from "../tools.js";

describe("the postgres exporter's role keeper script", () => {
  const script = renderMonitorRoleScript({ title: "deployment t" });

  it.skipIf(!SHELLCHECK.ok)(`passes shellcheck and bash -n${SHELLCHECK.ok ? "" : ` (skipped: ${SHELLCHECK.reason})`}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "iac-monitor-role-"));
    try {
      const file = join(dir, "monitor-role.sh");
      writeFileSync(file, script);
      const sc = await execa("shellcheck", ["-s", "bash", file], { reject: false });
      expect(sc.stdout + sc.stderr).toBe("");
      expect((await execa("bash", ["-n", file], { reject: false })).exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the role named, and the monitor password off every command line (psql reads the file itself)", () => {
    expect(script).toContain(`ROLE=${MONITOR_ROLE}\n`);
    expect(script).toContain("\\set password `cat /etc/immich-iac/secrets/monitor-password`");
    expect(script).not.toMatch(/-v password=/);
  });

  it("refuses a role name that is not a plain PostgreSQL identifier", () => {
    expect(() => renderMonitorRoleScript({ title: "t", role: "x'; DROP ROLE immich; --" })).toThrow(
      `renderMonitorRoleScript: role must be a PostgreSQL role name (got "x'; DROP ROLE immich; --")`,
    );
  });
});
