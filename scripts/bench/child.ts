/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// The far end of fresh.js: node -r ts-register child.ts <module> <export> <outFile> <argument JSON>.
// Calls the export, then writes its result and this process's peak RSS (resourceUsage().maxRSS, in KB) to outFile.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

// Loaded at run time (optional modules, or after the environment is set): a require bound to this file.
const loadModule = createRequire(__filename);

async function main() {
	const [modulePath, exportName, outFile, argumentJson] = process.argv.slice(2);
	const benchModule = loadModule(modulePath) as Record<string, (argument: unknown) => Promise<unknown>>;
	// null stands for "no argument", so the function's own defaults apply.
	const argument: unknown = JSON.parse(argumentJson) ?? undefined;
	const result = await benchModule[exportName](argument);
	writeFileSync(outFile, JSON.stringify({ result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		// The parent shows this reason in its table.
		writeFileSync(process.argv[4], JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
		process.exit(1);
	},
);
