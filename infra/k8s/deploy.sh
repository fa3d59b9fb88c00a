#!/usr/bin/env bash
# infra/k8s/deploy.sh: deploys Sourcing to the cluster kubectl points at (docs/deployment.md).
#   bash infra/k8s/deploy.sh local
#       builds the six images with docker (tag :local), loads them into kind when the context is kind-*,
#       and deploys overlays/local (servers included) to namespace "sourcing".
#   REGISTRY=registry.example.com/sourcing TAG=1.4.0 bash infra/k8s/deploy.sh production
#       builds and pushes the images when REGISTRY and TAG are set, deploys overlays/production with them.
# Order: config, secrets and servers; then the migration Job, waited for (its logs are printed if it fails);
# then everything else, waiting for each rollout. Needs kubectl (with kustomize) and, to build, docker.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OVERLAY="${1:-}"
[[ "$OVERLAY" == local || "$OVERLAY" == production ]] || { echo "usage: $0 local|production" >&2; exit 2; }
NAMESPACE=sourcing
SERVICES=(identity tenants engagements sla risk portal)
say() { echo "[deploy $(date +%H:%M:%S)] $*"; }

render() {
  local dir="$ROOT/infra/k8s/overlays/$OVERLAY"
  if [[ -n "${REGISTRY:-}" && -n "${TAG:-}" ]]; then
    # A throw-away overlay on top of the chosen one that names the images just pushed.
    local tmp; tmp="$(mktemp -d)"
    {
      echo "apiVersion: kustomize.config.k8s.io/v1beta1"
      echo "kind: Kustomization"
      echo "resources: [\"$dir\"]"
      echo "images:"
      for s in "${SERVICES[@]}"; do
        printf '  - name: sourcing/%s\n    newName: %s/%s\n    newTag: "%s"\n' "$s" "$REGISTRY" "$s" "$TAG"
        printf '  - name: registry.example.com/sourcing/%s\n    newName: %s/%s\n    newTag: "%s"\n' "$s" "$REGISTRY" "$s" "$TAG"
      done
    } >"$tmp/kustomization.yaml"
    kubectl kustomize --load-restrictor=LoadRestrictionsNone "$tmp"
    rm -rf "$tmp"
  else
    kubectl kustomize --load-restrictor=LoadRestrictionsNone "$dir"
  fi
}

build_images() {
  local tag="$1" prefix="$2"
  for s in "${SERVICES[@]}"; do
    local name; name="$(tr '[:lower:]' '[:upper:]' <<<"${s:0:1}")${s:1}"
    say "building $prefix/$s:$tag (services/$name/Dockerfile)"
    docker build -q -f "$ROOT/services/$name/Dockerfile" -t "$prefix/$s:$tag" "$ROOT" >/dev/null
  done
}

if [[ "$OVERLAY" == local ]]; then
  build_images local sourcing
  if [[ "$(kubectl config current-context)" == kind-* ]]; then
    cluster="$(kubectl config current-context)"; cluster="${cluster#kind-}"
    for s in "${SERVICES[@]}"; do
      say "loading sourcing/$s:local into kind cluster $cluster"
      kind load docker-image "sourcing/$s:local" --name "$cluster"
    done
  fi
elif [[ -n "${REGISTRY:-}" && -n "${TAG:-}" ]]; then
  build_images "$TAG" "$REGISTRY"
  for s in "${SERVICES[@]}"; do say "pushing $REGISTRY/$s:$TAG"; docker push -q "$REGISTRY/$s:$TAG" >/dev/null; done
else
  say "REGISTRY and TAG not set: deploying the images the overlay names"
fi

manifests="$(mktemp)"; trap 'rm -f "$manifests"' EXIT
render >"$manifests"
/usr/bin/python3 "$ROOT/infra/k8s/check-manifests.py" "$OVERLAY" <"$manifests"

if [[ "$OVERLAY" == production ]]; then
  kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
  kubectl -n "$NAMESPACE" get secret sourcing-secrets >/dev/null 2>&1 \
    || { echo "Secret sourcing-secrets is missing in namespace $NAMESPACE: create it first (docs/deployment.md)." >&2; exit 1; }
fi

say "applying configuration, secrets and servers"
kubectl apply -f "$manifests" -l 'app.kubernetes.io/component in (config)'
if [[ "$OVERLAY" == local ]]; then
  say "waiting for PostgreSQL and RabbitMQ"
  kubectl -n "$NAMESPACE" rollout status statefulset/postgres --timeout=300s
  kubectl -n "$NAMESPACE" rollout status deployment/rabbitmq --timeout=300s
fi

say "running the migration Job"
kubectl -n "$NAMESPACE" delete job sourcing-migrations --ignore-not-found --wait=true
kubectl apply -f "$manifests" -l 'app.kubernetes.io/component in (migrations)'
if ! kubectl -n "$NAMESPACE" wait --for=condition=complete job/sourcing-migrations --timeout=900s; then
  kubectl -n "$NAMESPACE" logs job/sourcing-migrations --all-containers --tail=100 || true
  echo "The migration Job did not complete: nothing else was changed." >&2
  exit 1
fi

say "rolling out the services"
kubectl apply -f "$manifests"
for d in identity tenants engagements sla risk risk-worker portal; do
  kubectl -n "$NAMESPACE" rollout status "deployment/$d" --timeout=600s
done
say "done. Pods: kubectl -n $NAMESPACE get pods; logs: kubectl -n $NAMESPACE logs deployment/<name>"
if [[ "$OVERLAY" == local ]]; then
  cat <<TXT
To use it from this machine (tokens name http://identity:5100/ as issuer, as with docker compose):
  echo '127.0.0.1 identity' | sudo tee -a /etc/hosts
  kubectl -n $NAMESPACE port-forward svc/identity 5100 & kubectl -n $NAMESPACE port-forward svc/portal 5000 &
  kubectl -n $NAMESPACE port-forward svc/maildev 1080 &
then open http://localhost:5000/ and sign up; e-mails at http://localhost:1080/.
TXT
fi
