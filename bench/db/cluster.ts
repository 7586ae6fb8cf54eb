// A real PostgreSQL 17 (with pgvector) running in the Debian trixie root made by scripts/upstream-root.sh: the
// same programs and the same chroot-as-postgres way the upstream tests (test/upstream/postgres*.test.ts) use.
import { execa, type Options, type Result } from "execa";
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PG_BIN = "/usr/lib/postgresql/17/bin";

/** A program of the root, run as the postgres user inside it. */
export function asPostgres(root: string, args: string[], opts: Options = {}): Promise<Result> {
  return execa("chroot", ["--userspec=postgres:postgres", root, ...args], { reject: false, ...opts }) as Promise<Result>;
}

/** `cp -a` inside the root: keeps owners and modes (the data directory must stay 0700, owned by postgres). */
async function copyTree(root: string, from: string, to: string): Promise<void> {
  const r = await execa("chroot", [root, "cp", "-a", from, to], { reject: false });
  if (r.exitCode !== 0) throw new Error(`copying ${from} to ${to} in ${root} failed: ${r.stderr}`);
}

/**
 * One database cluster in `<root>/<dirInRoot>`. The server listens on a Unix socket in that directory only
 * (no TCP port), so runs of the benchmark and of the tests never meet.
 */
export class Cluster {
  readonly hostDir: string;
  readonly dataInRoot: string;
  private running = false;

  constructor(
    readonly root: string,
    readonly dirInRoot: string,
  ) {
    this.hostDir = join(root, dirInRoot);
    this.dataInRoot = `${dirInRoot}/data`;
  }

  get socketDir(): string {
    return this.dirInRoot;
  }

  /** True when `<dir>/data` holds a cluster whose load finished (the marker is written last). */
  isComplete(): boolean {
    return existsSync(join(this.hostDir, "complete"));
  }

  markComplete(): void {
    writeFileSync(join(this.hostDir, "complete"), "");
  }

  /** An empty directory owned by postgres, then initdb. */
  async init(): Promise<void> {
    rmSync(this.hostDir, { recursive: true, force: true });
    mkdirSync(this.hostDir, { recursive: true });
    await this.chown();
    const r = await asPostgres(this.root, [`${PG_BIN}/initdb`, "-D", this.dataInRoot, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    if (r.exitCode !== 0) throw new Error(`initdb failed: ${r.stderr}`);
    // The benchmark's configuration file is swapped between starts; everything else stays initdb's.
    appendFileSync(join(this.hostDir, "data", "postgresql.conf"), "\ninclude_if_exists 'bench.conf'\n");
  }

  /** A copy of another (stopped) cluster's directory, so a loaded pristine cluster can be reused by every run. */
  async copyFrom(pristine: Cluster): Promise<void> {
    rmSync(this.hostDir, { recursive: true, force: true });
    mkdirSync(join(this.hostDir, ".."), { recursive: true });
    await copyTree(this.root, pristine.dirInRoot, this.dirInRoot);
    rmSync(join(this.hostDir, "complete"), { force: true });
  }

  private async chown(): Promise<void> {
    const r = await execa("chroot", [this.root, "chown", "postgres:postgres", this.dirInRoot], { reject: false });
    if (r.exitCode !== 0) throw new Error(`chown ${this.dirInRoot} failed: ${r.stderr}`);
  }

  /** Starts the server with `conf` as its bench.conf (the configuration under test). */
  async start(conf: string): Promise<void> {
    writeFileSync(join(this.hostDir, "data", "bench.conf"), conf);
    const r = await asPostgres(this.root, [
      `${PG_BIN}/pg_ctl`, "-D", this.dataInRoot, "-l", `${this.dirInRoot}/server.log`, "-w", "-t", "300",
      "-o", `-c listen_addresses='' -c unix_socket_directories=${this.socketDir}`,
      "start",
    ]);
    if (r.exitCode !== 0) throw new Error(`PostgreSQL did not start: ${r.stderr}${r.stdout}`);
    this.running = true;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const r = await asPostgres(this.root, [`${PG_BIN}/pg_ctl`, "-D", this.dataInRoot, "-w", "-t", "300", "-m", "fast", "stop"]);
    if (r.exitCode !== 0) throw new Error(`PostgreSQL did not stop: ${r.stderr}`);
    this.running = false;
  }

  /** psql, stopping at the first error; returns the unaligned, tuples-only output. */
  async psql(sql: string, db = "immich"): Promise<string> {
    const r = await asPostgres(this.root, [`${PG_BIN}/psql`, "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-h", this.socketDir, "-d", db], { input: sql });
    if (r.exitCode !== 0) throw new Error(`psql failed: ${String(r.stderr).slice(0, 2000)}`);
    return String(r.stdout).trim();
  }

  /** pgbench against this server; `args` after the connection options. */
  async pgbench(args: string[]): Promise<Result> {
    const r = await asPostgres(this.root, [`${PG_BIN}/pgbench`, "-h", this.socketDir, ...args, "immich"]);
    if (r.exitCode !== 0) throw new Error(`pgbench failed (${args.join(" ")}): ${String(r.stderr).slice(-2000)}`);
    return r;
  }

  /** A directory inside the cluster's own, writable by postgres (scripts and latency logs). */
  async scratch(name: string): Promise<{ host: string; inRoot: string }> {
    const inRoot = `${this.dirInRoot}/${name}`;
    const host = join(this.root, inRoot);
    rmSync(host, { recursive: true, force: true });
    mkdirSync(host, { recursive: true });
    const r = await execa("chroot", [this.root, "chown", "postgres:postgres", inRoot], { reject: false });
    if (r.exitCode !== 0) throw new Error(`chown ${inRoot} failed: ${r.stderr}`);
    return { host, inRoot };
  }

  remove(): void {
    rmSync(this.hostDir, { recursive: true, force: true });
  }

  static listFiles(dir: string, prefix: string): string[] {
    return readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => join(dir, f));
  }
}
