#!/usr/bin/env bash
# `npm run screenshots`: starts the demo instance of `npm start` in a fresh folder and takes screenshots of the
# package's nodes in the n8n editor with Debian's headless Chromium, into docs/screenshots/.
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
npm run build --silent
version=$(leadbridge_n8n_versions | head -1)
bash scripts/n8n-install.sh "$version"
CHROMIUM_PATH=$chromium LEADBRIDGE_N8N_ONLY=$version node -r ./scripts/ts-register.js scripts/screenshots/main.ts
