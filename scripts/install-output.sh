# Sourced by the install scripts: what they print while a long install runs.
# A progress line at least every 15 seconds, saying what is being done and how far it got (megabytes written so far
# against the measured size of the finished install):
#   progress_start "Installing n8n 2.41.1" "$dir" 2700   # folder to measure, its finished size in MB (optional)
#   ...long command...
#   progress_stop
# The ticker stops by itself if the script that started it dies.
PROGRESS_PID=

progress_start() { # what [folder expected-MB]
	local what=$1 dir=${2:-} expected_mb=${3:-} parent=$BASHPID started
	started=$(date +%s)
	(
		# Stopped while sleeping: end the sleep too, so no stray process holds the terminal or a pipe open.
		local sleeper=
		trap 'kill $sleeper 2>/dev/null; exit 0' TERM
		while :; do
			sleep "${LEADBRIDGE_PROGRESS_SECONDS:-15}" &
			sleeper=$!
			wait "$sleeper"
			kill -0 "$parent" 2>/dev/null || exit 0
			local elapsed=$(($(date +%s) - started)) how_far=''
			if [ -n "$dir" ]; then
				local mb
				mb=$(du -sm "$dir" 2>/dev/null | cut -f1)
				how_far=" ${mb:-0} MB of about $expected_mb MB ($((${mb:-0} * 100 / expected_mb))%),"
			fi
			echo "[progress $(date -u +%H:%M:%S)] $what:$how_far $((elapsed / 60)) min $((elapsed % 60)) s so far" >&2
		done
	) &
	PROGRESS_PID=$!
}

progress_stop() {
	if [ -n "$PROGRESS_PID" ]; then
		kill "$PROGRESS_PID" 2>/dev/null || true
		wait "$PROGRESS_PID" 2>/dev/null || true
		PROGRESS_PID=
	fi
}

# npm warns EBADENGINE for isolated-vm, which wants Node 24: say once why that is harmless on Node 20; any other warning
# passes as it is. Use: npm install ... 2>&1 | explain_engine_warnings
explain_engine_warnings() {
	awk '
		/npm warn EBADENGINE Unsupported engine \{/ { block = $0 "\n"; inside = 1; next }
		inside {
			block = block $0 "\n"
			if ($0 ~ /npm warn EBADENGINE \}/) {
				inside = 0
				if (block ~ /package: .isolated-vm@/) print "note: npm warns that isolated-vm wants Node 24 (EBADENGINE). It is an optional expression engine that n8n-workflow pulls in: not built here (--ignore-scripts) and used neither by the nodes nor by the tests, so Node 20 is enough."
				else printf "%s", block
			}
			next
		}
		{ print }
	'
}
