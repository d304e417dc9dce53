import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { nodeType } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { serveWorkflowWebhooks } from '../engine/webhookHarness';
import type { WebhookServer } from '../engine/webhookHarness';
import { httpBuildQuery } from '../servers/influencersoft';

const TRIGGER = 'InfluencerSoft Trigger';

function triggerWorkflow(parameters: INodeParameters, withNextNode = false): WorkflowJson {
	return {
		nodes: [
			{ id: 't', name: TRIGGER, type: nodeType('influencerSoftTrigger'), typeVersion: 1, position: [0, 0], parameters, webhookId: 'c0ffee00-1111-4222-8333-444455556666' },
			...(withNextNode ? [{ id: 'n', name: 'Next', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0] as [number, number], parameters: {} }] : []),
		],
		connections: withNextNode ? { [TRIGGER]: { main: [[{ node: 'Next', type: 'main' as never, index: 0 }]] } } : {},
	};
}

/** A callback as InfluencerSoft's PHP sends it (help.influencersoft.com "Script Notification…"). */
function callback(overrides: Record<string, unknown> = {}) {
	return {
		id: '1042',
		first_name: 'Zoë',
		last_name: "O'Brien",
		middle_name: '',
		email: 'zoe@example.com',
		phone: '+33 6 12 34 56 78',
		city: 'Lyon',
		country: 'France',
		address: '5 rue de la Paix & co',
		region: 'Rhône',
		postalcode: '69001',
		created: '1796032800',
		paid: '',
		price: '248.50',
		last_payment_sum: '',
		comment: 'Leave at the door *please*',
		tag: 'spring',
		kupon: 'SPRING10',
		pay_status: 'waiting',
		utm: { source: 'newsletter', campaign: 'spring/2026' },
		items: [
			{ id: 'course-pro', title: 'Pro course', price: '199.50', sum: '199.50', partners: [{ partner_id: '7', partner_name: 'Ann', partner_lvl: '1', partner_fee: '19.95' }] },
			{ id: 'book-print', title: 'Printed book', price: '49', sum: '49.00' },
		],
		status: 'new_order',
		...overrides,
	} as never;
}

async function post(url: string, body: string, contentType = 'application/x-www-form-urlencoded') {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
	return { status: response.status, body: await response.text() };
}

