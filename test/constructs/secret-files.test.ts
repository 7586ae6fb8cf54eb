import { DockerProvider } from "../../providers/docker/provider/index.js";
import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ImmichNetwork } from "../../constructs/immich-network.js";
import { Component } from "../../constructs/labels.js";
import { secretFile, secretFileOfContainerUser, ServiceContainer, type ConfigUpload } from "../../constructs/service-container.js";

function container(uploads: ConfigUpload[], user?: string): any {
  const json = Testing.synthScope((scope: Construct) => {
    new DockerProvider(scope, "docker", {});
    const network = new ImmichNetwork(scope, "net", { name: "n", deploymentName: "t", mtu: 1500 });
    new ServiceContainer(scope, "svc", {
      deploymentName: "t",
      component: Component.REDIS,
      image: "busybox:1",
      networks: [network],
      memoryMiB: 64,
      destroyGraceSeconds: 10,
      healthcheck: { test: ["CMD", "true"] },
      uploads,
      ...(user ? { user } : {}),
    });
  });
  return Object.values(JSON.parse(json).resource.docker_container)[0];
}

describe("secret files", () => {
  it("a root reader's secret is 0400 with no owner: no copyUIDGID, the tar header's root", () => {
    expect(container([{ path: "/a", content: "x" }, secretFile("/run/secrets/a", "s")]).upload).toEqual([
      { file: "/a", content: "x" },
      { file: "/run/secrets/a", content: "s", permissions: "0400" },
    ]);
  });

  it("a uid the program drops to owns its 0400 file, written as the 4.6 upload owner and group (the whole list once)", () => {
    expect(container([{ path: "/a", content: "x" }, secretFile("/run/secrets/a", "s", { uid: 999, gid: 999 })]).upload).toEqual([
      { file: "/a", content: "x" },
      { file: "/run/secrets/a", content: "s", permissions: "0400", owner: "999", group: "999" },
    ]);
  });

  it("in a container that runs as a non-root user, the secret is root's and 0444", () => {
    expect(container([secretFileOfContainerUser("/run/secrets/a", "s")], "472:0").upload).toEqual([{ file: "/run/secrets/a", content: "s", permissions: "0444" }]);
  });

  it("refuses an owner in a container with a user: Docker would resolve that user in the host's passwd and fail the apply", () => {
    expect(() => container([secretFile("/run/secrets/a", "s", { uid: 999, gid: 999 })], "999:999")).toThrow(
      /upload \/run\/secrets\/a: an owner needs a container that starts as root \(got user "999:999"\)/,
    );
  });

  it("refuses a mode that is not octal", () => {
    expect(() => container([{ path: "/a", content: "x", mode: "400" }])).toThrow(/mode must be octal like "0400" \(got "400"\)/);
  });
});
