// A fresh n8n asks for an owner account before anything else. The e2e tests, `npm start` and the screenshots
// create a demo one (local instances only) and sign in with it: n8n 2.x serves its node types only to a user.
import demoOwner from './demo-owner.json';

export const DEMO_OWNER: { email: string; firstName: string; lastName: string; password: string } = demoOwner;

function sessionCookie(response: Response): string | undefined {
	const cookies = response.headers.getSetCookie();
	return cookies.map((cookie) => cookie.split(';')[0]).find((cookie) => cookie.startsWith('n8n-auth='));
}

/**
 * Creates the demo owner on an instance without one, or signs in as it; returns the session cookie
 * ("n8n-auth=…") and whether the owner was created now.
 */
export async function signInAsOwner(baseUrl: string): Promise<{ cookie: string; created: boolean }> {
	const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_OWNER),
	});
	const created = sessionCookie(setup);
	if (setup.ok && created) return { cookie: created, created: true };
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		// n8n 1.x and 2.x name the field differently
		body: JSON.stringify({ emailOrLdapLoginId: DEMO_OWNER.email, email: DEMO_OWNER.email, password: DEMO_OWNER.password }),
	});
	const cookie = sessionCookie(login);
	if (!login.ok || !cookie) throw new Error(`Cannot sign in to ${baseUrl} as ${DEMO_OWNER.email}: HTTP ${login.status}`);
	return { cookie, created: false };
}