describe('InfluencerSoft Trigger, receiving order callbacks over real HTTP', () => {
	let server: WebhookServer;
	let endpoint: { url: string; emitted(): IDataObject[]; calls: WebhookServer['calls'] };
	const start = async (parameters: INodeParameters = {}) => {
		server = await serveWorkflowWebhooks(triggerWorkflow(parameters));
		endpoint = {
			url: server.webhookUrl(TRIGGER),
			calls: server.calls,
			emitted: () => server.calls.flatMap((call) => call.run?.output(TRIGGER) ?? []).map((item) => item.json),
		};
	};
	afterEach(async () => await server?.close());

	it('an invoice-created callback gives one item: items as an array, amounts and times as numbers; 200 at once', async () => {
		await start();
		const response = await post(endpoint.url, httpBuildQuery(callback()));
		expect(response).toEqual({ status: 200, body: JSON.stringify({ message: 'Workflow was started' }) });
		const emitted = endpoint.emitted();
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toMatchObject({
			event: 'created',
			id: 1042,
			first_name: 'Zoë',
			last_name: "O'Brien",
			address: '5 rue de la Paix & co',
			comment: 'Leave at the door *please*',
			created: 1796032800,
			createdAt: '2026-11-30T10:00:00.000Z',
			price: 248.5,
			status: 'new_order',
			utm: { source: 'newsletter', campaign: 'spring/2026' },
			items: [
				{ id: 'course-pro', title: 'Pro course', price: 199.5, sum: 199.5, partners: [{ partner_id: '7', partner_name: 'Ann', partner_lvl: 1, partner_fee: 19.95 }] },
				{ id: 'book-print', title: 'Printed book', price: 49, sum: 49, partners: [] },
			],
		});
		expect(emitted[0]).not.toHaveProperty('paidAt');
	});

	it('an invoice-paid callback is the "paid" event with its payment as a number', async () => {
		await start();
		await post(endpoint.url, httpBuildQuery(callback({ paid: '1796036400', last_payment_sum: '248,50', pay_status: 'paid' })));
		expect(endpoint.emitted()[0]).toMatchObject({ event: 'paid', paid: 1796036400, paidAt: '2026-11-30T11:00:00.000Z', last_payment_sum: 248.5 });
	});

	it('cancel_order and moneyback callbacks are their own events', async () => {
		await start();
		await post(endpoint.url, httpBuildQuery(callback({ status: 'cancel_order' })));
		await post(endpoint.url, httpBuildQuery(callback({ status: 'moneyback', paid: '1796036400' })));
		expect(endpoint.emitted().map((item) => item.event)).toEqual(['cancelled', 'moneyback']);
	});

	it('events not chosen are acknowledged with 200 and start nothing', async () => {
		await start({ events: ['paid'] });
		const response = await post(endpoint.url, httpBuildQuery(callback()));
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({ message: 'Event ignored' });
		expect(endpoint.calls[0].run).toBeUndefined();
	});

	it('with a Secret Token, a callback without it or with a wrong one gets 401 and starts nothing', async () => {
		await start({ secretToken: 's3cret-Token' });
		const missing = await post(endpoint.url, httpBuildQuery(callback()));
		const wrong = await post(`${endpoint.url}?token=nope`, httpBuildQuery(callback()));
		expect([missing.status, wrong.status]).toEqual([401, 401]);
		expect(endpoint.emitted()).toHaveLength(0);
		const right = await post(`${endpoint.url}?a=paid&token=s3cret-Token`, httpBuildQuery(callback()));
		expect(right.status).toBe(200);
		expect(endpoint.emitted()).toHaveLength(1);
		expect(JSON.stringify(endpoint.emitted())).not.toContain('s3cret-Token');
	});

	it('a body that is not an order callback (no id) gets 400 and starts nothing', async () => {
		await start();
		const response = await post(endpoint.url, 'hello=world');
		expect(response.status).toBe(400);
		expect(response.body).toMatch(/order id is missing/);
		expect(endpoint.emitted()).toHaveLength(0);
	});

	it('reads every item of a large order, beyond the 1000 fields n8n’s own form parser keeps', async () => {
		await start();
		const items = Array.from({ length: 300 }, (_, index) => ({ id: `sku-${index}`, title: `Item ${index}`, price: '1.50', sum: '1.50' }));
		await post(endpoint.url, httpBuildQuery(callback({ items })));
		const [order] = endpoint.emitted();
		expect((order.items as unknown[]).length).toBe(300);
		expect((order.items as Array<{ id: string; sum: number }>)[299]).toMatchObject({ id: 'sku-299', sum: 1.5 });
	});

	it('also accepts a JSON body with the same fields', async () => {
		await start();
		await post(endpoint.url, JSON.stringify({ id: '7', status: 'new_order', price: '10', items: [{ id: 'a', sum: '10' }] }), 'application/json');
		expect(endpoint.emitted()[0]).toMatchObject({ event: 'created', id: 7, price: 10, items: [{ id: 'a', sum: 10, partners: [] }] });
	});
});

describe('InfluencerSoft Trigger inside a workflow', () => {
	it('what it emits runs on through the next node in n8n-core', async () => {
		const server = await serveWorkflowWebhooks(triggerWorkflow({ events: ['paid'] }, true));
		try {
			const response = await post(server.webhookUrl(TRIGGER), httpBuildQuery(callback({ paid: '1796036400', last_payment_sum: '248.50' })));
			expect(response.status).toBe(200);
			const run = server.calls[0].run;
			expect(run?.error).toBeUndefined();
			expect(run?.output('Next').map((item) => item.json)).toEqual([expect.objectContaining({ event: 'paid', id: 1042, last_payment_sum: 248.5 })]);
		} finally {
			await server.close();
		}
	});
});
