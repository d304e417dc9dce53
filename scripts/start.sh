#!/usr/bin/env bash
# `npm start`: the local vendor sandboxes and the real n8n with this package installed, the sandbox credentials and
# example workflows imported; prints the editor URL and stays up until Ctrl-C. The first start installs Node 24
# and n8n into ~/.cache/leadbridge, in parallel with the dev dependencies (scripts/estimates.sh); later starts take
# about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh

version=$(leadbridge_n8n_versions | head -1)
if [ ! -f "$LEADBRIDGE_CACHE/n8n-$version/.complete" ]; then
	. scripts/estimates.sh
	echo "First start: installing n8n $version and Node $LEADBRIDGE_NODE_VERSION into $LEADBRIDGE_CACHE, once, while the dev dependencies install and the package builds (first start: $LEADBRIDGE_START_ESTIMATE in all)."
	bash scripts/n8n-install.sh "$version" &
	install=$!
fi
bash scripts/ensure-deps.sh
npm run build --silent
if [ -n "${install:-}" ]; then wait "$install"; fi
LEADBRIDGE_N8N_ONLY=$version exec node -r ./scripts/ts-register.js scripts/start/main.ts "$@"
