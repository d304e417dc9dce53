#!/usr/bin/env bash
# Installs the dev dependencies when they are missing or older than package.json.
# --ignore-scripts: isolated-vm (pulled in by n8n-workflow) needs Node 24 to build and is not used
# here, and eslint-plugin-n8n-nodes-base's preinstall refuses npm. `npm ci` cannot be used: the
# lockfile npm 11 writes lists optional packages for other platforms that this registry lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/estimates.sh
. scripts/install-output.sh
stamp=node_modules/.leadbridge-installed

if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ]; then
	echo "Installing the dev dependencies: $LEADBRIDGE_DEPS_ESTIMATE on a fresh machine, $LEADBRIDGE_DEPS_MB MB, progress every 15 s..."
	mkdir -p node_modules
	progress_start "Installing the dev dependencies" node_modules "$LEADBRIDGE_DEPS_MB"
	npm install --ignore-scripts --no-audit --no-fund 2>&1 | explain_engine_warnings
	progress_stop
	touch "$stamp"
fi
