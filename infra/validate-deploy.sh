#!/usr/bin/env bash
# infra/validate-deploy.sh: validates the deployment files without running them (no container engine or
# cluster is needed): docker-compose.yml with `docker-compose config` (Debian's docker-compose), both
# Kustomize overlays rendered with `kubectl kustomize`, and the rendered manifests' fit checked by
# infra/k8s/check-manifests.py. Run by infra/test.sh (so by CI); exits non-zero on any failure.
# Output: .data/logs/validate-deploy.log (rendered manifests: .data/logs/k8s-<overlay>.yaml).
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_FILE="$REPO_ROOT/.data/logs/validate-deploy.log"
mkdir -p "$(dirname "$LOG_FILE")"
: >"$LOG_FILE"

command -v docker-compose >/dev/null 2>&1 || die "docker-compose is missing (infra/install.sh installs Debian's docker-compose)"
log "validate-deploy: docker-compose config (docker-compose.yml)"
if ! (cd "$REPO_ROOT" && docker-compose config --quiet) >>"$LOG_FILE" 2>&1; then
  show_log_tail "$LOG_FILE"
  die "docker-compose.yml does not validate (log: $LOG_FILE)"
fi
services="$(cd "$REPO_ROOT" && docker-compose config --services 2>>"$LOG_FILE" | sort | tr '\n' ' ')"
for s in postgres rabbitmq maildev identity tenants engagements sla risk portal; do
  [[ " $services " == *" $s "* ]] || die "docker-compose.yml has no service $s (has: $services)"
done

if ! command -v kubectl >/dev/null 2>&1; then
  die "kubectl is missing: it renders the Kustomize overlays (kubectl kustomize); install kubectl 1.27+"
fi
for overlay in local production; do
  rendered="$REPO_ROOT/.data/logs/k8s-$overlay.yaml"
  log "validate-deploy: kubectl kustomize infra/k8s/overlays/$overlay, then check-manifests.py"
  if ! kubectl kustomize --load-restrictor=LoadRestrictionsNone "$REPO_ROOT/infra/k8s/overlays/$overlay" >"$rendered" 2>>"$LOG_FILE"; then
    show_log_tail "$LOG_FILE"
    die "infra/k8s/overlays/$overlay does not render (log: $LOG_FILE)"
  fi
  if ! /usr/bin/python3 "$REPO_ROOT/infra/k8s/check-manifests.py" "$overlay" <"$rendered" 2>&1 | tee -a "$LOG_FILE"; then
    die "infra/k8s/overlays/$overlay: the manifests do not fit together (see above)"
  fi
done
log "validate-deploy: docker-compose.yml and both overlays are valid"
