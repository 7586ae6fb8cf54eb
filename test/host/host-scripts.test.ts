import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDeploymentFile } from "../../src/deployment/load-deployment.js";
import { deriveHostPlan } from "../../src/host/derive-host-plan.js";
import type { HostPlan } from "../../src/host/host-plan.js";
import { daemonJson } from "../../src/renderers/host/docker-daemon.js";
import { KEYS_BEGIN, KEYS_END, renderDeployUser } from "../../src/renderers/host/deploy-user.js";
import { renderHostScripts } from "../../src/renderers/host/index.js";
import { SYSCTL_FILE } from "../../src/renderers/host/sysctl.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { deploymentPath } from "../stack-util.js";
import { REPO } from "../util.js";
import { aBlockDevice, CREATE_TEST_POOLS, hostTestImage, KEY, results, TestHost, zfsFusePlan } from "./container.js";


async function runAll(host: TestHost, plan: HostPlan) {
  const out: { file: string; exitCode: number; stdout: string; stderr: string }[] = [];
  for (const s of renderHostScripts(plan)) {
    // Preflight may look at this machine's Docker Engine; the other scripts must not touch it.
    const env: Record<string, string> = s.file === "00-preflight.sh" ? { DOCKER_HOST: "unix:///run/host-docker.sock" } : { IMMICH_IAC_SYSCTL_MODE: "persist-only" };
    out.push({ file: s.file, ...(await host.exec(s.content, env)) });
  }
  return out;
}

