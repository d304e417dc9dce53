/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Finds every vendor sandbox: each test/servers/<vendor>.ts that exports startSandbox() (see ../servers/sandbox.ts).
// Shared by the e2e tests and `npm start`, so both grow with each vendor without being edited.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Sandbox, SandboxCredential } from '../servers/sandbox';
import { REPO_ROOT } from './n8nProcess';

const SERVERS_DIR = join(REPO_ROOT, 'test', 'servers');
const load = createRequire(join(REPO_ROOT, 'package.json'));

type SandboxModule = { startSandbox?: () => Promise<Sandbox> };

export function sandboxModules(): string[] {
	return readdirSync(SERVERS_DIR)
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
		.sort()
		.filter((file) => typeof (load(join(SERVERS_DIR, file)) as SandboxModule).startSandbox === 'function');
}

/** Starts them one by one into `started`, so the caller can close those that started if one fails. */
export async function startAllSandboxes(started: Sandbox[]): Promise<Sandbox[]> {
	for (const file of sandboxModules()) {
		const start = (load(join(SERVERS_DIR, file)) as SandboxModule).startSandbox as () => Promise<Sandbox>;
		started.push(await start());
	}
	return started;
}

export async function closeAll(sandboxes: Sandbox[]): Promise<void> {
	await Promise.all(sandboxes.map(async (sandbox) => await sandbox.close()));
}

export function allCredentials(sandboxes: Sandbox[]): SandboxCredential[] {
	return sandboxes.flatMap((sandbox) => sandbox.credentials);
}

/** The credential data fields that hold secrets, by name: what must never show up in any output. */
export function secretFields(credential: SandboxCredential): string[] {
	return Object.entries(credential.data)
		.filter(([key, value]) => typeof value === 'string' && value !== '' && /pass|secret|key|token/i.test(key))
		.map(([key]) => key);
}
