import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentPath } from "../stack-util.js";
import {
  createVolumeDirectories,
  destroyDeployment,
  docker,
  e2eCopyOf,
  provideImages,
  removeLeftovers,
  resynth,
  tf,
  toolchain,
  waitHealthy,
  type E2eDeployment,
  type Toolchain,
} from "./harness.js";

/**
 * Taking over an install made with Immich's compose, without dump and restore: the database directory the
 * compose container initialised (role `postgres`, compose's password, database `immich`) and the upload
 * directory are moved into the deployment's layout, the deployment says `postgres.takeover`, the password
 * comes from TF_VAR_existing_database_password, and the first apply must keep the rows and files and run
 * healthy (the stand-in server is healthy only when it logs in with those credentials). Same PostgreSQL
 * major (the stand-in is PostgreSQL 17); a major upgrade is a separate step that plan-report blocks.
 */
const COMPOSE_PASSWORD = "compose-db-password-0123456789";
const COMPOSE_CONTAINER = "immich-iac-e2e-compose-database";

describe("taking over a compose install: same directories, same PostgreSQL major, no dump and restore", () => {
  let t: Toolchain;
  let d: E2eDeployment;
  let json: any;
  const env = { TF_VAR_existing_database_password: COMPOSE_PASSWORD };
  const hostDir = (suffix: string) => Object.values(json.resource.docker_volume as Record<string, any>).map((v) => v.driver_opts.device as string).find((p) => p.endsWith(suffix))!;
  const psqlIn = (container: string, sql: string) => docker(["exec", container, "psql", "-h", "/var/run/postgresql", "-U", "postgres", "-d", "immich", "-tAc", sql]);

  beforeAll(async () => {
    t = await toolchain();
    d = e2eCopyOf(deploymentPath("homelab"), "takeover");
    await removeLeftovers(d.name);
    await docker(["rm", "-f", COMPOSE_CONTAINER]).catch(() => "");
    json = resynth(d, (x) => (x.spec.postgres = { takeover: {} }));
    createVolumeDirectories(json, d.dataRoot);
    await provideImages(json);

    // The compose install: upstream's service definition, its role and database, a row and an uploaded file.
    const pgImage = Object.values(json.resource.docker_image as Record<string, { name: string }>).map((i) => i.name).find((n) => n.includes("/postgres:"))!;
    const pgdata = hostDir("/database/pgdata");
    await docker(["run", "-d", "--name", COMPOSE_CONTAINER, "-e", `POSTGRES_PASSWORD=${COMPOSE_PASSWORD}`, "-e", "POSTGRES_USER=postgres", "-e", "POSTGRES_DB=immich",
      "-e", "POSTGRES_INITDB_ARGS=--data-checksums", "-v", `${pgdata}:/var/lib/postgresql/data`, "--shm-size", "128m", pgImage]);
    for (let i = 0; ; i++) {
      // The entrypoint's first start (creating the database) listens on the socket only and then stops: ready
      // means the final server, the one that also listens on TCP.
      const ok = await docker(["exec", COMPOSE_CONTAINER, "pg_isready", "-q", "-h", "127.0.0.1"]).then(() => psqlIn(COMPOSE_CONTAINER, "SELECT 1")).then(() => true, () => false);
      if (ok) break;
      if (i > 120) throw new Error("the compose database did not come up");
      await new Promise((r) => setTimeout(r, 500));
    }
    await psqlIn(COMPOSE_CONTAINER, "CREATE TABLE compose_era (note text); INSERT INTO compose_era VALUES ('taken over')");
    await docker(["stop", "-t", "60", COMPOSE_CONTAINER]);
    await docker(["rm", COMPOSE_CONTAINER]);
    mkdirSync(join(hostDir("/library"), "upload", "admin"), { recursive: true });
    writeFileSync(join(hostDir("/library"), "upload", "admin", "photo.jpg"), "compose-era photo");

    const init = await tf(t, d, ["init", "-input=false", "-no-color"]);
    expect(init.exitCode, init.all).toBe(0);
  }, 1_800_000);

  afterAll(async () => {
    if (!d) return;
    await destroyDeployment(t, d, env);
    await docker(["rm", "-f", COMPOSE_CONTAINER]).catch(() => "");
  }, 900_000);

  it("the first apply keeps the database and the files, every container healthy, the second plan empty", async () => {
    const apply = await tf(t, d, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(apply.exitCode, apply.all).toBe(0);
    await waitHealthy(d.name);
    expect(await psqlIn(`immich-${d.name}-database`, "SELECT note FROM compose_era")).toBe("taken over");
    expect(readFileSync(join(hostDir("/library"), "upload", "admin", "photo.jpg"), "utf8")).toBe("compose-era photo");
    const second = await tf(t, d, ["plan", "-input=false", "-detailed-exitcode", "-no-color"], env);
    expect(second.exitCode, second.all).toBe(0);
  });

  it("without the compose password, Terraform refuses to plan rather than lock Immich out", async () => {
    const missing = await tf(t, d, ["plan", "-input=false", "-no-color"]);
    expect(missing.exitCode).toBe(1);
    expect(missing.all).toMatch(/No value for required variable[\s\S]*existing_database_password/);
  });
});
