import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IHttpRequestOptions,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * Resolves `={{$credentials.name}}` (and `={{ $credentials["name"] }}`) templates the way n8n's
 * credentials helper does for generic authentication. Our credential types use only that form.
 */
export function resolveCredentialTemplate(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const body = value.slice(1);
	const whole = body.match(/^\{\{\s*\$credentials(?:\.(\w+)|\[["'](\w+)["']\])\s*\}\}$/);
	if (whole) return credentials[whole[1] ?? whole[2]];
	return body.replace(/\{\{\s*\$credentials(?:\.(\w+)|\[["'](\w+)["']\])\s*\}\}/g, (_m, a: string, b: string) =>
		String(credentials[a ?? b] ?? ''),
	);
}

/** Applies a credential type's `authenticate`, generic or function, to a request. */
export async function applyAuthentication(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const authenticate = credentialType.authenticate;
	if (!authenticate) return request;
	if (typeof authenticate === 'function') return await authenticate(credentials, request);
	const result: IHttpRequestOptions = { ...request };
	const properties = authenticate.properties as Record<string, Record<string, unknown> | undefined>;
	for (const target of ['headers', 'qs', 'body'] as const) {
		const entries = properties[target];
		if (!entries) continue;
		const resolved: Record<string, unknown> = {};
		for (const [key, raw] of Object.entries(entries)) resolved[key] = resolveCredentialTemplate(raw, credentials);
		if (target === 'body' && typeof result.body === 'string') {
			throw new Error('generic body authentication cannot merge into a string body');
		}
		result[target] = { ...((result[target] as object) ?? {}), ...resolved } as never;
	}
	if (properties.auth) {
		result.auth = {
			username: String(resolveCredentialTemplate(properties.auth.username, credentials) ?? ''),
			password: String(resolveCredentialTemplate(properties.auth.password, credentials) ?? ''),
		};
	}
	return result;
}

/** The slice of n8n's credentials helper that node execution needs, fed with plain test credentials. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Map<string, ICredentialType>,
		private readonly credentialsByType: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = this.credentialTypes.get(typeName);
		if (!type) throw new Error(`Unknown credential type ${typeName}`);
		return await applyAuthentication(type, credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by node execution');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentialsByType[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.get(type)?.properties ?? [];
	}
}
