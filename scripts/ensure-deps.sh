#!/usr/bin/env bash
# Installs the dev dependencies when they are missing or older than package.json.
# --ignore-scripts: isolated-vm (pulled in by n8n-workflow) needs Node 24 to build and is not used
# here, and eslint-plugin-n8n-nodes-base's preinstall refuses npm. `npm ci` cannot be used: the
# lockfile npm 11 writes lists optional packages for other platforms that this registry lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.leadbridge-installed
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ]; then
	echo "Installing dev dependencies (about 1-2 minutes on a fresh machine)..."
	npm install --ignore-scripts --no-audit --no-fund
	touch "$stamp"
fi
