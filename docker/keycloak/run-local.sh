#!/usr/bin/env bash
# Runs Keycloak on this machine without Docker, with Ferry's realm (ferry-realm.json) imported: for operators
# trying Ferry out and for automated tests that need a real Keycloak. Dev mode (start-dev): plain HTTP and an H2
# database under target/keycloak; never a production Keycloak.
#
# Usage: docker/keycloak/run-local.sh [--reset] [more kc.sh start-dev options, e.g. --health-enabled=true]
#   --reset  forget the realm imported earlier and import ferry-realm.json again (import skips existing realms)
# Environment (all optional):
#   KEYCLOAK_VERSION (26.7.3), KEYCLOAK_PORT (8180), KEYCLOAK_HOST (127.0.0.1: the demo passwords stay local),
#   FERRY_OIDC_CLIENT_SECRET  the ferry client's secret; else the one saved in target/keycloak/client-secret,
#                             else a new random one saved there
#   KC_BOOTSTRAP_ADMIN_PASSWORD  password of the master-realm admin "kcadmin"; else target/keycloak/admin-password
# Runs in the foreground (Ctrl-C stops it); a test can start it in the background and wait for
#   http://localhost:8180/realms/ferry/.well-known/openid-configuration
set -euo pipefail

version="${KEYCLOAK_VERSION:-26.7.3}"
port="${KEYCLOAK_PORT:-8180}"
host="${KEYCLOAK_HOST:-127.0.0.1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="$root/target/keycloak"
home="$base/keycloak-$version"

reset=false
if [[ "${1:-}" == "--reset" ]]; then
  reset=true
  shift
fi

umask 077 # the saved secrets below are readable by this user only
mkdir -p "$base"

if [[ ! -x "$home/bin/kc.sh" ]]; then
  zip="$base/keycloak-quarkus-dist-$version.zip"
  if [[ ! -f "$zip" ]]; then
    echo "Downloading keycloak-quarkus-dist $version (about 170 MB) through Maven into $base"
    (cd "$root" && ./mvnw -B -q dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip" "-DoutputDirectory=$base")
  fi
  unzip -q "$zip" -d "$base"
fi

# A secret from the environment, else from its file under target/keycloak, else new. It is saved to the file when
# the file is absent, so later runs (and Ferry) use the secret the realm was imported with.
secret() {
  local name="$1" file="$base/$2" value
  if [[ -n "${!name:-}" ]]; then
    value="${!name}"
  elif [[ -s "$file" ]]; then
    value="$(cat "$file")"
  else
    value="$(openssl rand -hex 24)"
  fi
  [[ -s "$file" ]] || printf '%s' "$value" >"$file"
  printf '%s' "$value"
}
FERRY_OIDC_CLIENT_SECRET="$(secret FERRY_OIDC_CLIENT_SECRET client-secret)"
KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret KC_BOOTSTRAP_ADMIN_PASSWORD admin-password)"
# The realm import replaces ${FERRY_OIDC_CLIENT_SECRET} and ${FERRY_PUBLIC_URL:...} in ferry-realm.json.
export FERRY_OIDC_CLIENT_SECRET KC_BOOTSTRAP_ADMIN_PASSWORD
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}"

if [[ "$reset" == true ]]; then
  rm -rf "$home/data/h2"
fi
mkdir -p "$home/data/import"
cp "$here/ferry-realm.json" "$home/data/import/ferry-realm.json"

cat <<INFO
Keycloak $version on http://localhost:$port (realm ferry; demo users alice, bob, casey, dana, admin: password = username)
Admin console: http://localhost:$port/admin as $KC_BOOTSTRAP_ADMIN_USERNAME, password in $base/admin-password
For Ferry (prod profile):
  export FERRY_OIDC_ISSUER=http://localhost:$port/realms/ferry FERRY_OIDC_CLIENT_ID=ferry FERRY_OIDC_ORIGIN=http://localhost:$port
  export FERRY_OIDC_CLIENT_SECRET="\$(cat $base/client-secret)"
INFO

exec "$home/bin/kc.sh" start-dev --http-host "$host" --http-port "$port" --import-realm "$@"
