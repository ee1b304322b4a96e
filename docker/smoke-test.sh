#!/usr/bin/env bash
# Checks a running Ferry against its Keycloak the way a browser and an API client would:
#   1. /q/health/ready is UP;
#   2. a user signs in through the authorization code flow with PKCE (the only flow the realm allows) and
#      GET /api/v1/me with that access token answers 200 with the account and its roles;
#   3. the same user signs in to Ferry's pages (code flow driven by Ferry itself) and sees their home page.
# No password grant is needed, so the realm needs no test-only client.
#
# Usage: FERRY_OIDC_CLIENT_SECRET=... docker/smoke-test.sh [username] [expected-role]
# Environment: FERRY_URL (http://localhost:8080), KEYCLOAK_URL (http://localhost:8180), REALM (ferry),
#              FERRY_OIDC_CLIENT_ID (ferry), SMOKE_PASSWORD (defaults to the username: demo users only).
# Secrets and passwords are passed to curl on stdin, never as arguments (arguments are visible in ps).
set -euo pipefail

user="${1:-alice}"
expected_role="${2:-participant}"
password="${SMOKE_PASSWORD:-$user}"
ferry="${FERRY_URL:-http://localhost:8080}"
keycloak="${KEYCLOAK_URL:-http://localhost:8180}"
realm="${REALM:-ferry}"
client_id="${FERRY_OIDC_CLIENT_ID:-ferry}"
client_secret="${FERRY_OIDC_CLIENT_SECRET:?set FERRY_OIDC_CLIENT_SECRET to the ferry client secret}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }
# The action of the Keycloak login form in a page (HTML-escaped ampersands undone).
form_action() { grep -o 'action="[^"]*"' "$1" | head -n1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g'; }
# Posts username and password to a Keycloak login form; prints the redirect it answers with.
submit_login() {
  local page="$1" jar="$2" action
  action="$(form_action "$page")"
  [[ -n "$action" ]] || fail "no login form from Keycloak: $(grep -o 'Invalid parameter[^<]*' "$page" | head -n1)"
  printf 'username=%s&password=%s&credentialId=' "$(urlencode "$user")" "$(urlencode "$password")" |
    curl -sS -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" --data-binary @- "$action"
}

echo "1. readiness of $ferry"
health="$(curl -sS "$ferry/q/health/ready")"
[[ "$(jq -r .status <<<"$health")" == "UP" ]] || fail "readiness is not UP: $health"
echo "   UP"

echo "2. $user signs in at $keycloak (code flow + PKCE S256) and calls GET /api/v1/me with the access token"
verifier="$(openssl rand -hex 48)"
challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
state="$(openssl rand -hex 16)"
redirect_uri="$ferry/smoke-test"
oidc="$keycloak/realms/$realm/protocol/openid-connect"
curl -sS -c "$work/kc" -o "$work/login.html" \
  "$oidc/auth?response_type=code&scope=openid&client_id=$(urlencode "$client_id")&redirect_uri=$(urlencode "$redirect_uri")&state=$state&code_challenge=$challenge&code_challenge_method=S256"
back="$(submit_login "$work/login.html" "$work/kc")"
[[ "$back" == "$redirect_uri?"* ]] || fail "sign-in did not return to $redirect_uri (wrong password, locked out, or redirect URI not allowed)"
[[ "$back" == *"state=$state"* ]] || fail "state was not returned"
code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$back")"
printf 'grant_type=authorization_code&code=%s&redirect_uri=%s&client_id=%s&client_secret=%s&code_verifier=%s' \
  "$code" "$(urlencode "$redirect_uri")" "$(urlencode "$client_id")" "$(urlencode "$client_secret")" "$verifier" |
  curl -sS --data-binary @- "$oidc/token" >"$work/token.json"
access_token="$(jq -r '.access_token // empty' "$work/token.json")"
[[ -n "$access_token" ]] || fail "no access token: $(jq -c '{error, error_description}' "$work/token.json")"
status="$(printf 'header = "Authorization: Bearer %s"\n' "$access_token" |
  curl -sS -K - -o "$work/me.json" -w '%{http_code}' "$ferry/api/v1/me")"
[[ "$status" == "200" ]] || fail "GET /api/v1/me answered $status: $(cat "$work/me.json")"
jq -e --arg u "$user" --arg r "$expected_role" '.account.username == $u and (.account.roles | index($r))' \
  "$work/me.json" >/dev/null || fail "unexpected account: $(cat "$work/me.json")"
jq -c '{username: .account.username, displayName: .account.displayName, roles: .account.roles, people: [.people[].displayName]}' "$work/me.json" | sed 's/^/   200 /'

echo "3. $user signs in to Ferry's pages (Ferry drives the code flow)"
to_keycloak="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$work/ferry" "$ferry/home")"
[[ "$to_keycloak" == "$oidc/auth?"* ]] || fail "/home did not redirect to Keycloak: '$to_keycloak'"
[[ "$to_keycloak" == *"code_challenge_method=S256"* ]] || fail "Ferry did not send a PKCE S256 challenge"
curl -sS -c "$work/kc2" -o "$work/login2.html" "$to_keycloak"
back="$(submit_login "$work/login2.html" "$work/kc2")"
[[ "$back" == "$ferry/"* ]] || fail "sign-in did not return to Ferry: '$back'"
# Ferry exchanges the code, sets its session cookie and redirects to /home again.
curl -sS -L -b "$work/ferry" -c "$work/ferry" -o "$work/home.html" -w '%{http_code} %{url_effective}\n' "$back" >"$work/home.status"
read -r home_status home_url <"$work/home.status"
[[ "$home_status" == "200" && "$home_url" == "$ferry/home" ]] || fail "home page answered $home_status at $home_url"
grep -q "$(jq -r .account.displayName "$work/me.json")" "$work/home.html" || fail "home page does not greet the user"
echo "   200 $home_url"
echo "OK"
