#!/usr/bin/env bash
# `npm run test:ui`: the package's nodes in n8n's real editor (scripts/ui/main.ts), in Debian's headless Chromium
# (installed with apt-get if missing, as on a fresh CI machine), against the `npm start` sandboxes. It regenerates
# docs/screenshots too. Not part of `npm test`: it takes several minutes (README, "The editor in a real browser").
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	echo "Installing Debian's chromium package (apt-get)..."
	sudo_cmd=""
	if [ "$(id -u)" != 0 ]; then sudo_cmd=sudo; fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
bash scripts/ensure-deps.sh
if [ "${LEADBRIDGE_SKIP_BUILD:-}" != "1" ]; then npm run build --silent; fi
version=$(leadbridge_n8n_versions | head -1)
bash scripts/n8n-install.sh "$version"
CHROMIUM_PATH=$chromium LEADBRIDGE_N8N_ONLY=$version node -r ./scripts/ts-register.js scripts/ui/main.ts
