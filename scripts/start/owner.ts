// The editor's first screen asks to create an owner account: `npm start` creates a demo one (a local demo
// instance only), so the editor opens on a sign-in page whose email and password it prints.
import demoOwner from './demo-owner.json';

export const DEMO_OWNER: { email: string; firstName: string; lastName: string; password: string } = demoOwner;

/** 'created' the first time, 'existing' when the instance already has an owner. */
export async function setUpOwner(baseUrl: string): Promise<'created' | 'existing'> {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEMO_OWNER),
	});
	return response.ok ? 'created' : 'existing';
}
