/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Finds every vendor sandbox: each test/servers/<vendor>.ts that exports startSandbox() (see ../servers/sandbox.ts).
// Shared by the e2e tests and `npm start`, so both grow with each vendor without being edited.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Sandbox, SandboxCredential } from '../servers/sandbox';

const SERVERS_DIR = join(__dirname, '..', 'servers');
const load = createRequire(__filename);

type SandboxModule = { startSandbox?: () => Promise<Sandbox> };

export function sandboxModules(): string[] {
	return readdirSync(SERVERS_DIR)
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
		.sort()
		.filter((file) => typeof (load(join(SERVERS_DIR, file)) as SandboxModule).startSandbox === 'function');
}

export async function startAllSandboxes(): Promise<Sandbox[]> {
	const sandboxes: Sandbox[] = [];
	try {
		for (const file of sandboxModules()) {
			const start = (load(join(SERVERS_DIR, file)) as SandboxModule).startSandbox as () => Promise<Sandbox>;
			sandboxes.push(await start());
		}
	} catch (error) {
		await closeAll(sandboxes);
		throw error;
	}
	return sandboxes;
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
