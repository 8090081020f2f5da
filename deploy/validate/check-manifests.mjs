#!/usr/bin/env node
// Validates rendered Kubernetes manifests (the output of `kubectl kustomize`)
// offline, in three passes, and exits 1 if any of them finds a problem:
//
//  1. schema: every object against the Kubernetes OpenAPI schema of its kind
//     (npm kubernetes-models): wrong types, missing required fields, bad
//     enum values. Those schemas allow unknown fields, hence:
//  2. types: every object written out as a typed TypeScript literal
//     (`const o: IDeployment = {...}`) and type-checked with tsc; excess
//     property checks reject misspelt and unknown fields at any depth.
//  3. policy: claimtrack's own rules across objects (probes on the health
//     port, limits, read-only non-root containers, headless Services whose
//     selectors match pods, a drain that fits in the grace period, flags
//     that exist, TLS or an explicit plaintext opt-in...).
//
// Usage: node check-manifests.mjs [--profile NAME=tls|plaintext]... [--bin-dir DIR] FILE.yaml...
//   NAME is a file's base name without .yaml; a profile adds the overlay's
//   own rules (tls: TLS, mTLS and tokens configured everywhere; plaintext:
//   the explicit --allow_insecure_plaintext). With --bin-dir (the built
//   claimtrack-<service> binaries), every CLAIMTRACK_* variable must also be
//   a flag the binary has.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import yaml from "js-yaml";
import ts from "typescript";

import { binaryFlags, hasDeploymentFlags } from "./binaries.mjs";
import { kServices, kDefaultDrainSeconds, flagForEnvVar } from "./contract.mjs";

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kWorkloadKinds = new Set(["Deployment", "StatefulSet"]);
const kClusterScopedKinds = new Set(["Namespace"]);

const errors = [];
const notes = new Set();
function fail(where, message) {
  errors.push(`${where}: ${message}`);
}

function parseArgs(argv) {
  const profiles = new Map();
  const files = [];
  let binDir = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--bin-dir") {
      binDir = argv[++i];
    } else if (argv[i] === "--profile") {
      const [name, profile] = (argv[++i] ?? "").split("=");
      if (!["tls", "plaintext"].includes(profile)) {
        throw new Error(`--profile ${argv[i]}: want NAME=tls or NAME=plaintext`);
      }
      profiles.set(name, profile);
    } else {
      files.push(argv[i]);
    }
  }
  if (files.length === 0) {
    throw new Error("usage: check-manifests.mjs [--profile NAME=tls|plaintext]... [--bin-dir DIR] FILE.yaml...");
  }
  return { profiles, files, binDir };
}

function loadFile(file) {
  const set = path.basename(file).replace(/\.ya?ml$/, "");
  return yaml
    .loadAll(fs.readFileSync(file, "utf8"))
    .filter((doc) => doc !== null && doc !== undefined)
    .map((obj, index) => ({
      obj,
      set,
      index,
      where: `${set}: ${obj?.kind ?? "?"}/${obj?.metadata?.name ?? `#${index}`}`,
    }));
}

// "apps/v1" + "Deployment" -> "kubernetes-models/apps/v1/Deployment".
function modelPath(obj) {
  return `kubernetes-models/${obj.apiVersion}/${obj.kind}`;
}

// ---- 1. schema ----------------------------------------------------------

