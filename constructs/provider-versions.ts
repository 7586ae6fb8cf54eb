/**
 * The provider versions a stack accepts, written over the exact pins of the prebuilt bindings (which
 * describe docker 3.6.2, random 3.7.2, tls 4.1.0). The real-apply suite proves the versions named in
 * README "Provider versions"; the ranges stay inside the major versions those bindings' schemas match.
 */
export const PROVIDER_CONSTRAINTS = {
  /**
   * 4.6.0 is the version the real-apply suite runs. It applies our configuration unchanged (the bindings'
   * attributes all exist in 4.x) and fixes what 3.x got wrong: healthcheck edits never applied (#988),
   * refresh deleting stopped containers (#590), daemon log options replacing containers (#473), devices
   * replaced every plan (#603), `cpus` panicking (#759), systempaths=unconfined refused (#795).
   */
  docker: ">= 4.6.0, < 5.0.0",
  random: ">= 3.7.2, < 4.0.0",
  tls: ">= 4.1.0, < 5.0.0",
} as const;

export type PinnedProvider = keyof typeof PROVIDER_CONSTRAINTS;
