import { describe, expect, it } from "vitest";
import { defaultBackupSettings } from "../../src/backup/backup-settings.js";
import { synthImmich } from "../constructs/construct-util.js";

const OFFSITE = { endpoint: "https://s3.example.com", bucket: "photos", region: "eu-west-1", prefix: "immich-iac/t" };
const backupContainers = (resource: any) =>
  (Object.values(resource.docker_container) as any[]).filter((c) => c.labels.some((l: any) => l.label === "io.immich-iac.component" && l.value === "backup"));
const byName = (resource: any, name: string) => (Object.values(resource.docker_container) as any[]).find((c) => c.name === name);
const volume = (resource: any, name: string) => (Object.values(resource.docker_volume) as any[]).find((v) => v.name === name);

describe("backups in the stack", () => {
  it("without backup settings: no archiver, no off-site container, Immich's own dump schedule, the image's pg_hba", () => {
    const r = synthImmich();
    expect(backupContainers(r)).toEqual([]);
    const pg = byName(r, "immich-t-database");
    expect(pg.upload.map((u: any) => u.file)).toEqual(["/etc/postgresql/postgresql.override.conf", "/etc/postgresql/immich-iac.conf", "/run/secrets/postgres/password"]);
    expect(pg.upload[0].content).not.toContain("hba_file");
  });

  it("continuous WAL: the archiver runs the database's image as 999:999 on the back network only, with the archive on the backups dataset", () => {
    const r = synthImmich({ backup: defaultBackupSettings() });
    const wal = byName(r, "immich-t-backup-wal");
    const pg = byName(r, "immich-t-database");
    expect(wal.image).toBe("${docker_image.immich_WalArchiver_Service_Image_D61A5520.image_id}");
    expect(r.docker_image.immich_WalArchiver_Service_Image_D61A5520.name).toBe(r.docker_image.immich_Database_Service_Image_2ED270FA.name);
    expect(wal.user).toBe("999:999");
    expect(wal.entrypoint).toEqual(["/bin/bash", "/etc/immich-iac/wal-archiver.sh"]);
    expect(wal.command).toEqual(["run"]);
    expect(wal.networks_advanced).toEqual([{ name: "${docker_network.immich_BackNetwork_4496DD9C.name}" }]);
    expect(wal.env).toEqual(expect.arrayContaining(["PGHOST=immich-t-database", "PGPORT=5432", "PGUSER=immich", "PGDATABASE=immich", "PGPASSFILE=/run/secrets/wal/pgpass"]));
    expect(wal.env.filter((e: string) => e.startsWith("PGPASSWORD"))).toEqual([]);
    // libpq's password file, readable by the archiver's user alone; `\` and `:` of the password escaped.
    expect(wal.upload[1]).toEqual({
      file: "/run/secrets/wal/pgpass",
      content: 'immich-t-database:5432:*:immich:${replace(replace(random_password.immich_DatabasePassword_9DAAC9D3.result, "\\\\", "\\\\\\\\"), ":", "\\\\:")}\n',
      permissions: "0444",
    });
    expect(wal.volumes).toEqual([{ volume_name: "${docker_volume.immich_PostgresArchiveVolume_BFB88138.name}", container_path: "/archive", read_only: false }]);
    expect(volume(r, "immich-t-postgres-archive").driver_opts.device).toBe("/srv/immich/backups/postgres");
    expect(wal.healthcheck.test).toEqual(["CMD", "/bin/bash", "/etc/immich-iac/wal-archiver.sh", "health"]);
    // The shell's ${…} reaches the container literally: Terraform sees $${…}.
    expect(wal.upload[0].content).toContain('newest=$${list[$${#list[@]}-1]:-}');
    expect(pg.upload.map((u: any) => u.file)).toEqual(["/etc/postgresql/postgresql.override.conf", "/etc/postgresql/pg_hba.immich-iac.conf", "/etc/postgresql/immich-iac.conf", "/run/secrets/postgres/password"]);
    expect(pg.upload[0].content).toContain("hba_file = '/etc/postgresql/pg_hba.immich-iac.conf'");
    expect(pg.upload[0].content).toContain("max_slot_wal_keep_size = '16384MB'");
    expect(pg.upload[1].content).toContain("host    replication  immich all            scram-sha-256\n");
  });

  it("an off-site target: restic on the front network, backups and library read-only, keys and password from sensitive variables, as files", () => {
    const r = synthImmich({ backup: { ...defaultBackupSettings(), offsite: OFFSITE } });
    const off = byName(r, "immich-t-backup");
    expect(r.docker_image.immich_OffsiteBackup_Service_Image_BE1FF153.name).toBe("docker.io/restic/restic:0.19.1");
    expect(off.entrypoint).toEqual(["/bin/sh", "/etc/immich-iac/offsite.sh"]);
    expect(off.command).toEqual(["schedule"]);
    expect(off.networks_advanced).toEqual([{ name: "${docker_network.immich_FrontNetwork_3DD78436.name}" }]);
    expect(off.env).toEqual([
      "AWS_DEFAULT_REGION=eu-west-1",
      "AWS_PROFILE=default",
      "AWS_SHARED_CREDENTIALS_FILE=/run/secrets/restic/s3-credentials",
      "RESTIC_PASSWORD_FILE=/run/secrets/restic/repository-password",
      "RESTIC_REPOSITORY=s3:https://s3.example.com/photos/immich-iac/t",
    ]);
    expect(off.upload.slice(1)).toEqual([
      { file: "/run/secrets/restic/repository-password", content: "${var.backup_repository_password}", permissions: "0400" },
      {
        file: "/run/secrets/restic/s3-credentials",
        content: "[default]\naws_access_key_id = ${var.backup_s3_access_key_id}\naws_secret_access_key = ${var.backup_s3_secret_access_key}\n",
        permissions: "0400",
      },
    ]);
    expect(off.volumes.map((v: any) => [v.container_path, v.read_only])).toEqual([
      ["/backups", true],
      ["/library", true],
      ["/state", false],
    ]);
    expect(volume(r, "immich-t-offsite-state").driver_opts.device).toBe("/srv/immich/backups/offsite");
    expect(off.memory + byName(r, "immich-t-backup-wal").memory).toBe(1280);
  });

  it("Immich dumps its database at minute 0 of every interval and keeps two days of dumps", () => {
    const r = synthImmich({ backup: defaultBackupSettings() });
    const file = JSON.parse(byName(r, "immich-t-server").upload[0].content);
    expect(file.backup).toEqual({ database: { enabled: true, cronExpression: "0 */6 * * *", keepLastAmount: 8 } });
  });
});
