// Build steps after tsc: bundle each node and credential entry (inlining fast-xml-parser and our
// shared code, leaving n8n-workflow to n8n), then copy icons and codex files next to them.
const { src, dest, series } = require('gulp');
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');

const pkg = require('./package.json');

async function bundleEntries() {
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.resolve(__dirname, file));
	for (const entry of entries) {
		if (!fs.existsSync(entry)) throw new Error(`package.json lists ${entry}, which tsc did not produce`);
	}
	await Promise.all(
		entries.map((entry) =>
			esbuild.build({
				entryPoints: [entry],
				outfile: entry,
				allowOverwrite: true,
				bundle: true,
				platform: 'node',
				target: 'node20',
				format: 'cjs',
				external: ['n8n-workflow'],
				logLevel: 'warning',
			}),
		),
	);
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

// Once bundled, the other compiled modules are inlined in the entries: drop them from the package.
function removeInlinedModules(done) {
	const keep = new Set([...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.resolve(__dirname, file)));
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.(js|d\.ts|js\.map)$/.test(entry.name) && !keep.has(full)) fs.rmSync(full);
		}
	};
	walk(path.resolve(__dirname, 'dist'));
	// tsc builds incrementally: without its build info, the next tsc re-emits the modules deleted here.
	fs.rmSync(path.resolve(__dirname, 'dist/tsconfig.tsbuildinfo'), { force: true });
	done();
}

exports.bundle = bundleEntries;
exports.assets = copyAssets;
exports.build = series(bundleEntries, removeInlinedModules, copyAssets);
exports.default = exports.build;
