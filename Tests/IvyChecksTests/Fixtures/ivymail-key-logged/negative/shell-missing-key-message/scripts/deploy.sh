#!/usr/bin/env bash
set -euo pipefail

if [ -z "${IVYMAIL_API_KEY:-}" ]; then
  echo "IVYMAIL_API_KEY is not set; export it first" >&2
  exit 1
fi
curl -fsS -H "x-api-key: ${IVYMAIL_API_KEY}" https://api.ivymail.io/v1/domains > /dev/null
echo "IvyMail reachable"
