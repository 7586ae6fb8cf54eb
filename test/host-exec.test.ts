import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostCommand, HostUnreachable } from "../src/cli/host-exec.js";
import { loadDeploymentFile, type Deployment } from "../src/deployment/load-deployment.js";
import { REPO } from "./util.js";

const example = loadDeploymentFile(join(REPO, "deployments", "example.yaml"));
const withHost = (dockerHost: string): Deployment => ({ ...example, dockerHost });

describe("host commands of the CLI (pre-upgrade, backup)", () => {
  it("over SSH: the script on stdin into sudo bash, the SSH connection passed through sudo by the host's shell", () => {
    expect(hostCommand(example, ["label-1"], false, "203.0.113.9 5000 192.0.2.1 22")).toEqual([
      "ssh",
      ["-p", "22", "-l", "deploy", "--", "photos.example.com", "sudo", "-n", "env", '"IMMICH_IAC_SSH_CONNECTION=${SSH_CONNECTION:-}"', "bash", "-s", "--", "label-1"],
    ]);
  });

  it("on the host itself: this session's SSH connection, with sudo unless already root", () => {
    const local = withHost("unix:///var/run/docker.sock");
    expect(hostCommand(local, ["status"], false, "203.0.113.9 5000 192.0.2.1 22")).toEqual(["sudo", ["-n", "env", "IMMICH_IAC_SSH_CONNECTION=203.0.113.9 5000 192.0.2.1 22", "bash", "-s", "--", "status"]]);
    expect(hostCommand(local, ["status"], true, undefined)).toEqual(["env", ["IMMICH_IAC_SSH_CONNECTION=", "bash", "-s", "--", "status"]]);
  });

  it("item 1: a tcp:// host has no shell: refused before anything runs, never run here instead", () => {
    expect(() => hostCommand(withHost("tcp://10.0.0.5:2376"), [], false, undefined)).toThrow(HostUnreachable);
    expect(() => hostCommand(withHost("tcp://10.0.0.5:2376"), [], true, undefined)).toThrow(/reached over tcp:\/\/, where no shell runs: host commands need dockerHost ssh:\/\/user@host/);
  });
});
