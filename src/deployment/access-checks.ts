import type { PathIssue } from "../profile/load-yaml.js";
import type { AccessDocument, AccessSettings } from "./access-schema.js";
import type { DeploymentDocument } from "./deployment-schema.js";

/**
 * What `spec.access` needs from the rest of the deployment:
 * - ACME's HTTP-01 and TLS-ALPN-01 challenges reach the proxy on 80/443 from the CA's servers on the internet;
 *   in `lan` mode they cannot, so the certificate would never be issued and Caddy would retry forever. The
 *   certificate then comes from Caddy's internal CA or from files (a certificate obtained elsewhere, e.g. by a
 *   DNS challenge, which the stock Caddy image has no DNS provider for).
 */
export function checkAccess(d: DeploymentDocument): PathIssue[] {
  const access = d.spec.access;
  if (access.mode === "public") return [];
  const issues: PathIssue[] = [];
  if (d.spec.ingress.tls.mode === "acme") {
    issues.push({
      path: ["spec", "ingress", "tls", "mode"],
      message:
        `ACME's HTTP and TLS-ALPN challenges come from the internet to ports 80/443, which access mode ${access.mode} closes: no certificate would ever be issued ` +
        `(expected internal — Caddy's own CA, trusted by installing its root on your devices — or files with a certificate obtained elsewhere, got acme)`,
    });
  }
  return issues;
}

export function accessSettings(a: AccessDocument): AccessSettings {
  if (a.mode === "public") return { mode: "public" };
  if (a.mode === "lan") return { mode: "lan", listen: a.listen, allowFrom: a.allowFrom };
  return { mode: "wireguard", address: a.address, listenPort: a.listenPort, endpoint: a.endpoint, peers: a.peers, listen: a.listen, allowFrom: a.allowFrom };
}
