#!/usr/bin/env bash
# Runs every test of the repository: unit, storage contract (SQLite and PostgreSQL), integration,
# and real-client tests (aws CLI, boto3). On a fresh machine with the .NET SDK it first installs
# from Debian's packages what the tests need and the machine lacks. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v aws >/dev/null 2>&1 || missing+=(awscli)
python3 -c 'import boto3' >/dev/null 2>&1 || missing+=(python3-boto3)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test Licentia.slnx "$@"
