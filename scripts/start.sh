#!/usr/bin/env bash
# `npm start`: the local vendor sandboxes and the real n8n with this package installed, the sandbox credentials and
# example workflows imported; prints the editor URL and stays up until Ctrl-C. The first start installs Node 24
# and n8n into ~/.cache/leadbridge (about 5 minutes); later starts take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh

bash scripts/ensure-deps.sh
version=$(leadbridge_n8n_versions | head -1)
if [ ! -f "$LEADBRIDGE_CACHE/n8n-$version/.complete" ]; then
	echo "First start: installing n8n $version and Node $LEADBRIDGE_NODE_VERSION into $LEADBRIDGE_CACHE (about 5 minutes, once)."
	bash scripts/n8n-install.sh "$version" &
	install=$!
fi
npm run build --silent
if [ -n "${install:-}" ]; then wait "$install"; fi
LEADBRIDGE_N8N_ONLY=$version exec node -r ./scripts/ts-register.js scripts/start/main.ts "$@"
