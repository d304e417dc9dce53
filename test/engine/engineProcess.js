// Runs a TypeScript script of the test suite in a separate Node process (its own event loop, its own module state:
// what an n8n queue-mode worker is), for tests that need several processes at once. Plain JS on purpose: spawning
// processes is test tooling, which the lint rules for TypeScript forbid.
//
// Protocol, one JSON object per stdout line: the child says {"ready": true} once loaded, waits for a line on
// stdin (the start signal, so that every process starts together), then says {"result": ...} and exits.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const REPO_ROOT = join(__dirname, '..', '..');

function startEngineProcess(script, { env = {}, timeoutMs = 120000 } = {}) {
	const child = spawn(process.execPath, ['-r', join(REPO_ROOT, 'scripts', 'ts-register.js'), join(REPO_ROOT, script)], {
		cwd: REPO_ROOT,
		env: { ...process.env, ...env, NODE_OPTIONS: '' },
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	let buffered = '';
	let markReady;
	let settle;
	const ready = new Promise((resolve, reject) => (markReady = { resolve, reject }));
	const result = new Promise((resolve, reject) => (settle = { resolve, reject }));
	// Both are awaited by the caller, maybe not at once: keep an early failure from counting as unhandled.
	ready.catch(() => {});
	result.catch(() => {});
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	child.stderr.on('data', (chunk) => (stderr += chunk));
	child.stdout.on('data', (chunk) => {
		buffered += chunk;
		let newline;
		while ((newline = buffered.indexOf('\n')) >= 0) {
			const line = buffered.slice(0, newline).trim();
			buffered = buffered.slice(newline + 1);
			if (!line.startsWith('{')) continue;
			const message = JSON.parse(line);
			if (message.ready) markReady.resolve();
			if ('result' in message) settle.resolve(message.result);
		}
	});
	child.on('close', (code, signal) => {
		clearTimeout(timer);
		const failure = new Error(`${script} exited with ${code ?? signal} before its result:\n${stderr.slice(-3000)}`);
		markReady.reject(failure);
		settle.reject(failure);
	});
	return {
		pid: child.pid,
		ready,
		result,
		start: () => child.stdin.write('go\n'),
		stop: () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		},
	};
}

module.exports = { startEngineProcess };
