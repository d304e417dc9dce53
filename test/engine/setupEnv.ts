/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Runs before any test module: n8n-core reads these when it is first imported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's dependency injection needs the Reflect metadata polyfill; it does not read the environment below.
import 'reflect-metadata';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'leadbridge-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