describe("host scripts on a real Debian 13 system (disposable container)", () => {
  let host: TestHost;
  let plan: HostPlan;
  let first: Awaited<ReturnType<typeof runAll>>;
  let second: Awaited<ReturnType<typeof runAll>>;
  const device = aBlockDevice();

  beforeAll(async () => {
    const image = hostTestImage();
    const docker = realpathSync(execFileSync("bash", ["-c", "command -v docker"], { encoding: "utf8" }).trim());
    host = await TestHost.start(image, ["--device", `${device.path}:${device.path}:r`, "-v", "/var/run/docker.sock:/run/host-docker.sock", "-v", `${docker}:/usr/local/bin/docker:ro`]);
    const deployment = loadDeploymentFile(deploymentPath("example"));
    plan = zfsFusePlan(deriveHostPlan(deployment, computeTuning(deployment.profile)), device);
    await host.sh(CREATE_TEST_POOLS);
    first = await runAll(host, plan);
    second = await runAll(host, plan);
  }, 900_000);

  afterAll(async () => host?.remove());

  it("every script succeeds, twice", () => {
    for (const r of [...first, ...second]) expect(r.exitCode, `${r.file}\n${r.stderr}`).toBe(0);
  });

  it("the first run changes what a fresh host lacks", () => {
    const changed = (file: string) => [...results(first.find((r) => r.file === file)!.stdout).values()].filter((s) => s === "changed").length;
    expect(changed("00-preflight.sh")).toBe(0);
    for (const file of ["10-deploy-user.sh", "20-zfs.sh", "30-directories.sh", "40-sysctl.sh", "50-firewall.sh", "60-docker-daemon.sh"]) {
      expect(changed(file), file).toBeGreaterThan(0);
    }
  });

  it("the second run reports everything unchanged (or skipped with a reason)", () => {
    for (const r of second) {
      const statuses = results(r.stdout);
      expect(statuses.size, r.file).toBeGreaterThan(0);
      for (const [item, status] of statuses) expect(`${item} ${status}`).not.toMatch(/ changed$/);
      expect(r.stdout).toMatch(/immich-iac-summary\t\S+\tchanged=0\t/);
    }
  });

  it("preflight passed every check", () => {
    const statuses = results(first[0]!.stdout);
    expect(statuses.get("preflight: pool fast")).toBe("unchanged");
    expect(statuses.get(`preflight: device ${device.path}`)).toBe("unchanged");
    expect(statuses.get("preflight: docker engine")).toBe("unchanged");
  });

  it("datasets exist with their properties and mountpoints", async () => {
    expect(await host.sh("zfs get -H -o value recordsize,compression,atime,logbias,mountpoint fast/immich/database")).toBe("32K\nlzjb\noff\nlatency\n/srv/immich/database");
    expect(await host.sh("zfs get -H -o value recordsize,primarycache,mountpoint tank/immich/library")).toBe("128K\nmetadata\n/srv/immich/library");
    expect(await host.sh("cat /etc/modprobe.d/zfs.conf")).toContain(`options zfs zfs_arc_max=${plan.arcMaxBytes}`);
  });

  it("directories exist with their owners and modes", async () => {
    expect(await host.sh("stat -c '%n %u:%g %a' /srv/immich/database/pgdata /srv/immich/database/redis /srv/immich/library /srv/immich/thumbnails/encoded-video")).toBe(
      ["/srv/immich/database/pgdata 999:999 700", "/srv/immich/database/redis 999:999 750", "/srv/immich/library 0:0 750", "/srv/immich/thumbnails/encoded-video 0:0 750"].join("\n"),
    );
  });

  it("sysctl settings are persisted, and what they would change is listed", async () => {
    const file = await host.sh(`cat ${SYSCTL_FILE}`);
    expect(file).toContain("net.core.rmem_max = 67108864");
    expect(file).toContain("vm.overcommit_memory = 1");
    const sysctl = results(first.find((r) => r.file === "40-sysctl.sh")!.stdout);
    expect(sysctl.get(`sysctl: file ${SYSCTL_FILE}`)).toBe("changed");
    // Global keys are not visible inside the container's network namespace; per-namespace ones are compared.
    expect(sysctl.get("sysctl: sysctl net.core.netdev_max_backlog")).toBe("skipped");
    expect(first.find((r) => r.file === "40-sysctl.sh")!.stderr).toMatch(/would apply net\.ipv4\.tcp_wmem = 4096 65536 33554432 \(now [0-9 ]+\); applies at next boot/);
  });

  it("ufw denies incoming by default and allows SSH and the proxy's ports", async () => {
    const status = await host.sh("ufw status verbose");
    expect(status).toContain("Status: active");
    expect(status).toMatch(/Default: deny \(incoming\), allow \(outgoing\)/);
    for (const rule of ["22/tcp", "80/tcp", "443/tcp", "443/udp"]) expect(status).toMatch(new RegExp(`^${rule}\\s+ALLOW IN\\s+Anywhere`, "m"));
  });

  it("the deploy user exists, key-only, in the docker group, with sudo", async () => {
    expect(await host.sh("id -nG immich-deploy | tr ' ' '\\n' | sort | tr '\\n' ' '")).toBe("docker immich-deploy ");
    expect(await host.sh("passwd -S immich-deploy | cut -d' ' -f2")).toBe("L");
    expect(await host.sh("cat /home/immich-deploy/.ssh/authorized_keys")).toBe(`${KEYS_BEGIN}\n${KEY}\n${KEYS_END}`);
    expect(await host.sh("stat -c '%U %a' /home/immich-deploy/.ssh/authorized_keys")).toBe("immich-deploy 600");
    expect(await host.sh("sudo -l -U immich-deploy | tail -1")).toContain("(root) NOPASSWD: ALL");
  });

  it("authorized_keys: keys the stack did not add are never removed, and no key list means the file is left alone", async () => {
    const deployUser = (name: string, keys: string[]) => host.exec(renderDeployUser({ ...plan, deployUser: { name, authorizedKeys: keys } }, "test"));
    const keysOf = (name: string) => host.sh(`cat /home/${name}/.ssh/authorized_keys`);
    const OPERATOR = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOperatorKeyOperatorKeyOperatorKeyOperator operator@laptop";
    await host.sh(`useradd --create-home alice && install -d -m 700 -o alice -g alice /home/alice/.ssh && printf '%s\\n' '${OPERATOR}' >/home/alice/.ssh/authorized_keys`);

    // The shipped SSH deployments list no keys: the operator's own key must survive.
    const none = await deployUser("alice", []);
    expect(none.exitCode, none.stderr).toBe(0);
    expect(results(none.stdout).get("deploy-user: authorized_keys")).toBe("unchanged");
    expect(await keysOf("alice")).toBe(OPERATOR);

    // A hostile but valid key comment is data, never code.
    const hostile = `${KEY.split(" ").slice(0, 2).join(" ")} $(touch /tmp/PWNED) \`touch /tmp/PWNED\` ' " ; \\`;
    const added = await deployUser("alice", [hostile]);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(await keysOf("alice")).toBe(`${OPERATOR}\n${KEYS_BEGIN}\n${hostile}\n${KEYS_END}`);
    expect(await host.sh("test -e /tmp/PWNED && echo pwned || echo clean")).toBe("clean");

    // Dropping the keys from the deployment removes only the block the stack wrote.
    const removed = await deployUser("alice", []);
    expect(results(removed.stdout).get("deploy-user: authorized_keys")).toBe("changed");
    expect(await keysOf("alice")).toBe(OPERATOR);

    // No file and no keys: nothing is created.
    const fresh = await deployUser("fresh-user", []);
    expect(results(fresh.stdout).get("deploy-user: authorized_keys")).toBe("skipped");
    expect(await host.sh("test -e /home/fresh-user/.ssh/authorized_keys && echo exists || echo absent")).toBe("absent");

    // A marker without its pair is reported, and the file is not touched.
    await host.sh(`printf '%s\\n%s\\n' '${OPERATOR}' '${KEYS_BEGIN}' >/home/alice/.ssh/authorized_keys`);
    const broken = await deployUser("alice", [KEY]);
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain("has an unmatched immich-iac marker line: fix it by hand (nothing was changed)");
    expect(results(broken.stdout).get("deploy-user: authorized_keys")).toBe("failed");
    expect(await keysOf("alice")).toBe(`${OPERATOR}\n${KEYS_BEGIN}`);

    const root = await deployUser("root", []);
    expect(root.exitCode).toBe(1);
    expect(root.stderr).toContain("immich-iac: deploy-user: the deploy user must not be root");
  });

  it("daemon.json carries log rotation, live-restore, data-root and MTU", async () => {
    const text = await host.sh("cat /etc/docker/daemon.json");
    expect(`${text}\n`).toBe(daemonJson(plan.dockerDaemon));
    expect(JSON.parse(text)).toEqual({
      "data-root": "/srv/immich/docker",
      "live-restore": true,
      "log-driver": "json-file",
      "log-opts": { "max-file": "3", "max-size": "10m" },
      mtu: 9000,
    });
  });

  it("preflight refuses a host that does not match, naming everything missing", async () => {
    const wrong: HostPlan = {
      ...plan,
      pools: [...plan.pools, { name: "nvme2", filesystem: "zfs", devices: ["/dev/disk/by-id/nvme-missing"], sectorSizeBytes: 4096 }],
      preflight: { ...plan.preflight, nvidiaRuntime: true, devices: ["/dev/dri"] },
    };
    const r = await host.exec(renderHostScripts(wrong)[0]!.content, { DOCKER_HOST: "unix:///run/host-docker.sock" });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("immich-iac: preflight: this host does not match its profile:");
    expect(r.stderr).toContain("  - pool nvme2 does not exist: create it by hand (zpool create), immich-iac never creates or destroys pools");
    expect(r.stderr).toContain("  - device /dev/disk/by-id/nvme-missing of pool nvme2 is not a block device on this host");
    expect(r.stderr).toContain("  - CUDA needs the NVIDIA Container Toolkit: install it and run nvidia-ctk runtime configure --runtime=docker");
    expect(r.stderr).toContain("  - /dev/dri is missing: install the accelerator's driver");
    const wrongSector: HostPlan = { ...plan, pools: [{ ...plan.pools[0]!, sectorSizeBytes: device.sectorSize === 4096 ? 512 : 4096 }] };
    const s = await host.exec(renderHostScripts(wrongSector)[0]!.content, { DOCKER_HOST: "unix:///run/host-docker.sock" });
    expect(s.exitCode).toBe(1);
    expect(s.stderr).toMatch(new RegExp(`device ${device.path} has ${device.sectorSize}-byte physical sectors, pool fast expects`));
  });
});

