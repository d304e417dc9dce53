#!/usr/bin/env bash
# `npm run lint`: n8n-node lint (strict: the rules n8n's Cloud verification applies), ending with one result line;
# on success n8n-node itself prints nothing after its header.
set -uo pipefail
cd "$(dirname "$0")/.."
if npx --no-install n8n-node lint "$@"; then
	echo "Lint passed: n8n-node lint (strict), no problems."
else
	status=$?
	echo "Lint FAILED: n8n-node lint (strict) found the problems listed above (exit $status)."
	exit $status
fi
