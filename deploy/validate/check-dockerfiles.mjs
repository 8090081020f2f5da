#!/usr/bin/env node
// claimtrack's own checks of deploy/docker/Dockerfile.<service>, beside the
// generic lint (dockerfilelint). There is no Docker engine in CI, so the
// images cannot be built there; this holds each Dockerfile to what the
// build does know:
//  - stages: Debian bookworm to build, bookworm-slim to run, a numeric
//    non-root USER, ENTRYPOINT the service's binary in exec form;
//  - the build stage installs every C++ package scripts/setup.sh installs;
//  - every CLAIMTRACK_* in ENV is a flag of the service;
//  - with --bin-dir (the built binaries): the runtime stage's packages
//    provide every shared library the binary links (ldd + dpkg + their
//    Debian dependencies) and nothing it does not link; ENV names flags
//    the binary really has.
//
// Usage: node check-dockerfiles.mjs [--setup scripts/setup.sh] [--bin-dir build/bin] Dockerfile.<service>...

import fs from "node:fs";
import path from "node:path";

import { kServices, flagForEnvVar } from "./contract.mjs";
import { binaryFlags, binaryPath, dependencyClosure, hasDeploymentFlags, linkedPackages } from "./binaries.mjs";

const errors = [];
const notes = [];
function fail(where, message) {
  errors.push(`${where}: ${message}`);
}

// Instructions with continuation lines joined and comments dropped.
function instructions(text) {
  const joined = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(line);
      return { keyword: keyword.toUpperCase(), rest };
    });
}

function stages(list) {
  const result = [];
  for (const instruction of list) {
    if (instruction.keyword === "FROM") {
      const [image, as, name] = instruction.rest.split(/\s+/);
      result.push({ image, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else if (result.length > 0) {
      result.at(-1).instructions.push(instruction);
    }
  }
  return result;
}

function aptPackages(stage) {
  const packages = [];
  for (const { keyword, rest } of stage.instructions) {
    if (keyword !== "RUN") {
      continue;
    }
    for (const command of rest.split(/&&|;/)) {
      const words = command.trim().split(/\s+/);
      const install = words.indexOf("install");
      if (words.some((w) => w === "apt-get" || w === "apt") && install >= 0) {
        packages.push(...words.slice(install + 1).filter((w) => !w.startsWith("-")));
      }
    }
  }
  return packages;
}

// ENV A=1 B=2 (the key=value form).
function envKeys(stage) {
  return stage.instructions
    .filter((i) => i.keyword === "ENV")
    .flatMap((i) => [...i.rest.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]));
}

// The C++ build's packages from setup.sh's PACKAGES=( ... ): everything but
// the Node.js and Python tooling.
function setupPackages(file) {
  const text = fs.readFileSync(file, "utf8");
  const block = /^PACKAGES=\(\n([\s\S]*?)^\)/m.exec(text);
  if (!block) {
    throw new Error(`${file}: no PACKAGES=( ... ) list`);
  }
  return block[1]
    .split("\n")
    .map((line) => line.replace(/#.*/, ""))
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((p) => p && !["nodejs", "npm"].includes(p) && !p.startsWith("python3"));
}

function checkDockerfile(file, setupList, binDir) {
  const service = /Dockerfile\.([a-z]+)$/.exec(file)?.[1];
  const where = path.basename(file);
  const contract = kServices[service];
  if (!contract) {
    fail(where, `not Dockerfile.<service> for a service in ${Object.keys(kServices).join(", ")}`);
    return;
  }
  const all = stages(instructions(fs.readFileSync(file, "utf8")));
  if (all.length < 2) {
    fail(where, "not a multi-stage build");
    return;
  }
  const [build, runtime] = [all[0], all.at(-1)];
  if (build.image !== "debian:bookworm") {
    fail(where, `the build stage is FROM ${build.image}, not debian:bookworm`);
  }
  if (runtime.image !== "debian:bookworm-slim") {
    fail(where, `the runtime stage is FROM ${runtime.image}, not debian:bookworm-slim`);
  }
  const buildPackages = new Set(aptPackages(build));
  const missing = setupList.filter((p) => !buildPackages.has(p));
  if (missing.length > 0) {
    fail(where, `the build stage does not install ${missing.join(" ")} (scripts/setup.sh does)`);
  }
  const user = runtime.instructions.filter((i) => i.keyword === "USER").at(-1)?.rest;
  if (!user || !/^\d+(:\d+)?$/.test(user) || /^0(:|$)/.test(user)) {
    fail(where, `the runtime USER is ${user ?? "not set (root)"}, not a numeric non-root uid`);
  }
  const entrypoint = runtime.instructions.filter((i) => i.keyword === "ENTRYPOINT").at(-1)?.rest;
  let entry = null;
  try {
    entry = JSON.parse(entrypoint ?? "null");
  } catch {
    entry = null;
  }
  if (!Array.isArray(entry) || entry[0] !== `/usr/local/bin/claimtrack-${service}`) {
    fail(where, `ENTRYPOINT is ${entrypoint}, not the exec form of /usr/local/bin/claimtrack-${service}`);
  }
  const env = envKeys(runtime);
  for (const variable of env) {
    const flag = flagForEnvVar(variable);
    if (flag !== null && !contract.flags.includes(flag)) {
      fail(where, `ENV ${variable} is not a flag of claimtrack-${service}`);
    }
  }
  if (!binDir) {
    return;
  }
  const binary = binaryPath(binDir, service);
  if (!binary) {
    notes.push(`${where}: runtime libraries not checked: ${binDir}/claimtrack-${service} is not built`);
    return;
  }
  const runtimePackages = aptPackages(runtime);
  const linked = linkedPackages(binary);
  const provided = dependencyClosure(runtimePackages);
  for (const p of linked) {
    if (!provided.has(p)) {
      fail(where, `claimtrack-${service} links a library from ${p}, which the runtime stage does not install`);
    }
  }
  for (const p of runtimePackages) {
    if (!linked.has(p)) {
      fail(where, `the runtime stage installs ${p}, which claimtrack-${service} does not link`);
    }
  }
  const flags = binaryFlags(binDir, service);
  if (hasDeploymentFlags(flags)) {
    for (const variable of env) {
      const flag = flagForEnvVar(variable);
      if (flag !== null && !flags.has(flag)) {
        fail(where, `ENV ${variable}: the built claimtrack-${service} has no --${flag}`);
      }
    }
  } else {
    notes.push(`${where}: ENV not compared with the binary's flags: the built claimtrack-${service} predates --health_listen`);
  }
}

const args = process.argv.slice(2);
let setup = null;
let binDir = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--setup") {
    setup = args[++i];
  } else if (args[i] === "--bin-dir") {
    binDir = args[++i];
  } else {
    files.push(args[i]);
  }
}
if (files.length === 0) {
  console.error("usage: check-dockerfiles.mjs [--setup scripts/setup.sh] [--bin-dir build/bin] Dockerfile.<service>...");
  process.exit(2);
}
const setupList = setup ? setupPackages(setup) : [];
for (const file of files) {
  checkDockerfile(file, setupList, binDir);
}
for (const note of notes) {
  console.log(`note: ${note}`);
}
if (errors.length > 0) {
  for (const error of errors) {
    console.log(error);
  }
  console.log(`check-dockerfiles: ${errors.length} problem(s) in ${files.length} Dockerfile(s)`);
  process.exit(1);
}
console.log(`check-dockerfiles: ${files.length} Dockerfile(s) clean`);