describe("pre-upgrade backup against a real PostgreSQL 17 container", () => {
  let host: TestHost;
  let pgName: string;
  let script: string;

  beforeAll(async () => {
    const { execa } = await import("execa");
    const image = hostTestImage();
    const pgImage = execFileSync("bash", [join(REPO, "scripts", "pg-test-image.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
    const docker = realpathSync(execFileSync("bash", ["-c", "command -v docker"], { encoding: "utf8" }).trim());
    const deployment = loadDeploymentFile(deploymentPath("example"));
    // The script runs `docker exec <database container>`: a real PostgreSQL under that name on this machine's engine.
    pgName = "immich-example-database";
    await execa("docker", ["rm", "-f", pgName], { reject: false });
    await execa("docker", ["run", "-d", "--name", pgName, pgImage, "sleep", "infinity"]);
    const pg = (cmd: string) => execa("docker", ["exec", pgName, "bash", "-c", cmd]);
    await pg("install -d -o postgres /var/run/postgresql && su postgres -s /bin/bash -c '/usr/lib/postgresql/17/bin/initdb -D /tmp/pg -A trust >/dev/null'");
    await execa("docker", ["exec", "-d", "--user", "postgres", pgName, "/usr/lib/postgresql/17/bin/postgres", "-D", "/tmp/pg", "-c", "listen_addresses="]);
    for (let i = 0; i < 50; i++) {
      if ((await execa("docker", ["exec", "--user", "postgres", pgName, "/usr/lib/postgresql/17/bin/pg_isready"], { reject: false })).exitCode === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await pg(`su postgres -c "/usr/lib/postgresql/17/bin/psql -q -c \\"CREATE ROLE immich LOGIN SUPERUSER\\" -c \\"CREATE DATABASE immich OWNER immich\\"" && su postgres -c "/usr/lib/postgresql/17/bin/psql -q -d immich -c \\"CREATE TABLE assets(id int, name text); INSERT INTO assets VALUES (1, 'IMG_0001.HEIC');\\""`);
    // pg_dump inside the image is versioned under /usr/lib/postgresql/17/bin; the official image has it on PATH.
    await pg("ln -sf /usr/lib/postgresql/17/bin/pg_dump /usr/local/bin/pg_dump && ln -sf /usr/lib/postgresql/17/bin/psql /usr/local/bin/psql");

    host = await TestHost.start(image, ["-e", "DOCKER_HOST=unix:///run/host-docker.sock", "-v", "/var/run/docker.sock:/run/host-docker.sock", "-v", `${docker}:/usr/local/bin/docker:ro`]);
    await host.sh(
      [
        CREATE_TEST_POOLS,
        "zfs create -p -o mountpoint=/srv/immich/database fast/immich/database",
        "zfs create -p -o mountpoint=/srv/immich/library tank/immich/library",
        "zfs create -p -o mountpoint=/srv/immich/backups tank/immich/backups",
      ].join("\n"),
    );
    const { App } = await import("cdktf");
    const { ImmichDeploymentStack } = await import("../../stacks/deployment-stack.js");
    const { preUpgradeBackupScript } = await import("../../stacks/synth.js");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    script = preUpgradeBackupScript(new ImmichDeploymentStack(new App({ outdir: mkdtempSync(join(tmpdir(), "iac-")) }), deployment.name, { deployment }));
  }, 900_000);

  afterAll(async () => {
    const { execa } = await import("execa");
    await host?.remove();
    await execa("docker", ["rm", "-f", pgName], { reject: false });
  });

  it("dumps the database and snapshots the database and library datasets; a second run changes nothing", async () => {
    const first = await host.exec(script, { IMMICH_IAC_BACKUP_LABEL: "v3.1.0-to-v3.2.0" });
    expect(first.exitCode, first.stderr).toBe(0);
    expect([...results(first.stdout).entries()]).toEqual([
      ["pre-upgrade-backup: dump /srv/immich/backups/immich-iac-pre-upgrade-v3.1.0-to-v3.2.0.sql.gz", "changed"],
      ["pre-upgrade-backup: snapshot fast/immich/database@immich-iac-pre-upgrade-v3.1.0-to-v3.2.0", "changed"],
      ["pre-upgrade-backup: snapshot tank/immich/library@immich-iac-pre-upgrade-v3.1.0-to-v3.2.0", "changed"],
    ]);
    const dump = await host.sh("gunzip -c /srv/immich/backups/immich-iac-pre-upgrade-v3.1.0-to-v3.2.0.sql.gz");
    expect(dump).toContain("CREATE TABLE public.assets");
    expect(dump).toContain("IMG_0001.HEIC");
    expect(dump).toContain("DROP TABLE IF EXISTS public.assets");
    const second = await host.exec(script, { IMMICH_IAC_BACKUP_LABEL: "v3.1.0-to-v3.2.0" });
    expect([...results(second.stdout).values()]).toEqual(["unchanged", "unchanged", "unchanged"]);
  });

  it("the way back (README \"Before an upgrade\"): the dump piped into psql brings the rows back, zfs rollback the files", async () => {
    const { execa } = await import("execa");
    const label = "v3.1.0-to-v3.2.0";
    const sql = (q: string) => execa("docker", ["exec", "--user", "postgres", pgName, "psql", "-X", "-tA", "-d", "immich", "-c", q]).then((r) => r.stdout);
    // What the failed upgrade did: a row changed, a row added, a library file written.
    await sql("UPDATE assets SET name = 'rewritten by the upgrade'; INSERT INTO assets VALUES (2, 'written after the backup')");
    await host.sh("echo new > /srv/immich/library/after-upgrade.jpg");
    // The README's commands, as the operator runs them on the host.
    await host.sh(`gunzip -c /srv/immich/backups/immich-iac-pre-upgrade-${label}.sql.gz | docker exec -i ${pgName} psql --username=immich --dbname=immich --single-transaction --set ON_ERROR_STOP=on >/dev/null`);
    expect(await sql("SELECT id, name FROM assets ORDER BY id")).toBe("1|IMG_0001.HEIC");
    await host.sh(`zfs rollback -r tank/immich/library@immich-iac-pre-upgrade-${label}`);
    expect((await host.exec("test -e /srv/immich/library/after-upgrade.jpg")).exitCode).toBe(1);
  });

  it("refuses clearly when the database container is not running", async () => {
    const r = await host.exec(script.replace(/^DB=immich-example-database$/m, "DB=immich-example-nothing"), { IMMICH_IAC_BACKUP_LABEL: "other" });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("immich-iac: pre-upgrade-backup: database container immich-example-nothing is not running: nothing to dump (start the stack first)");
  });
});
