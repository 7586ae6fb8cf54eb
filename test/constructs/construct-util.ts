import { DockerProvider } from "../../providers/docker/provider/index.js";
import { RandomProvider } from "../../providers/random/provider/index.js";
import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { ImmichStack, type ImmichStackProps } from "../../constructs/immich-stack.js";
import { computeTuning } from "../../src/tuning/tuning.js";
import { shippedProfile } from "../util.js";

/** Synthesizes an ImmichStack with the given props over a profile; returns parsed resources. */
export function synthImmich(over: Partial<ImmichStackProps> = {}, profile = "homelab-minimal"): any {
  const json = Testing.synthScope((scope: Construct) => {
    new DockerProvider(scope, "docker", {});
    new RandomProvider(scope, "random", {});
    new ImmichStack(scope, "immich", {
      deploymentName: "t",
      domain: "photos.example.com",
      tuning: computeTuning(shippedProfile(profile)),
      ...over,
    });
  });
  return JSON.parse(json).resource;
}

export function containerOf(resource: any, component: string): any {
  const all = Object.values(resource.docker_container) as any[];
  const found = all.filter((c) => c.labels.some((l: any) => l.label === "io.immich-iac.component" && l.value === component));
  if (found.length !== 1) throw new Error(`expected one ${component} container, found ${found.length}`);
  return found[0];
}


