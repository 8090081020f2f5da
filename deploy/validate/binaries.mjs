// What the built service binaries say about themselves: their flags
// (`--helpfull`) and the Debian packages their shared libraries come from
// (ldd + dpkg). Used to hold the manifests and Dockerfiles to the binaries
// that CI has just built.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function binaryPath(binDir, service) {
  const file = path.join(binDir, `claimtrack-${service}`);
  return fs.existsSync(file) ? file : null;
}

// The flags the binary defines, or null without a binary.
export function binaryFlags(binDir, service) {
  const file = binaryPath(binDir, service);
  if (!file) {
    return null;
  }
  const run = spawnSync(file, ["--helpfull"], { encoding: "utf8" });
  const text = `${run.stdout}${run.stderr}`;
  return new Set([...text.matchAll(/^ {4}--(\w+) \(/gm)].map((m) => m[1]));
}

// The deployment flags (--health_listen and the rest) arrived in one change:
// a binary without --health_listen predates them, and comparing the
// manifests with it would only list what is known to be coming.
export function hasDeploymentFlags(flags) {
  return flags !== null && flags.has("health_listen");
}

// The Debian packages that provide the binary's shared libraries.
export function linkedPackages(file) {
  const ldd = spawnSync("ldd", [file], { encoding: "utf8" });
  if (ldd.status !== 0) {
    throw new Error(`ldd ${file}: ${ldd.stderr}`);
  }
  const libraries = [...ldd.stdout.matchAll(/=> (\/\S+)/g)].map((m) => m[1]);
  const unresolved = [...ldd.stdout.matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]);
  if (unresolved.length > 0) {
    throw new Error(`ldd ${file}: not found: ${unresolved.join(", ")}`);
  }
  // usrmerge: ldd says /lib/..., dpkg may know the file as /usr/lib/...
  const candidates = libraries.flatMap((l) => (l.startsWith("/usr/") ? [l] : [l, `/usr${l}`]));
  const dpkg = spawnSync("dpkg", ["-S", ...candidates], { encoding: "utf8" });
  const owner = new Map();
  for (const line of dpkg.stdout.split("\n")) {
    const match = /^([^:,]+)(?::[a-z0-9]+)?: (\S+)$/.exec(line);
    if (match) {
      owner.set(match[2], match[1]);
    }
  }
  const packages = new Set();
  for (const library of libraries) {
    const found = owner.get(library) ?? owner.get(`/usr${library}`);
    if (!found) {
      throw new Error(`${file}: no Debian package owns ${library}`);
    }
    packages.add(found);
  }
  return packages;
}

// `packages` and everything they depend on, recursively.
export function dependencyClosure(packages) {
  const run = spawnSync(
    "apt-cache",
    ["depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
     "--no-breaks", "--no-replaces", "--no-enhances", ...packages],
    { encoding: "utf8" },
  );
  if (run.status !== 0) {
    throw new Error(`apt-cache depends: ${run.stderr}`);
  }
  return new Set(
    run.stdout.split("\n").filter((l) => /^[a-z0-9]/.test(l)).map((l) => l.replace(/:[a-z0-9]+$/, "")),
  );
}