async function checkSchemas(entries) {
  for (const { obj, where } of entries) {
    if (typeof obj?.apiVersion !== "string" || typeof obj?.kind !== "string") {
      fail(where, "schema: no apiVersion or kind");
      continue;
    }
    let model;
    try {
      model = (await import(modelPath(obj)))[obj.kind];
    } catch {
      model = undefined;
    }
    if (typeof model !== "function") {
      fail(where, `schema: no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new model(obj).validate();
    } catch (e) {
      for (const line of String(e.message).split("\n")) {
        fail(where, `schema: ${line}`);
      }
    }
  }
}

// ---- 2. types -----------------------------------------------------------

function checkTypes(entries) {
  // A folder of its own with node_modules linked in, so that the generated
  // file resolves kubernetes-models like any module beside this script.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-manifests-"));
  fs.symlinkSync(path.join(kHere, "node_modules"), path.join(dir, "node_modules"), "dir");
  const file = path.join(dir, "manifests.ts");

  const imports = new Map();
  const ranges = []; // [firstLine, lastLine, where], 1-based
  const body = [];
  let line = 1;
  entries.forEach(({ obj, where }, i) => {
    if (typeof obj?.apiVersion !== "string" || typeof obj?.kind !== "string") {
      return; // already reported by the schema pass
    }
    const type = `I${obj.kind}`;
    const alias = `${type}_${obj.apiVersion.replace(/[^A-Za-z0-9]/g, "_")}`;
    imports.set(alias, `import type { ${type} as ${alias} } from "${modelPath(obj)}";`);
    const text = `export const o${i}: ${alias} = ${JSON.stringify(obj, null, 2)};\n`;
    const lines = text.split("\n").length - 1;
    body.push(`// ${where}\n`, text);
    ranges.push([line + 1, line + lines, where]);
    line += lines + 1;
  });
  const header = [...imports.values()].join("\n") + "\n";
  const headerLines = imports.size;
  fs.writeFileSync(file, header + body.join(""));

  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    let where = "types";
    let at = "";
    if (diagnostic.file && diagnostic.start !== undefined) {
      const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const generatedLine = position.line + 1 - headerLines;
      const range = ranges.find(([first, last]) => generatedLine >= first && generatedLine <= last);
      if (range) {
        where = range[2];
        at = ` (at ${diagnostic.file.text.slice(diagnostic.start, diagnostic.start + diagnostic.length)})`;
      }
    }
    fail(where, `types: ${message}${at}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---- 3. policy ----------------------------------------------------------

function labelsMatch(selector, labels) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

function parsePort(address) {
  const match = /^(.*):(\d+)$/.exec(address ?? "");
  return match ? { host: match[1], port: Number(match[2]) } : null;
}

// absl::Duration text: "10s", "1m30s", "500ms", "1.5s".
function parseDurationSeconds(text) {
  const units = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
  const re = /(\d+(?:\.\d+)?)(h|ms|us|ns|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of String(text).matchAll(re)) {
    total += Number(match[1]) * units[match[2]];
    consumed += match[0].length;
  }
  return consumed === String(text).length && consumed > 0 ? total : null;
}

function isLoopback(host) {
  return host === "localhost" || host === "[::1]" || /^127\./.test(host);
}

function under(file, mounts) {
  return mounts.find((m) => file === m.mountPath || file.startsWith(m.mountPath.replace(/\/$/, "") + "/"));
}

function checkPolicy(entries, profile, binDir) {
  const objects = entries.map((e) => e.obj);
  const byKind = (kind) => entries.filter((e) => e.obj?.kind === kind);
  const find = (kind, name) => objects.find((o) => o?.kind === kind && o?.metadata?.name === name);
  const workloads = entries.filter((e) => kWorkloadKinds.has(e.obj?.kind));
  const podLabels = (w) => w.obj.spec?.template?.metadata?.labels ?? {};
  const podsMatching = (selector) => workloads.filter((w) => labelsMatch(selector, podLabels(w)));
  const containerPorts = (w) =>
    (w.obj.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);

  // Every object carries the suite's label and, in a rendered overlay, the
  // namespace the overlay creates.
  const namespace = objects.find((o) => o?.kind === "Namespace")?.metadata?.name;
  for (const { obj, where } of entries) {
    if (obj?.kind === "Namespace") {
      continue;
    }
    if (obj?.metadata?.labels?.["app.kubernetes.io/part-of"] !== "claimtrack") {
      fail(where, "policy: no label app.kubernetes.io/part-of: claimtrack");
    }
    if (namespace && !kClusterScopedKinds.has(obj?.kind) && obj?.metadata?.namespace !== namespace) {
      fail(where, `policy: metadata.namespace is ${obj?.metadata?.namespace}, not ${namespace}`);
    }
  }

  const hpaTargets = new Set(
    byKind("HorizontalPodAutoscaler").map((e) => `${e.obj.spec?.scaleTargetRef?.kind}/${e.obj.spec?.scaleTargetRef?.name}`),
  );

  for (const w of workloads) {
    const { obj, where } = w;
    const labels = podLabels(w);
    const service = labels["app.kubernetes.io/component"];
    const contract = kServices[service];
    if (!contract) {
      fail(where, `policy: pod label app.kubernetes.io/component is ${service}, not one of ${Object.keys(kServices).join(", ")}`);
      continue;
    }
    if (!labels["app.kubernetes.io/name"] || !labels["app.kubernetes.io/part-of"]) {
      fail(where, "policy: pod template lacks app.kubernetes.io/name or part-of");
    }
    if (!labelsMatch(obj.spec?.selector?.matchLabels, labels)) {
      fail(where, "policy: spec.selector.matchLabels does not match the pod template's labels");
    }
    if (obj.kind === "Deployment" && hpaTargets.has(`Deployment/${obj.metadata.name}`) && obj.spec?.replicas !== undefined) {
      fail(where, "policy: spec.replicas is set on a Deployment an HPA scales (each apply would reset it)");
    }
    const pod = obj.spec?.template?.spec ?? {};
    const account = find("ServiceAccount", pod.serviceAccountName);
    if (!pod.serviceAccountName || !account) {
      fail(where, `policy: serviceAccountName ${pod.serviceAccountName} is not a ServiceAccount here`);
    }
    if (pod.automountServiceAccountToken !== false && account?.automountServiceAccountToken !== false) {
      fail(where, "policy: the service account token is mounted (automountServiceAccountToken: false)");
    }
    const podSecurity = pod.securityContext ?? {};
    const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
    // A Secret or ConfigMap volume that others cannot read must belong to
    // the pod's group (fsGroup), or the non-root service cannot read it.
    for (const volume of volumes.values()) {
      const source = volume.secret ?? volume.configMap;
      const mode = source?.defaultMode ?? 0o644;
      if (source && (mode & 0o004) === 0 && podSecurity.fsGroup === undefined) {
        fail(where, `policy: volume ${volume.name} (mode ${mode.toString(8)}) is unreadable without securityContext.fsGroup`);
      }
    }
    const claimTemplates = new Set((obj.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name));

    const containers = pod.containers ?? [];
    if (containers.length === 0) {
      fail(where, "policy: no containers");
    }
    for (const c of containers) {
      const at = `${where} container ${c.name}`;
      // Image: pinned by tag or digest, never :latest.
      const image = String(c.image ?? "");
      if (!/(:[^/:]+|@sha256:[0-9a-f]{64})$/.test(image) || image.endsWith(":latest")) {
        fail(at, `policy: image ${image} has no pinned tag`);
      }
      // Configuration: the ConfigMaps it reads, as the binary will see them.
      const env = {};
      for (const source of c.envFrom ?? []) {
        const name = source.configMapRef?.name;
        const configMap = name && find("ConfigMap", name);
        if (!configMap) {
          fail(at, `policy: envFrom ConfigMap ${name} is not here`);
          continue;
        }
        Object.assign(env, configMap.data ?? {});
      }
      for (const e of c.env ?? []) {
        env[e.name] = e.value ?? "<from a reference>";
      }
      const builtFlags = binDir ? binaryFlags(binDir, service) : null;
      if (binDir && !hasDeploymentFlags(builtFlags)) {
        notes.add(`claimtrack-${service}: not compared with the built binary's flags (${
          builtFlags === null ? "not built" : "it predates --health_listen"})`);
      }
      for (const variable of Object.keys(env)) {
        const flag = flagForEnvVar(variable);
        if (flag !== null && !contract.flags.includes(flag)) {
          fail(at, `policy: ${variable} is not a flag of claimtrack-${service} (it would be ignored)`);
        } else if (flag !== null && hasDeploymentFlags(builtFlags) && !builtFlags.has(flag)) {
          fail(at, `policy: ${variable}: the built claimtrack-${service} has no --${flag}`);
        }
      }
      const listen = parsePort(env.CLAIMTRACK_LISTEN);
      const health = parsePort(env.CLAIMTRACK_HEALTH_LISTEN);
      if (!listen) {
        fail(at, "policy: CLAIMTRACK_LISTEN is not set to host:port");
      }
      if (!health) {
        fail(at, "policy: CLAIMTRACK_HEALTH_LISTEN is not set to host:port (the probes need it)");
      }
      const ports = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      if (listen && ports.get("grpc") !== listen.port) {
        fail(at, `policy: port "grpc" is ${ports.get("grpc")}, CLAIMTRACK_LISTEN says ${listen.port}`);
      }
      if (health && ports.get("health") !== health.port) {
        fail(at, `policy: port "health" is ${ports.get("health")}, CLAIMTRACK_HEALTH_LISTEN says ${health.port}`);
      }
      // The metrics port is optional; when it is on, the pod declares it
      // and a Prometheus annotation (if any) points at it.
      const metrics = parsePort(env.CLAIMTRACK_METRICS_LISTEN);
      if (metrics && ports.get("metrics") !== metrics.port) {
        fail(at, `policy: port "metrics" is ${ports.get("metrics")}, CLAIMTRACK_METRICS_LISTEN says ${metrics.port}`);
      }
      const scrapePort = obj.spec?.template?.metadata?.annotations?.["prometheus.io/port"];
      if (scrapePort !== undefined && (!metrics || Number(scrapePort) !== metrics.port)) {
        fail(at, `policy: annotation prometheus.io/port is ${scrapePort}, CLAIMTRACK_METRICS_LISTEN says ${env.CLAIMTRACK_METRICS_LISTEN ?? "nothing"}`);
      }
      // TLS, or plaintext asked for by name (the server refuses otherwise).
      const tls = Boolean(env.CLAIMTRACK_TLS_CERT_FILE) && Boolean(env.CLAIMTRACK_TLS_KEY_FILE);
      const insecure = env.CLAIMTRACK_ALLOW_INSECURE_PLAINTEXT === "true";
      if (Boolean(env.CLAIMTRACK_TLS_CERT_FILE) !== Boolean(env.CLAIMTRACK_TLS_KEY_FILE)) {
        fail(at, "policy: only one of CLAIMTRACK_TLS_CERT_FILE and CLAIMTRACK_TLS_KEY_FILE is set");
      }
      if (listen && !isLoopback(listen.host) && !tls && !insecure) {
        fail(at, `policy: listens on ${env.CLAIMTRACK_LISTEN} in plaintext without CLAIMTRACK_ALLOW_INSECURE_PLAINTEXT=true: it would refuse to start`);
      }
      if (profile === "tls") {
        for (const variable of ["CLAIMTRACK_TLS_CERT_FILE", "CLAIMTRACK_TLS_KEY_FILE", "CLAIMTRACK_TLS_CA_FILE", "CLAIMTRACK_AUTH_TOKENS_FILE"]) {
          if (!env[variable]) {
            fail(at, `policy: ${variable} is not set (profile tls)`);
          }
        }
        if (insecure) {
          fail(at, "policy: CLAIMTRACK_ALLOW_INSECURE_PLAINTEXT=true (profile tls)");
        }
      }
      if (profile === "plaintext" && !insecure) {
        fail(at, "policy: plaintext profile without CLAIMTRACK_ALLOW_INSECURE_PLAINTEXT=true");
      }
      // Files the flags name must be on a mounted volume; the data
      // directory on a writable one (the root file system is read-only).
      const mounts = c.volumeMounts ?? [];
      for (const m of mounts) {
        if (!volumes.has(m.name) && !claimTemplates.has(m.name)) {
          fail(at, `policy: volumeMount ${m.name} names no volume`);
        }
      }
      for (const variable of ["CLAIMTRACK_TLS_CERT_FILE", "CLAIMTRACK_TLS_KEY_FILE", "CLAIMTRACK_TLS_CA_FILE", "CLAIMTRACK_AUTH_TOKENS_FILE"]) {
        if (env[variable] && !under(env[variable], mounts)) {
          fail(at, `policy: ${variable}=${env[variable]} is on no mounted volume`);
        }
      }
      if (env.CLAIMTRACK_DATA_DIR) {
        const mount = under(env.CLAIMTRACK_DATA_DIR, mounts);
        if (!mount || mount.readOnly) {
          fail(at, `policy: CLAIMTRACK_DATA_DIR=${env.CLAIMTRACK_DATA_DIR} is on no writable volume`);
        }
      }
      // A store on SQLite (no database URL) has one writer per file: one
      // pod, which only a StatefulSet keeps from overlapping with its
      // successor in a rollout. Replicas need PostgreSQL.
      if (contract.store && !env.CLAIMTRACK_DATABASE_URL &&
          (obj.kind !== "StatefulSet" || (obj.spec?.replicas ?? 1) > 1)) {
        fail(at, `policy: ${obj.kind} of ${obj.spec?.replicas ?? 1} replica(s) on SQLite (no CLAIMTRACK_DATABASE_URL): one writer per file needs a StatefulSet of 1; replicas need PostgreSQL`);
      }
      // Peers are Services of this suite, on their API ports.
      for (const flag of contract.peerFlags) {
        const variable = `CLAIMTRACK_${flag.toUpperCase()}`;
        const peer = parsePort(env[variable]);
        const peerService = peer && find("Service", peer.host.split(".")[0]);
        if (!peer || !peerService || !(peerService.spec?.ports ?? []).some((p) => p.port === peer.port)) {
          fail(at, `policy: ${variable}=${env[variable] ?? "(not set)"} is not a Service port here`);
        }
      }
      // Probes: gRPC, on the health port, readiness per service name.
      for (const kind of ["readinessProbe", "livenessProbe", "startupProbe"]) {
        const probe = c[kind];
        if (!probe) {
          if (kind !== "startupProbe") {
            fail(at, `policy: no ${kind}`);
          }
          continue;
        }
        if (!probe.grpc) {
          fail(at, `policy: ${kind} is not a gRPC probe`);
        } else if (health && probe.grpc.port !== health.port) {
          fail(at, `policy: ${kind} probes port ${probe.grpc.port}, the health port is ${health.port}`);
        }
      }
      if (c.readinessProbe?.grpc && c.readinessProbe.grpc.service !== contract.healthName) {
        fail(at, `policy: readinessProbe asks for service "${c.readinessProbe.grpc.service ?? ""}", not ${contract.healthName}`);
      }
      // Resources.
      for (const bound of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (c.resources?.[bound]?.[resource] === undefined) {
            fail(at, `policy: no resources.${bound}.${resource}`);
          }
        }
      }
      // Security: non-root, read-only, no escalation, no capabilities,
      // RuntimeDefault seccomp (container settings win over the pod's).
      const security = c.securityContext ?? {};
      if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) {
        fail(at, "policy: runAsNonRoot is not true");
      }
      if ((security.runAsUser ?? podSecurity.runAsUser) === 0) {
        fail(at, "policy: runAsUser is 0");
      }
      if (security.readOnlyRootFilesystem !== true) {
        fail(at, "policy: readOnlyRootFilesystem is not true");
      }
      if (security.allowPrivilegeEscalation !== false) {
        fail(at, "policy: allowPrivilegeEscalation is not false");
      }
      if (security.privileged === true) {
        fail(at, "policy: privileged");
      }
      if (!(security.capabilities?.drop ?? []).includes("ALL") || (security.capabilities?.add ?? []).length > 0) {
        fail(at, "policy: capabilities do not drop ALL (or add some)");
      }
      if ((security.seccompProfile ?? podSecurity.seccompProfile)?.type !== "RuntimeDefault") {
        fail(at, "policy: seccompProfile is not RuntimeDefault");
      }
      // Drain: the preStop pause and the server's drain fit in the grace
      // period, with the rest for closing the store.
      const command = c.lifecycle?.preStop?.exec?.command ?? [];
      const sleep = c.lifecycle?.preStop?.sleep?.seconds ??
        (command[0] === "sleep" && command.length === 2 ? Number(command[1]) : null);
      if (sleep === null || Number.isNaN(sleep)) {
        fail(at, "policy: no preStop sleep (endpoints need a moment to drop the pod before SIGTERM)");
      }
      const drain = env.CLAIMTRACK_DRAIN_TIMEOUT === undefined
        ? kDefaultDrainSeconds
        : parseDurationSeconds(env.CLAIMTRACK_DRAIN_TIMEOUT);
      if (drain === null) {
        fail(at, `policy: CLAIMTRACK_DRAIN_TIMEOUT=${env.CLAIMTRACK_DRAIN_TIMEOUT} is not a duration`);
      }
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      if (sleep !== null && drain !== null && !(grace > sleep + drain)) {
        fail(at, `policy: terminationGracePeriodSeconds ${grace} is not more than preStop ${sleep} s + drain ${drain} s`);
      }
      const liveness = c.livenessProbe;
      if (liveness && drain !== null && sleep !== null &&
          (liveness.periodSeconds ?? 10) * (liveness.failureThreshold ?? 3) <= sleep + drain) {
        fail(at, "policy: livenessProbe would restart the pod during a drain (period x failureThreshold <= preStop + drain)");
      }
    }
  }

  // Services: headless, selecting pods that have the target port.
  for (const { obj, where } of byKind("Service")) {
    if (obj.spec?.clusterIP !== "None") {
      fail(where, "policy: not headless (clusterIP: None), so clients cannot balance across pods");
    }
    const pods = podsMatching(obj.spec?.selector);
    if (pods.length === 0) {
      fail(where, "policy: selector matches no pod template");
    }
    for (const port of obj.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const found = pods.some((w) => containerPorts(w).some((p) => p.name === target || p.containerPort === target));
      if (pods.length > 0 && !found) {
        fail(where, `policy: targetPort ${target} is no container port of the selected pods`);
      }
    }
  }
  for (const { obj, where } of byKind("PodDisruptionBudget")) {
    if (podsMatching(obj.spec?.selector?.matchLabels).length === 0) {
      fail(where, "policy: selector matches no pod template");
    }
  }
  for (const { obj, where } of byKind("HorizontalPodAutoscaler")) {
    const target = find(obj.spec?.scaleTargetRef?.kind, obj.spec?.scaleTargetRef?.name);
    if (!target) {
      fail(where, "policy: scaleTargetRef names nothing here");
    } else if ((target.spec?.template?.spec?.containers ?? []).some((c) => !c.resources?.requests?.cpu)) {
      fail(where, "policy: the target has a container without a CPU request (CPU utilisation is relative to it)");
    }
  }
  for (const { obj, where } of byKind("NetworkPolicy")) {
    const selected = podsMatching(obj.spec?.podSelector?.matchLabels);
    if (selected.length === 0) {
      fail(where, "policy: podSelector matches no pod template");
    }
    for (const rule of obj.spec?.ingress ?? []) {
      for (const port of rule.ports ?? []) {
        if (!selected.some((w) => containerPorts(w).some((p) => p.containerPort === port.port || p.name === port.port))) {
          fail(where, `policy: ingress port ${port.port} is no container port of the selected pods`);
        }
      }
    }
    for (const rule of obj.spec?.egress ?? []) {
      for (const peer of rule.to ?? []) {
        if (peer.namespaceSelector || peer.ipBlock || !peer.podSelector) {
          continue;
        }
        const peers = podsMatching(peer.podSelector.matchLabels);
        if (peers.length === 0) {
          fail(where, "policy: an egress podSelector matches no pod template");
        }
        for (const port of rule.ports ?? []) {
          if (!peers.some((w) => containerPorts(w).some((p) => p.containerPort === port.port))) {
            fail(where, `policy: egress port ${port.port} is no container port of the peer pods`);
          }
        }
      }
    }
  }
}

// ---- main ---------------------------------------------------------------

const { profiles, files, binDir } = parseArgs(process.argv.slice(2));
const all = [];
for (const file of files) {
  try {
    all.push(...loadFile(file));
  } catch (e) {
    fail(file, `yaml: ${e.message}`);
  }
}
await checkSchemas(all);
checkTypes(all);
for (const file of files) {
  const set = path.basename(file).replace(/\.ya?ml$/, "");
  checkPolicy(all.filter((e) => e.set === set), profiles.get(set), binDir);
}
for (const note of notes) {
  console.log(`note: ${note}`);
}

if (errors.length > 0) {
  for (const error of errors) {
    console.log(error);
  }
  console.log(`check-manifests: ${errors.length} problem(s) in ${all.length} objects`);
  process.exit(1);
}
console.log(`check-manifests: ${all.length} objects in ${files.length} file(s): schema, types and policy clean`);
