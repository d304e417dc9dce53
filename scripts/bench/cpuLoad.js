// CPU-bound processes beside a benchmark: the machine's cores kept busy by other work, as on a shared server.
// Plain JS on purpose: spawning processes is tooling, which the lint rules for the package's TypeScript forbid.
const { spawn } = require('node:child_process');

/**
 * @param {number} count  how many busy processes
 * @returns {{ stop(): void }}
 */
function startCpuLoad(count) {
	const children = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
	return {
		stop() {
			for (const child of children) child.kill('SIGKILL');
		},
	};
}

module.exports = { startCpuLoad };
