import { container, image, immichImages, plan, rc, volume } from "./plan-fixtures.js";

/** Example plans committed as files: what a CI pipeline hands to `immich-iac plan-report`. */
export const PLAN_FIXTURES: Record<string, Record<string, unknown>> = {
  "no-changes": plan([container("server", ["no-op"]), volume("library", true, ["no-op"])]),
  "safe-memory-update": plan([container("server", ["update"], { before: { memory: 2048 }, after: { memory: 3072 } }), container("redis", ["no-op"])]),
  "minor-upgrade": plan([
    ...immichImages("v3.1.0", "v3.2.0", "-cuda"),
    container("server", ["delete", "create"], { replacePaths: [["image"]] }),
    container("job-handler", ["delete", "create"], { replacePaths: [["image"]] }),
    container("machine-learning", ["delete", "create"], { replacePaths: [["image"]] }),
    container("database", ["no-op"]),
  ]),
  // Documented in docs/cli.md: a downgrade's report counts its blocked upgrade checks and exits 4.
  downgrade: plan([
    ...immichImages("v3.2.0", "v3.1.0", "-cuda"),
    container("server", ["delete", "create"], { replacePaths: [["image"]] }),
    container("job-handler", ["delete", "create"], { replacePaths: [["image"]] }),
    container("machine-learning", ["delete", "create"], { replacePaths: [["image"]] }),
    container("database", ["no-op"]),
  ]),
  "library-volume-replaced": plan([volume("library", true, ["delete", "create"]), container("server", ["delete", "create"], { replacePaths: [["volumes"]] })]),
  "postgres-18": plan([image("immich_Database_Image", "ghcr.io/immich-app/postgres:17-vectorchord1.1.1-pgvector0.8.5", "ghcr.io/immich-app/postgres:18-vectorchord1.1.1-pgvector0.8.5"), container("database", ["delete", "create"], { replacePaths: [["image"]] })]),
  "drifted-network": plan(
    [rc("docker_network", "immich_BackNetwork", ["delete", "create"], { name: "immich-home-back", internal: true }, { name: "immich-home-back", internal: true }, [["options"]])],
    [rc("docker_network", "immich_BackNetwork", ["update"], { name: "immich-home-back", options: { "com.docker.network.driver.mtu": "9000" } }, { name: "immich-home-back", options: {} })],
  ),
};
