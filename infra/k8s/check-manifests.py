#!/usr/bin/python3
"""infra/k8s/check-manifests.py: checks a rendered overlay (kubectl kustomize output on stdin) for what a
schema cannot see: that the parts fit together.

  kubectl kustomize infra/k8s/overlays/production | /usr/bin/python3 infra/k8s/check-manifests.py production

Checks: every service Deployment has liveness, readiness and startup probes on its health endpoints, resource
requests and a memory limit, the shared ConfigMap and no owner credentials (ConnectionStrings__Migrations)
with migrations off at start-up; the migration Job runs every service with a database in MigrateOnly mode
with the owner's connection; each Service selects pods that exist and names a port they have; each Ingress
backend and each HorizontalPodAutoscaler/PodDisruptionBudget target exists (the APIs and the risk workers
scaled separately); every Secret key a pod needs is in the generated Secret (local) or documented in
docs/deployment.md (production, where the Secret is made outside git). Exit 1 with a list of findings.
Needs PyYAML (Debian: python3-yaml).
"""
import os
import sys

import yaml

DATABASE_SERVICES = ["identity", "tenants", "engagements", "sla", "risk"]
APIS = ["identity", "tenants", "engagements", "sla", "risk", "portal"]


def main() -> int:
    overlay = sys.argv[1] if len(sys.argv) > 1 else "?"
    docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
    findings: list[str] = []
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d

    def kind(k: str) -> dict[str, dict]:
        return by_kind.get(k, {})

    config_maps = kind("ConfigMap")
    config = config_maps.get("sourcing-config", {}).get("data", {})
    if not config:
        findings.append("no ConfigMap sourcing-config")
    if config.get("Database__MigrateOnStartup") != "false":
        findings.append("sourcing-config: Database__MigrateOnStartup must be \"false\" (the migration Job migrates)")

    secrets = kind("Secret")
    secret_keys = set()
    if "sourcing-secrets" in secrets:
        s = secrets["sourcing-secrets"]
        secret_keys = set((s.get("data") or {}).keys()) | set((s.get("stringData") or {}).keys())
    deployment_doc = open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "deployment.md"), encoding="utf-8").read()

    def pod_spec(workload: dict) -> dict:
        return workload["spec"]["template"]["spec"]

    def check_secret_refs(owner: str, container: dict) -> None:
        for env in container.get("env", []):
            ref = (env.get("valueFrom") or {}).get("secretKeyRef")
            if not ref:
                continue
            if ref.get("name") != "sourcing-secrets":
                findings.append(f"{owner}: {env['name']} refers to Secret {ref.get('name')}, not sourcing-secrets")
                continue
            key = ref["key"]
            if secrets and key not in secret_keys and not ref.get("optional"):
                findings.append(f"{owner}: {env['name']} needs key {key}, missing from the generated Secret")
            if f"`{key}`" not in deployment_doc:
                findings.append(f"{owner}: Secret key {key} is not documented in docs/deployment.md")

    def env_names(container: dict) -> dict[str, str | None]:
        return {e["name"]: e.get("value") for e in container.get("env", [])}

    sourcing_deployments = {n: d for n, d in kind("Deployment").items()
                            if d["metadata"].get("labels", {}).get("app.kubernetes.io/part-of") == "sourcing"}
    for name in APIS + ["risk-worker"]:
        if name not in sourcing_deployments:
            findings.append(f"no Deployment {name}")
    for name, d in sourcing_deployments.items():
        for c in pod_spec(d)["containers"]:
            owner = f"Deployment {name}/{c['name']}"
            ports = {p.get("name") for p in c.get("ports", [])}
            for probe, path in [("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready"), ("startupProbe", "/health/live")]:
                get = (c.get(probe) or {}).get("httpGet")
                if not get:
                    findings.append(f"{owner}: no {probe}")
                elif get.get("path") != path or get.get("port") not in ports:
                    findings.append(f"{owner}: {probe} should GET {path} on a declared port (has {get})")
            resources = c.get("resources") or {}
            if not (resources.get("requests") or {}).get("cpu") or not (resources.get("requests") or {}).get("memory"):
                findings.append(f"{owner}: no cpu and memory requests (the autoscalers need them)")
            if not (resources.get("limits") or {}).get("memory"):
                findings.append(f"{owner}: no memory limit")
            if not any((e.get("configMapRef") or {}).get("name") == "sourcing-config" for e in c.get("envFrom", [])):
                findings.append(f"{owner}: does not read the ConfigMap sourcing-config")
            names = env_names(c)
            if "ConnectionStrings__Migrations" in names or "Database__MigrateOnly" in names:
                findings.append(f"{owner}: a service holds no owner credentials and never runs as the migration job")
            if name != "portal" and "ConnectionStrings__Database" not in names:
                findings.append(f"{owner}: no ConnectionStrings__Database")
            if ":" not in c["image"] or (overlay == "production" and c["image"].endswith(":latest")):
                findings.append(f"{owner}: image {c['image']} has no pinned tag")
            check_secret_refs(owner, c)
        if name.startswith("risk"):
            role = env_names(pod_spec(d)["containers"][0]).get("Risk__Role")
            expected = "worker" if name == "risk-worker" else "api"
            if role != expected:
                findings.append(f"Deployment {name}: Risk__Role should be {expected}, is {role}")

    jobs = kind("Job")
    job = jobs.get("sourcing-migrations")
    if not job:
        findings.append("no Job sourcing-migrations")
    else:
        spec = pod_spec(job)
        containers = spec.get("initContainers", []) + spec["containers"]
        seen = []
        for c in containers:
            owner = f"Job sourcing-migrations/{c['name']}"
            names = env_names(c)
            if names.get("Database__MigrateOnly") != "true":
                findings.append(f"{owner}: Database__MigrateOnly is not \"true\"")
            if "ConnectionStrings__Migrations" not in names or "ConnectionStrings__Database" not in names:
                findings.append(f"{owner}: needs the owner's and the run-time role's connection strings")
            image = c["image"].rsplit(":", 1)[0].rsplit("/", 1)[-1]
            if image != c["name"]:
                findings.append(f"{owner}: runs image {c['image']}, not the {c['name']} service's")
            service_image = next((x["image"] for d in sourcing_deployments.values() for x in pod_spec(d)["containers"]
                                  if x["image"].rsplit(":", 1)[0].endswith("/" + c["name"])), None)
            if service_image and service_image != c["image"]:
                findings.append(f"{owner}: image {c['image']} differs from the service's {service_image}")
            check_secret_refs(owner, c)
            seen.append(c["name"])
        if sorted(seen) != sorted(DATABASE_SERVICES):
            findings.append(f"Job sourcing-migrations migrates {seen}, should migrate {DATABASE_SERVICES}")

    workloads = list(kind("Deployment").values()) + list(kind("StatefulSet").values())

    def pods_matching(selector: dict) -> list[dict]:
        return [w for w in workloads
                if all(w["spec"]["template"]["metadata"].get("labels", {}).get(k) == v for k, v in selector.items())]

    for name, s in kind("Service").items():
        matches = pods_matching(s["spec"].get("selector", {}))
        if not matches:
            findings.append(f"Service {name}: its selector matches no pods")
            continue
        ports = {p.get("name") for w in matches for c in pod_spec(w)["containers"] for p in c.get("ports", [])}
        for p in s["spec"]["ports"]:
            if isinstance(p.get("targetPort"), str) and p["targetPort"] not in ports:
                findings.append(f"Service {name}: targetPort {p['targetPort']} is not a port of its pods")

    services = kind("Service")
    for name, ing in kind("Ingress").items():
        hosts = set()
        for rule in ing["spec"].get("rules", []):
            hosts.add(rule.get("host"))
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                target = services.get(backend["name"])
                if not target:
                    findings.append(f"Ingress {name}: backend {backend['name']} is no Service")
                elif backend["port"].get("number") not in [p["port"] for p in target["spec"]["ports"]]:
                    findings.append(f"Ingress {name}: {backend['name']} has no port {backend['port']}")
        for tls in ing["spec"].get("tls", []):
            for h in tls.get("hosts", []):
                if h not in hosts:
                    findings.append(f"Ingress {name}: TLS host {h} has no rule")
        served = {path["backend"]["service"]["name"] for rule in ing["spec"].get("rules", []) for path in rule["http"]["paths"]}
        for api in APIS:
            if api not in served:
                findings.append(f"Ingress {name}: {api} is not reachable")

    hpas = kind("HorizontalPodAutoscaler")
    targets = {h["spec"]["scaleTargetRef"]["name"] for h in hpas.values()}
    for name, h in hpas.items():
        if h["spec"]["scaleTargetRef"]["name"] not in kind("Deployment"):
            findings.append(f"HorizontalPodAutoscaler {name}: no Deployment {h['spec']['scaleTargetRef']['name']}")
    for name in APIS + ["risk-worker"]:
        if name not in targets:
            findings.append(f"no HorizontalPodAutoscaler for {name}")

    for name, pdb in kind("PodDisruptionBudget").items():
        if not pods_matching(pdb["spec"]["selector"]["matchLabels"]):
            findings.append(f"PodDisruptionBudget {name}: selects no pods")

    for w in workloads:
        for v in pod_spec(w).get("volumes", []):
            claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
            if claim and claim not in kind("PersistentVolumeClaim"):
                findings.append(f"{w['kind']} {w['metadata']['name']}: volume claim {claim} does not exist")
            cm = (v.get("configMap") or {}).get("name")
            if cm and cm not in config_maps:
                findings.append(f"{w['kind']} {w['metadata']['name']}: ConfigMap {cm} does not exist")

    counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items()))
    if findings:
        print(f"check-manifests ({overlay}): {len(findings)} finding(s) in {counts}:")
        for f in findings:
            print(f"  - {f}")
        return 1
    print(f"check-manifests ({overlay}): fits together ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
