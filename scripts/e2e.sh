#!/usr/bin/env bash
# `npm run test:e2e`: the packed package in real n8n (every version of scripts/n8n-versions.sh), against the
# local vendor sandboxes. The first run installs Node 24 and n8n into ~/.cache/leadbridge (minutes); later runs
# reuse them. LEADBRIDGE_N8N_ONLY=2.41.1 narrows the run to one version.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh

bash scripts/ensure-deps.sh
if [ "${LEADBRIDGE_SKIP_BUILD:-}" != "1" ]; then npm run build; fi
versions=${LEADBRIDGE_N8N_ONLY:-$(leadbridge_n8n_versions | tr '\n' ' ')}
bash scripts/n8n-install.sh $versions
npx jest --ci --config test/e2e/jest.config.js "$@"
