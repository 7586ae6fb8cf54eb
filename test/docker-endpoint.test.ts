import { describe, expect, it } from "vitest";
import { canonicalHost, machineOf, parseDockerEndpoint, sameMachine } from "../src/deployment/docker-endpoint.js";

const machine = (value: string) => machineOf(parseDockerEndpoint(value)!);

describe("Docker endpoints as machines (issue 20 item 3)", () => {
  it("parses each scheme, with ssh's default port", () => {
    expect(parseDockerEndpoint("ssh://deploy@host")).toEqual({ kind: "ssh", user: "deploy", host: "host", port: 22 });
    expect(parseDockerEndpoint("ssh://deploy@[fd00::5]:2222")).toEqual({ kind: "ssh", user: "deploy", host: "[fd00::5]", port: 2222 });
    expect(parseDockerEndpoint("tcp://10.0.0.5:2376")).toEqual({ kind: "tcp", host: "10.0.0.5", port: 2376 });
    expect(parseDockerEndpoint("unix:///run/docker.sock")).toEqual({ kind: "unix", path: "/run/docker.sock" });
    expect(parseDockerEndpoint("http://host:2375")).toBeUndefined();
  });

  it("one spelling per host: case, final dot, brackets, IPv4 leading zeros; loopback is the local machine", () => {
    expect(canonicalHost("Photos.Example.COM.")).toBe("photos.example.com");
    expect(canonicalHost("[FD00::5]")).toBe("fd00::5");
    expect(canonicalHost("010.000.000.005")).toBe("10.0.0.5");
    expect(["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "box.localhost"].map(canonicalHost)).toEqual(Array(6).fill("local"));
  });

  it("the user never counts; ssh port 22 is the default; another port may be another machine", () => {
    expect(machine("ssh://deploy@host:22")).toBe(machine("ssh://other@HOST"));
    expect(machine("ssh://deploy@host:2222")).toBe("host:2222");
    expect(machine("tcp://host:2376")).toBe(machine("ssh://deploy@host"));
    expect(machine("unix:///var/run/docker.sock")).toBe(machine("ssh://deploy@127.0.0.1"));
  });

  it("two local sockets are two engines only where no host plan runs", () => {
    const a = parseDockerEndpoint("unix:///var/run/docker.sock")!;
    const b = parseDockerEndpoint("unix:///run/other/docker.sock")!;
    expect(sameMachine(a, b, false)).toBe(false);
    expect(sameMachine(a, a, false)).toBe(true);
    expect(sameMachine(a, b, true)).toBe(true);
  });
});
