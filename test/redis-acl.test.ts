import { describe, expect, it } from "vitest";
import { APPLY_TIME_HASH, REDIS_ACL_RULES, renderRedisAcl } from "../src/renderers/redis-acl.js";

const H = "a".repeat(64);

describe("Redis ACL users (the real redis-server enforces them in test/upstream/redis.test.ts)", () => {
  it("turns the default user off with no password and no rights: a client without credentials gets NOAUTH", () => {
    expect(renderRedisAcl({}, [])).toEqual([
      "# The default user is off: a client without credentials gets NOAUTH for every command.",
      "user default reset off resetpass resetkeys resetchannels -@all",
    ]);
  });

  it("gives Immich every key and channel but no administration", () => {
    expect(renderRedisAcl({ immich: H }, [])[2]).toBe(`user immich reset on #${H} ~* &* +@all -@admin`);
  });

  it("gives Authelia keys without administration, dangerous commands or channels", () => {
    expect(renderRedisAcl({ authelia: H }, [])[2]).toBe(`user authelia reset on #${H} ~* resetchannels +@all -@admin -@dangerous`);
  });

  it("gives the exporter only the sizes of the queue keys and the server's own state, no value", () => {
    const line = renderRedisAcl({ exporter: H }, ["immich_bull:*:wait"])[2]!;
    expect(line).toBe(`user exporter reset on #${H} resetkeys ~immich_bull:*:wait ${REDIS_ACL_RULES.exporter}`);
    expect(REDIS_ACL_RULES.exporter.split(" ").filter((r) => r.startsWith("+"))).toEqual([
      "+ping", "+info", "+config|get", "+client|list", "+client|setname", "+slowlog|get", "+slowlog|len", "+latency|latest", "+latency|histogram",
      "+dbsize", "+select", "+scan", "+type", "+llen", "+zcard", "+scard", "+hlen", "+xlen", "+strlen", "+memory|usage", "+pfcount",
    ]);
  });

  it("gives the healthcheck PING alone", () => {
    expect(renderRedisAcl({ healthcheck: H }, ["x"])[2]).toBe(`user healthcheck reset on #${H} resetkeys resetchannels -@all +ping`);
  });

  it("takes a hash, a Terraform reference or the render placeholder, never a password", () => {
    expect(renderRedisAcl({ immich: APPLY_TIME_HASH }, [])[2]).toBe(`user immich reset on #${APPLY_TIME_HASH} ~* &* +@all -@admin`);
    expect(() => renderRedisAcl({ immich: "hunter2" }, [])).toThrow(/immich: passwordSha256 must be 64 lower-case hex digits/);
    expect(() => renderRedisAcl({ immich: "A".repeat(64) }, [])).toThrow(/passwordSha256/);
  });
});
