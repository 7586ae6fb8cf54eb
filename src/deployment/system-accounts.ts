/**
 * Accounts a Debian or Ubuntu system (or a common daemon package) creates for itself. The deploy user gets the
 * `docker` group, `NOPASSWD: ALL` and a locked password: given to one of these, a service (a web server running
 * as www-data, sshd's privilege separation) would become root. The host scripts also refuse any existing account
 * with a uid below UID_MIN or a nologin shell (src/renderers/host/system-account.ts); this list refuses the
 * usual names before anything runs, with a located error.
 */
export const SYSTEM_ACCOUNTS: ReadonlySet<string> = new Set([
  // base-passwd's static users and groups (Debian)
  "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data", "backup",
  "list", "irc", "gnats", "nobody", "nogroup", "_apt", "operator", "staff", "adm", "wheel", "sudo", "users", "docker",
  // systemd's and common daemons' dynamic accounts
  "systemd-network", "systemd-resolve", "systemd-timesync", "systemd-journal", "systemd-coredump", "systemd-oom",
  "messagebus", "sshd", "syslog", "polkitd", "avahi", "avahi-autoipd", "dnsmasq", "tcpdump", "tss", "uuidd",
  "usbmux", "rtkit", "pulse", "colord", "geoclue", "saned", "lightdm", "gdm", "statd", "_rpc", "rpc", "ntp",
  "_chrony", "chrony", "postfix", "exim", "Debian-exim", "postgres", "redis", "mysql", "bind", "ftp", "nginx",
  "caddy", "landscape", "pollinate", "fwupd-refresh", "_laurel", "dhcpcd", "lxd", "snapd", "unbound",
]);

export function isSystemAccount(name: string): boolean {
  return SYSTEM_ACCOUNTS.has(name);
}
