import type { PolicyRule } from "./policy-rule.js";
import { BackupReadsUserDataReadOnly } from "./rules/backup-reads-user-data-read-only.js";
import { CapabilitiesOnlyForSmart } from "./rules/capabilities-only-for-smart.js";
import { BareLifecycleReferences } from "./rules/bare-lifecycle-references.js";
import { ExplicitMemorySwap } from "./rules/explicit-memory-swap.js";
import { BackendOnInternalNetwork } from "./rules/backend-on-internal-network.js";
import { DevicesFullySpecified } from "./rules/devices-fully-specified.js";
import { ExplicitLogging } from "./rules/explicit-logging.js";
import { HealthcheckReplaceTrigger } from "./rules/healthcheck-replace-trigger.js";
import { HostAccessOnExporterNetwork } from "./rules/host-access-on-exporter-network.js";
import { NoCpusAttribute } from "./rules/no-cpus-attribute.js";
import { NoSecretsInEnvironment, noSecretsInEnvironment, SECRET_ENV_EXCEPTIONS } from "./rules/no-secrets-in-environment.js";
import { OnlyProxyPublishesWidely } from "./rules/only-proxy-publishes-widely.js";
import { ProviderVersionForSystemPaths } from "./rules/provider-version-for-systempaths.js";
import { StatefulStopGrace } from "./rules/stateful-stop-grace.js";

/** The provider-3.6.2 pitfalls and placement rules every immich-iac stack is checked against. */
export const POLICY_RULES: readonly PolicyRule[] = [
  DevicesFullySpecified,
  ExplicitLogging,
  NoCpusAttribute,
  StatefulStopGrace,
  HealthcheckReplaceTrigger,
  OnlyProxyPublishesWidely,
  BackendOnInternalNetwork,
  ProviderVersionForSystemPaths,
  BareLifecycleReferences,
  ExplicitMemorySwap,
  BackupReadsUserDataReadOnly,
  CapabilitiesOnlyForSmart,
  HostAccessOnExporterNetwork,
  NoSecretsInEnvironment,
];

export * from "./policy-rule.js";
export * from "./policy-aspect.js";
export {
  BackendOnInternalNetwork,
  BackupReadsUserDataReadOnly,
  BareLifecycleReferences,
  CapabilitiesOnlyForSmart,
  ExplicitMemorySwap,
  DevicesFullySpecified,
  ExplicitLogging,
  HealthcheckReplaceTrigger,
  HostAccessOnExporterNetwork,
  NoCpusAttribute,
  NoSecretsInEnvironment,
  noSecretsInEnvironment,
  SECRET_ENV_EXCEPTIONS,
  OnlyProxyPublishesWidely,
  ProviderVersionForSystemPaths,
  StatefulStopGrace,
};
