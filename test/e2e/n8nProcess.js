// Runs the real n8n (installed by scripts/n8n-install.sh into ~/.cache/leadbridge) as a user does: commands from
// the CLI, or `n8n start` as a server. Plain JS on purpose: spawning processes is test tooling, which the lint
// rules for TypeScript forbid. Used by the e2e tests (test/e2e) and by `npm start` (scripts/start).
const { spawn, execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const REPO_ROOT = join(__dirname, '..', '..');

/** The settings of scripts/n8n-versions.sh, read by bash itself so there is one source of truth. */
function readVersions() {
	const out = execFileSync(
		'bash',
		['-c', '. scripts/n8n-versions.sh && echo "$LEADBRIDGE_CACHE" && echo "$LEADBRIDGE_NODE24_BIN" && echo "$LEADBRIDGE_N8N_TARGETS"'],
		{ cwd: REPO_ROOT, encoding: 'utf8' },
	).split('\n');
	const [cache, node24Bin, targets] = out;
	return {
		cache,
		targets: targets
			.split(/\s+/)
			.filter(Boolean)
			.map((target) => {
				const [version, node] = target.split(':');
				return { version, nodeBin: node === '24' ? node24Bin : undefined };
			}),
	};
}

function n8nTargets() {
	const { cache, targets } = readVersions();
	const only = (process.env.LEADBRIDGE_N8N_ONLY ?? '').split(/[ ,]+/).filter(Boolean);
	return targets
		.filter((target) => only.length === 0 || only.includes(target.version))
		.map((target) => ({ ...target, dir: join(cache, `n8n-${target.version}`) }));
}

function ensureInstalled(versions) {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8n-install.sh'), ...versions], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** A TCP port nobody listens on right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The environment every n8n process gets: its own user folder, SQLite, JSON logs, nothing phoning home. */
function n8nEnv(target, userFolder, extra = {}) {
	const env = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		// The package is installed by hand from its tarball: n8n must not try to reinstall it from npm.
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...extra,
	};
	// The test runner's own settings must not leak into n8n.
	delete env.NODE_OPTIONS;
	delete env.JEST_WORKER_ID;
	delete env.NODE_ENV;
	if (target.nodeBin) env.PATH = `${target.nodeBin}:${env.PATH}`;
	// n8n 1.x on Node 20: its isolated-vm expression engine is not built there, the legacy one is its default anyway.
	else env.N8N_EXPRESSION_ENGINE = 'legacy';
	return env;
}

function nodeFor(target) {
	return target.nodeBin ? join(target.nodeBin, 'node') : 'node';
}

function n8nBin(target) {
	return join(target.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** One JSON log record per line; other lines (n8n prints a few plain ones) are kept as text records. */
function parseLogLines(text) {
	return text
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			try {
				const record = JSON.parse(line);
				return record && typeof record === 'object' ? record : { message: line };
			} catch {
				return { message: line };
			}
		});
}

/** Runs one n8n CLI command to its end, without blocking the event loop (the sandboxes serve n8n meanwhile). */
function runN8n(target, userFolder, args, { env = {}, timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(nodeFor(target), [n8nBin(target), ...args], {
			env: n8nEnv(target, userFolder, env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, records: parseLogLines(stdout), ms: Date.now() - started });
		});
	});
}

// n8n answers /healthz/readiness before its REST routes and webhooks exist (1.x): wait for the line it prints
// once all is up, then for its settings route.
async function waitForReady(url, child, output, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} before it was ready`);
		if (/Editor is now accessible/.test(output())) {
			try {
				const response = await fetch(`${url}/rest/settings`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n was not ready at ${url} within ${timeoutMs} ms`);
}

/** Collects a long-running n8n process's output; stop() ends it (SIGTERM, SIGKILL after 15 s). */
function superviseN8n(child, inheritOutput) {
	let output = '';
	const keep = (stream) => (chunk) => {
		output += chunk;
		if (inheritOutput) stream.write(chunk);
	};
	child.stdout.on('data', keep(process.stdout));
	child.stderr.on('data', keep(process.stderr));
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
			child.once('close', () => {
				clearTimeout(killer);
				resolve();
			});
			child.kill('SIGTERM');
		});
	return { output: () => output, stop };
}

/** `n8n start`: the editor, REST API and webhooks on 127.0.0.1:<port>, until stop(). */
async function startN8n(target, userFolder, { port, env = {}, timeoutMs = 120000, inheritOutput = false } = {}) {
	const listenPort = port ?? (await freePort());
	const brokerPort = await freePort();
	const child = spawn(nodeFor(target), [n8nBin(target), 'start'], {
		env: n8nEnv(target, userFolder, {
			N8N_PORT: String(listenPort),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			WEBHOOK_URL: `http://localhost:${listenPort}/`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...env,
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const { output, stop } = superviseN8n(child, inheritOutput);
	const url = `http://localhost:${listenPort}`;
	try {
		await waitForReady(url, child, output, timeoutMs);
	} catch (error) {
		await stop();
		throw new Error(`${error.message}\n${output().slice(-4000)}`);
	}
	return { url, port: listenPort, child, stop, output, records: () => parseLogLines(output()) };
}

/**
 * What users get from the editor's "Install community node": the `npm pack` tarball installed into
 * <userFolder>/.n8n/nodes. Peer dependencies are not installed: the nodes must use n8n's own n8n-workflow.
 */
function installPackedPackage(userFolder, tarball) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) {
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	}
	execFileSync(
		'npm',
		['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--omit=dev', '--loglevel=error', tarball],
		{ cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	return nodesDir;
}

/** `npm pack` of the built package into a temporary folder; returns the tarball's path. */
function packPackage() {
	const workDir = mkdtempSync(join(tmpdir(), 'leadbridge-e2e-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: REPO_ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	return join(workDir, name);
}

function makeTempDir(prefix) {
	return mkdtempSync(join(tmpdir(), prefix));
}

function removeDir(dir) {
	rmSync(dir, { recursive: true, force: true });
}

module.exports = {
	REPO_ROOT,
	n8nEnv,
	nodeFor,
	n8nBin,
	parseLogLines,
	superviseN8n,
	n8nTargets,
	ensureInstalled,
	freePort,
	runN8n,
	startN8n,
	installPackedPackage,
	packPackage,
	makeTempDir,
	removeDir,
};
