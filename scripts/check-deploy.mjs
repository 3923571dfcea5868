// `npm run check-deploy`: checks the deployment artefacts without a container engine or a
// cluster (neither exists on the machines this runs on).
//
//   - the Helm chart: `helm lint --strict` and `helm template` for every values file in
//     deploy/helm/hydra-login-provider/ci/, each rendering validated by `kubeconform -strict`
//     against schemas generated from k8s.io/api (bootstrap.mjs ensureGoTools says why), plus
//     what each values file promises (kinds, hardening, metrics) and the values it must refuse;
//   - docker-compose.yml: loaded by compose-go as `docker compose config` would, against the
//     Compose specification's schema, with .env.example; every ${VAR:?} must really be required;
//   - the Dockerfile: BuildKit's own checks (the rules `docker build --check` applies, run by
//     deploy/tools/dockerfile-check without an engine), hadolint when it is on PATH (it is
//     neither a Debian 12 nor a working npm package here, so usually skipped), and the probe
//     paths it and the chart use must exist.
//
// Node builtins only. Exits non-zero when any check fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureGoTools, root } from "./bootstrap.mjs";

const chart = join(root, "deploy", "helm", "hydra-login-provider");
const chartValues = join(chart, "ci");

// What each values file must render, beyond passing kubeconform: the kinds (and the kinds it
// must not render) and text the manifests must contain.
const expectations = {
  "minimal-values.yaml": {
    kinds: ["Deployment", "Service", "Secret", "ServiceAccount", "Pod"],
    absent: ["Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "PersistentVolumeClaim"],
    contains: [
      "readOnlyRootFilesystem: true",
      "runAsNonRoot: true",
      "allowPrivilegeEscalation: false",
      "- ALL",
      "type: RuntimeDefault",
      "mountPath: /tmp",
      "path: /health/alive",
      "path: /health/ready",
      "key: DATABASE_URL",
      "checksum/secret:",
    ],
  },
  "production-values.yaml": {
    kinds: ["Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"],
    // The Secret is managed outside Helm (secret.existingSecret).
    absent: ["Secret", "PersistentVolumeClaim"],
    contains: ["name: hydra-login-provider-secrets", "@sha256:", "- Egress", "port: 4445", "port: 5432"],
  },
  "metrics-values.yaml": {
    kinds: ["Deployment", "Service", "NetworkPolicy", "Secret"],
    absent: ["Ingress"],
    contains: ['prometheus.io/port: "9464"', "containerPort: 9464", "name: METRICS_PORT", "port: metrics", "key: SESSION_SECRETS"],
  },
  "sqlite-values.yaml": {
    kinds: ["Deployment", "PersistentVolumeClaim", "Secret"],
    absent: ["HorizontalPodAutoscaler"],
    contains: ["type: Recreate", "mountPath: /data", "value: /data/accounts.sqlite"],
  },
};

// Values the chart must refuse, and the words its error must contain.
const refusals = [
  { name: "no values at all", args: [], message: "config.appUrl is required" },
  {
    name: "SQLite with two replicas",
    args: ["-f", join(chartValues, "sqlite-values.yaml"), "--set", "replicaCount=2"],
    message: "serves exactly one replica",
  },
  {
    name: "PostgreSQL without a database URL",
    args: ["-f", join(chartValues, "minimal-values.yaml"), "--set", "secret.databaseUrl="],
    message: "needs secret.databaseUrl",
  },
  {
    name: "an app URL with a trailing slash",
    args: ["-f", join(chartValues, "minimal-values.yaml"), "--set", "config.appUrl=https://login.example.com/"],
    message: "without a trailing slash",
  },
];

// Secrets and public URLs docker-compose.yml must refuse to start without (no default, no "").
const composeRequired = [
  "POSTGRES_PASSWORD",
  "HYDRA_DB_PASSWORD",
  "PROVIDER_DB_PASSWORD",
  "HYDRA_SECRETS_SYSTEM",
  "SESSION_SECRET",
  "APP_URL",
  "HYDRA_PUBLIC_URL",
];

function execute(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  if (result.error) return { ok: false, output: `${command} could not start: ${result.error.message}` };
  return { ok: result.status === 0, output, stdout: result.stdout ?? "" };
}

function onPath(command) {
  return (process.env.PATH ?? "")
    .split(":")
    .filter(Boolean)
    .some((folder) => existsSync(join(folder, command)));
}

export function checkDeploy() {
  const started = Date.now();
  const results = [];
  const record = (name, status, detail = "") => {
    results.push({ name, status });
    console.log(`${status.toUpperCase().padEnd(4)} ${name}${detail ? `\n${detail.replace(/^/gm, "     ")}` : ""}`);
  };

  let tools;
  try {
    tools = ensureGoTools();
  } catch (error) {
    record("build the deployment tools and the Kubernetes schemas", "fail", error.message);
    return summarise(results, started);
  }
  const work = mkdtempSync(join(tmpdir(), "check-deploy-"));
  const kube = ["--kube-version", tools.kubernetesVersion];

  try {
    for (const file of readdirSync(chartValues).filter((name) => name.endsWith("-values.yaml")).sort()) {
      const values = join(chartValues, file);
      const label = `chart with ci/${file}`;

      const lint = execute(tools.helm, ["lint", "--strict", ...kube, chart, "-f", values]);
      record(`helm lint --strict, ${label}`, lint.ok ? "pass" : "fail", lint.ok ? "" : lint.output);

      const template = execute(tools.helm, ["template", "check", chart, ...kube, "-f", values]);
      if (!template.ok) {
        record(`helm template, ${label}`, "fail", template.output);
        continue;
      }
      const manifests = join(work, file);
      writeFileSync(manifests, template.stdout);

      const validation = execute(tools.kubeconform, [
        "-strict",
        "-summary",
        "-verbose",
        "-output",
        "json",
        "-kubernetes-version",
        tools.kubernetesVersion,
        "-schema-location",
        tools.schemaDir,
        manifests,
      ]);
      let report;
      try {
        report = JSON.parse(validation.stdout);
      } catch {
        report = undefined;
      }
      const resources = report?.resources ?? [];
      const broken = resources.filter((resource) => resource.status !== "statusValid");
      const summary = report?.summary;
      const counted = summary ? `${summary.valid} valid, ${summary.invalid} invalid, ${summary.errors} errors, ${summary.skipped} skipped` : "";
      const valid = validation.ok && report && broken.length === 0 && resources.length > 0;
      record(
        `kubeconform -strict (Kubernetes ${tools.kubernetesVersion}), ${label}: ${counted}`,
        valid ? "pass" : "fail",
        valid ? "" : broken.map((resource) => `${resource.kind} ${resource.name}: ${resource.msg}`).join("\n") || validation.output,
      );

      const expected = expectations[file];
      if (!expected) {
        record(`expectations for ci/${file}`, "fail", "scripts/check-deploy.mjs lists none for this values file: add them");
        continue;
      }
      const kinds = new Set(resources.map((resource) => resource.kind));
      const problems = [
        ...expected.kinds.filter((kind) => !kinds.has(kind)).map((kind) => `renders no ${kind}`),
        ...expected.absent.filter((kind) => kinds.has(kind)).map((kind) => `renders a ${kind}, which it must not`),
        ...expected.contains.filter((text) => !template.stdout.includes(text)).map((text) => `lacks "${text}"`),
      ];
      record(`rendered resources and settings, ${label}`, problems.length === 0 ? "pass" : "fail", problems.join("\n"));
    }

    for (const refusal of refusals) {
      const attempt = execute(tools.helm, ["template", "check", chart, ...kube, ...refusal.args]);
      const refused = !attempt.ok && attempt.output.includes(refusal.message);
      record(
        `chart refuses ${refusal.name}`,
        refused ? "pass" : "fail",
        refused ? "" : `expected a failure saying "${refusal.message}", got: ${attempt.ok ? "success" : attempt.output}`,
      );
    }

    const compose = execute(tools.composeCheck, [
      "-file",
      join(root, "docker-compose.yml"),
      "-env-file",
      join(root, ".env.example"),
      "-require",
      composeRequired.join(","),
    ]);
    record("docker-compose.yml against the Compose specification (compose-go)", compose.ok ? "pass" : "fail", compose.output);

    // The image's HEALTHCHECK and the chart's probes name these paths; next.config.mjs maps
    // /health/* onto pages/api/health/*.
    const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
    const values = readFileSync(join(chart, "values.yaml"), "utf8");
    const probeProblems = ["alive", "ready"]
      .filter((name) => !existsSync(join(root, "pages", "api", "health", `${name}.ts`)))
      .map((name) => `pages/api/health/${name}.ts is missing`);
    if (!dockerfile.includes("/health/alive")) probeProblems.push("the Dockerfile's HEALTHCHECK does not ask /health/alive");
    if (!values.includes("path: /health/ready")) probeProblems.push("the chart's readiness probe does not ask /health/ready");
    record("probe paths exist (Dockerfile HEALTHCHECK, chart probes)", probeProblems.length === 0 ? "pass" : "fail", probeProblems.join("\n"));

    const buildkit = execute(tools.dockerfileCheck, [join(root, "Dockerfile")]);
    record("Dockerfile: BuildKit's checks (docker build --check)", buildkit.ok ? "pass" : "fail", buildkit.ok ? "" : buildkit.output);

    if (onPath("hadolint")) {
      const lint = execute("hadolint", [join(root, "Dockerfile")]);
      record("hadolint Dockerfile", lint.ok ? "pass" : "fail", lint.output);
    } else {
      record("hadolint Dockerfile", "skip", "hadolint is not on PATH (not packaged for Debian 12; the npm wrapper downloads it from GitHub)");
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return summarise(results, started);
}

function summarise(results, started) {
  const count = (status) => results.filter((result) => result.status === status).length;
  const totals = { passed: count("pass"), failed: count("fail"), skipped: count("skip") };
  console.log(`\ncheck-deploy took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`check-deploy: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return totals;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(checkDeploy().failed === 0 ? 0 : 1);
}
