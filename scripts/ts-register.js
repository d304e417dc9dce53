// Lets plain `node` run the TypeScript benchmarks and tools: compiles each .ts file with esbuild on load.
const fs = require('node:fs');
const esbuild = require('esbuild');

require.extensions['.ts'] = (module, filename) => {
	const { code } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
		loader: 'ts',
		format: 'cjs',
		target: 'node20',
		sourcefile: filename,
		tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
	});
	module._compile(code, filename);
};
