// The processes of n8n's queue mode that n8nProcess.js does not start: Redis and PostgreSQL (through
// scripts/queue-services.sh) and `n8n worker`. Plain JS on purpose: spawning processes is test tooling, which the
// lint rules for TypeScript forbid. Used by the queue-mode e2e test and `npm start -- --queue`.
const { spawn, execFileSync } = require('node:child_process');
const { join } = require('node:path');

const { REPO_ROOT, freePort, n8nEnv, nodeFor, n8nBin, parseLogLines, superviseN8n } = require('./n8nProcess');

const SERVICES_SCRIPT = join(REPO_ROOT, 'scripts', 'queue-services.sh');

/** Installs Redis and PostgreSQL when missing, starts them with their data in `dir`; returns their ports. */
function startQueueServices(dir) {
	const out = execFileSync('bash', [SERVICES_SCRIPT, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const ports = Object.fromEntries(
		out
			.split('\n')
			.map((line) => line.trim().split('='))
			.filter((pair) => pair.length === 2),
	);
	return { redisPort: Number(ports.REDIS_PORT), postgresPort: Number(ports.POSTGRES_PORT) };
}

function stopQueueServices(dir) {
	execFileSync('bash', [SERVICES_SCRIPT, 'stop', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
}

async function waitForHealth(url, child, output, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n worker exited with code ${child.exitCode} before it was ready`);
		if (/worker is now ready/.test(output())) {
			try {
				if ((await fetch(url)).ok) return;
			} catch {
				// not listening yet
			}
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n worker was not ready at ${url} within ${timeoutMs} ms`);
}

/** `n8n worker`: takes executions from the Redis queue until stop(); its /healthz on its own port. */
async function startN8nWorker(target, userFolder, { env = {}, concurrency = 10, timeoutMs = 120000, inheritOutput = false } = {}) {
	const healthPort = await freePort();
	const brokerPort = await freePort();
	const child = spawn(nodeFor(target), [n8nBin(target), 'worker', `--concurrency=${concurrency}`], {
		env: n8nEnv(target, userFolder, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...env,
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const { output, stop } = superviseN8n(child, inheritOutput);
	try {
		await waitForHealth(`http://127.0.0.1:${healthPort}/healthz`, child, output, timeoutMs);
	} catch (error) {
		await stop();
		throw new Error(`${error.message}\n${output().slice(-4000)}`);
	}
	return { pid: child.pid, healthPort, stop, output, records: () => parseLogLines(output()) };
}

module.exports = { startQueueServices, stopQueueServices, startN8nWorker };
