// A self-signed certificate for 127.0.0.1, made once per machine for the benchmarks' TLS link (tlsLink.ts). Both
// sides trust it the same way: the bench starts each timed process with NODE_EXTRA_CA_CERTS pointing at it, so
// neither our node nor the HTTP Request node is told to skip verification. Plain JS: it runs openssl.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const DIRECTORY = join(tmpdir(), 'leadbridge-bench-tls');

/** @returns {{ keyPath: string, certPath: string }} */
function ensureBenchCertificate() {
	const keyPath = join(DIRECTORY, 'key.pem');
	const certPath = join(DIRECTORY, 'cert.pem');
	if (!existsSync(keyPath) || !existsSync(certPath)) {
		mkdirSync(DIRECTORY, { recursive: true });
		execFileSync(
			'openssl',
			['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3650', '-subj', '/CN=127.0.0.1',
				'-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', certPath],
			{ stdio: 'ignore' },
		);
	}
	return { keyPath, certPath };
}

module.exports = { ensureBenchCertificate };
