// Runs the benchmark's vendor servers in a process of their own (scripts/bench/serverHost.ts), so their CPU never
// lands on the side being timed, and talks to them over IPC. Plain JS on purpose: spawning processes is tooling,
// which the lint rules for the package's TypeScript forbid.
const { fork } = require('node:child_process');
const { join, resolve } = require('node:path');

const REPO_ROOT = resolve(__dirname, '../..');

/** @returns {Promise<{ call: (command: string, args?: object) => Promise<any>, pid: number, stop: () => Promise<void> }>} */
function startServerProcess() {
	const child = fork(join(REPO_ROOT, 'scripts/bench/serverHost.ts'), [], {
		cwd: REPO_ROOT,
		execArgv: ['-r', join(REPO_ROOT, 'scripts/ts-register.js')],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	let nextId = 1;
	const pending = new Map();
	const failAll = (error) => {
		for (const { reject } of pending.values()) reject(error);
		pending.clear();
	};
	child.on('message', (message) => {
		const waiting = pending.get(message.id);
		if (!waiting) return;
		pending.delete(message.id);
		if (message.error) waiting.reject(new Error(`server process: ${message.error}`));
		else waiting.resolve(message.result);
	});
	child.on('exit', (code, signal) => failAll(new Error(`server process exited (${code ?? signal})`)));
	const call = (command, args = {}) =>
		new Promise((resolveCall, reject) => {
			const id = nextId++;
			pending.set(id, { resolve: resolveCall, reject });
			child.send({ id, command, args });
		});
	const stop = () =>
		new Promise((resolveStop) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
			child.once('exit', () => resolveStop());
			child.kill();
		});
	return new Promise((resolveReady, reject) => {
		child.once('error', reject);
		call('ping').then(() => resolveReady({ call, pid: child.pid, stop }), reject);
	});
}

module.exports = { startServerProcess };
