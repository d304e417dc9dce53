import type { IDataObject, IN8nHttpFullResponse, INode, INodeParameters } from 'n8n-workflow';

import { nodeType, runNode, runWorkflow } from '../engine/runner';
import type { RunResult } from '../engine/runner';
import { POPSELL_SANDBOX_CREDENTIAL, POPSELL_SANDBOX_SECRET, popsellToken } from '../servers/popsell';

const POPSELL = nodeType('popsell');
const credentials = { popsellApi: POPSELL_SANDBOX_CREDENTIAL.data };

/** Every documented field, mapped from a CRM-like record. */
const EVERY_FIELD: INodeParameters = {
	resource: 'contact',
	operation: 'buildImportResponse',
	contactId: '={{ $json.ref }}',
	contactFields: {
		email: '={{ $json.mail }}',
		firstName: '={{ $json.first }}',
		lastName: '={{ $json.last }}',
		gender: '={{ $json.sex }}',
		comment: '={{ $json.note }}',
		street1: '={{ $json.street }}',
		street2: '={{ $json.street2 }}',
		postcode: '={{ $json.zip }}',
		city: '={{ $json.town }}',
		country: '={{ $json.country }}',
		phone1: '={{ $json.home }}',
		phone2: '={{ $json.mobile }}',
		isAcceptingEmailing: '={{ $json.optIn }}',
		isAcceptingBrandEmailing: '={{ $json.brandOptIn }}',
		isSoftDeleted: '={{ $json.deleted }}',
		languageCode: '={{ $json.lang }}',
		lastModificationDate: '={{ $json.updated }}',
		tags: '={{ $json.tags }}',
		type: '={{ $json.kind }}',
		extraData: {
			entries: [
				{ name: 'Number of children', value: '={{ $json.children }}' },
				{ name: 'Club level', value: '={{ $json.club }}' },
			],
		},
	},
	options: { timeZone: 'Europe/Paris' },
};

const CRM_RECORD: IDataObject = {
	ref: 'AB1234',
	mail: 'adur123@hotmail.fr',
	first: 'Aurélie',
	last: 'Durand-Ñúñez "la grande" & <Cie>',
	sex: 'f',
	note: 'Line 1\nLine 2 — 😀',
	street: '12 rue de l\'Église',
	street2: 'Bât. B',
	zip: '75001',
	town: 'Paris',
	country: 'FR',
	home: '+33 1 23 45 67 89',
	mobile: '+33 6 12 34 56 78',
	optIn: true,
	brandOptIn: 'false',
	deleted: 0,
	lang: 'fr-FR',
	updated: '2015-12-05T09:12:54Z',
	tags: ['vip', ' newsletter '],
	kind: 'Hostess',
	children: 3,
	club: 'Coached Club Member',
};

const EXPECTED_CONTACT = {
	Id: 'AB1234',
	Email: 'adur123@hotmail.fr',
	FirstName: 'Aurélie',
	LastName: 'Durand-Ñúñez "la grande" & <Cie>',
	Gender: 'F',
	Comment: 'Line 1\nLine 2 — 😀',
	Street1: '12 rue de l\'Église',
	Street2: 'Bât. B',
	Postcode: '75001',
	City: 'Paris',
	Country: 'FR',
	Phone1: '+33 1 23 45 67 89',
	Phone2: '+33 6 12 34 56 78',
	IsAcceptingEmailing: true,
	// Both spellings of the document: its table and its example.
	isAcceptingBrandEmailing: false,
	IsAcceptingBrandEmailing: false,
	IsSoftDeleted: false,
	LanguageCode: 'fr_FR',
	// 09:12:54 UTC is 10:12:54 in Paris in December.
	LastModificationDate: '2015-12-05 10:12:54',
	Tags: ['vip', 'newsletter'],
	Type: 1,
	Extra_data: { 'Number of children': 3, 'Club level': 'Coached Club Member' },
};

const TRIGGER = 'Popsell Trigger';
const ANSWER = 'Popsell';

/** Popsell Trigger (as n8n starts it after a good call: its item is the run's input) → Popsell. */
async function answerAfterTrigger(
	parameters: INodeParameters,
	triggerItem: IDataObject,
	contacts: IDataObject[],
	extra: Partial<INode> = {},
): Promise<{ result: RunResult; sent: IN8nHttpFullResponse[] }> {
	// The in-process engine has no CRM node to fan one call out into many contacts, so the trigger's item
	// is repeated once per contact (carrying the same customerId and lastUpdate), and a pass-through
	// "CRM" step hands them on, as a real CRM node's output would reach the answer node.
	const sent: IN8nHttpFullResponse[] = [];
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: TRIGGER,
			type: nodeType('popsellTrigger'),
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'aa0c0000-0000-4000-8000-000000000002',
			parameters: { path: 'popsell-contacts', responseMode: 'responseNode' },
			credentials: { popsellApi: { id: 'popsell-sandbox', name: 'Popsell sandbox' } },
		},
		{ id: 'crm', name: 'CRM', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [150, 0], parameters: {} },
		{ id: 'answer', name: ANSWER, type: POPSELL, typeVersion: 1, position: [300, 0], parameters, ...extra },
	];
	const result = await runWorkflow(
		{
			nodes,
			connections: {
				[TRIGGER]: { main: [[{ node: 'CRM', type: 'main', index: 0 }]] },
				CRM: { main: [[{ node: ANSWER, type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		},
		{ credentials, mode: 'webhook', startNodeName: TRIGGER, input: contacts.length ? contacts.map((contact) => ({ ...triggerItem, ...contact })) : [triggerItem], onSendResponse: (response) => sent.push(response) },
	);
	return { result, sent };
}

async function answer(parameters: INodeParameters, input: IDataObject[], continueOnFail = false) {
	const sent: IN8nHttpFullResponse[] = [];
	const result = await runNode({ type: POPSELL, parameters, input, credentials, continueOnFail, onSendResponse: (response) => sent.push(response) });
	return { ...result, sent };
}

describe('Popsell node: Build Import Response, through the engine', () => {
	it('maps every documented field and sends the answer as Respond to Webhook would', async () => {
		const { items, sent, nodeError } = await answer(EVERY_FIELD, [CRM_RECORD, { ...CRM_RECORD, ref: 'AB1235', kind: 6, sex: 'M', lang: 'de' }]);
		expect(nodeError).toBeUndefined();
		const expected = {
			IsSuccessfull: true,
			ErrorCode: null,
			ErrorMessage: null,
			Contacts: [EXPECTED_CONTACT, { ...EXPECTED_CONTACT, Id: 'AB1235', Type: 6, Gender: 'M', LanguageCode: 'de' }],
		};
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(expected);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sent).toEqual([{ body: expected, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 200 }]);
		// What goes over the wire is plain JSON that survives a round trip unchanged.
		expect(JSON.parse(JSON.stringify(sent[0].body))).toEqual(expected);
	});

	it('types each Extra_data value as the user chose: number, boolean, text, JSON, or as the expression gave it', async () => {
		const entry = (name: string, type: string, value: string) => ({ name, type, value });
		const { items, nodeError } = await answer(
			{
				resource: 'contact',
				operation: 'buildImportResponse',
				contactId: 'C1',
				contactFields: {
					isAcceptingBrandEmailing: true,
					extraData: {
						entries: [
							entry('Number of children', 'number', '3'),
							entry('Budget', 'number', '2.5'),
							entry('Club member', 'boolean', 'yes'),
							entry('Zip as text', 'string', '={{ 75001 }}'),
							entry('Flag as text', 'string', '={{ true }}'),
							entry('Preferences', 'json', '{"colors":["red"],"size":null}'),
							entry('Nothing', 'json', 'null'),
							entry('From expression', 'auto', '={{ 42 }}'),
							entry('Typed text', 'auto', '42'),
						],
					},
				},
				options: {},
			},
			[{ ref: 'C1' }],
		);
		expect(nodeError).toBeUndefined();
		const [contact] = items[0].json.Contacts as IDataObject[];
		expect(contact).toEqual({
			Id: 'C1',
			isAcceptingBrandEmailing: true,
			IsAcceptingBrandEmailing: true,
			Extra_data: {
				'Number of children': 3,
				Budget: 2.5,
				'Club member': true,
				'Zip as text': '75001',
				'Flag as text': 'true',
				Preferences: { colors: ['red'], size: null },
				Nothing: null,
				'From expression': 42,
				'Typed text': '42',
			},
		});
	});

	it.each([
		['number', 'three', 'Extra_data.Kids: "three" is not a number (item 0)'],
		['boolean', 'perhaps', 'Extra_data.Kids: "perhaps" is not true or false (item 0)'],
		['json', '{oops', 'Extra_data.Kids: "{oops" is not valid JSON (item 0)'],
	])('an Extra_data value that is not a %s is refused, naming the entry', async (type, value, message) => {
		const { nodeError, sent } = await answer(
			{ resource: 'contact', operation: 'buildImportResponse', contactId: 'C1', contactFields: { extraData: { entries: [{ name: 'Kids', type, value }] } }, options: {} },
			[{ ref: 'C1' }],
		);
		expect(nodeError?.message).toBe(message);
		// Popsell is told the import failed, never handed a partial list.
		expect(sent.map((response) => [response.statusCode, (response.body as IDataObject).ErrorCode, (response.body as IDataObject).Contacts])).toEqual([
			[500, 'CONTACT_MAPPING_FAILED', []],
		]);
	});

	it('sends only Id when nothing else is mapped, and omits empty fields', async () => {
		const { items } = await answer(
			{ resource: 'contact', operation: 'buildImportResponse', contactId: '={{ $json.id }}', contactFields: { email: '={{ $json.email }}', tags: '' }, options: {} },
			[{ id: 17, email: '' }, { id: ' 18 ', email: null }],
		);
		expect(items[0].json.Contacts).toEqual([{ Id: '17' }, { Id: '18' }]);
	});

	it('writes dates from any form as YYYY-MM-DD HH:MM:SS', async () => {
		const dates: Array<[unknown, string]> = [
			['2015-12-05 10:12:54', '2015-12-05 10:12:54'],
			['2015-12-05T10:12:54', '2015-12-05 10:12:54'],
			['2015-12-05', '2015-12-05 00:00:00'],
			['2024-07-01T10:00:00.123+02:00', '2024-07-01 10:00:00'],
			['2024-07-01T08:00:00Z', '2024-07-01 10:00:00'],
			[Date.UTC(2024, 0, 15, 23, 30, 5), '2024-01-16 00:30:05'],
		];
		const { items, nodeError } = await answer(
			{ resource: 'contact', operation: 'buildImportResponse', contactId: '={{ $json.id }}', contactFields: { lastModificationDate: '={{ $json.date }}' }, options: { timeZone: 'Europe/Paris' } },
			dates.map(([date], index) => ({ id: index, date: date as string })),
		);
		expect(nodeError).toBeUndefined();
		expect((items[0].json.Contacts as IDataObject[]).map((contact) => contact.LastModificationDate)).toEqual(dates.map(([, expected]) => expected));
	});

	it('takes a Luxon date from an expression, in the workflow\'s time zone by default', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 'answer',
						name: ANSWER,
						type: POPSELL,
						typeVersion: 1,
						position: [200, 0],
						parameters: {
							resource: 'contact',
							operation: 'buildImportResponse',
							contactId: 'X',
							contactFields: { lastModificationDate: '={{ DateTime.fromISO("2024-01-10T12:00:00Z") }}' },
							respond: false,
							options: {},
						},
					},
				],
				connections: { Start: { main: [[{ node: ANSWER, type: 'main', index: 0 }]] } },
				settings: { timezone: 'America/New_York' },
			},
			{ credentials, input: [{ id: 'X' }] },
		);
		expect(result.task(ANSWER)?.error).toBeUndefined();
		expect(result.output(ANSWER)[0].json.Contacts).toEqual([{ Id: 'X', LastModificationDate: '2024-01-10 07:00:00' }]);
	});

	it('gives Contacts: [] when the CRM found nothing (an empty item from Always Output Data)', async () => {
		const { items, sent } = await answer(EVERY_FIELD, [{}]);
		expect(items[0].json).toEqual({ IsSuccessfull: true, ErrorCode: null, ErrorMessage: null, Contacts: [] });
		expect(sent[0].statusCode).toBe(200);
	});

	// Issue 27: the filter compared Popsell's zone-less date with the contacts' as text, so a contact changed after
	// Popsell's date but written in a zone 12 h behind Popsell's ("zones-apart") was left out, for good. It now leaves
	// out only what is older in any two zones (26 h before); "old" moved from 23:59:59 to 09:59:59 to stay older.
	it('leaves out contacts not modified since the date the Popsell Trigger received (in any two zones)', async () => {
		const { result, sent } = await answerAfterTrigger(
			{ resource: 'contact', operation: 'buildImportResponse', contactId: '={{ $json.ref }}', contactFields: { lastModificationDate: '={{ $json.updated }}' }, options: {} },
			{ customerId: 'REP1', lastUpdate: '2024-05-01T12:00:00', lastUpdateText: '2024-05-01 12:00:00', method: 'GET', query: {} },
			[
				{ ref: 'old', updated: '2024-04-30 09:59:59' },
				{ ref: 'zones-apart', updated: '2024-04-30 23:59:59' },
				{ ref: 'same-second', updated: '2024-05-01 12:00:00' },
				{ ref: 'new', updated: '2024-06-01 08:00:00' },
				{ ref: 'undated', updated: '' },
			],
		);
		expect(result.task(ANSWER)?.error).toBeUndefined();
		expect((sent[0].body as IDataObject).Contacts).toEqual([
			{ Id: 'zones-apart', LastModificationDate: '2024-04-30 23:59:59' },
			{ Id: 'same-second', LastModificationDate: '2024-05-01 12:00:00' },
			{ Id: 'new', LastModificationDate: '2024-06-01 08:00:00' },
			{ Id: 'undated' },
		]);
		expect(result.task(ANSWER)?.hints).toEqual([
			expect.objectContaining({ message: '1 contact(s) not modified since 2024-04-30 10:00:00 left out', type: 'info' }),
		]);
	});

	it('sends everything when the trigger received no date, and filters on a date the user chooses', async () => {
		const contacts = [
			{ ref: 'a', updated: '2020-01-01 00:00:00' },
			{ ref: 'b', updated: '2024-01-01 00:00:00' },
		];
		const base = { resource: 'contact', operation: 'buildImportResponse', contactId: '={{ $json.ref }}', contactFields: { lastModificationDate: '={{ $json.updated }}' } };
		const noDate = await answerAfterTrigger({ ...base, options: {} }, { customerId: 'REP1', lastUpdate: null }, contacts);
		expect((noDate.sent[0].body as IDataObject).Contacts).toHaveLength(2);
		const chosen = await answerAfterTrigger({ ...base, options: { modifiedSince: 'customDate', sinceDate: '2023-06-01T00:00:00' } }, { customerId: 'REP1', lastUpdate: null }, contacts);
		expect((chosen.sent[0].body as IDataObject).Contacts).toEqual([{ Id: 'b', LastModificationDate: '2024-01-01 00:00:00' }]);
	});

	it.each([
		['no Id', { ref: '' }, 'Id: missing (Popsell requires it) (item 1)', 'Id'],
		['a gender other than M/F', { sex: 'Male' }, 'Gender: "Male" is not M or F (item 1)', 'Gender'],
		['a type out of range', { kind: 7 }, 'Type: "7" is not a contact type (1 to 6, or Hostess, Client, Prospect, My Sales Rep, Sales Manager, All Sales Rep) (item 1)', 'Type'],
		['a flag that is not true/false', { optIn: 'maybe' }, 'IsAcceptingEmailing: "maybe" is not true or false (item 1)', 'IsAcceptingEmailing'],
		['a date that is not a date', { updated: '05/12/2015' }, 'LastModificationDate: "05/12/2015" is not a date (item 1)', 'LastModificationDate'],
	])('fails the answer for a contact with %s: Popsell gets IsSuccessfull:false (500), the user a named error', async (_case, change, message, field) => {
		const { items, sent, nodeError } = await answer(EVERY_FIELD, [CRM_RECORD, { ...CRM_RECORD, ...change }]);
		expect(items).toEqual([]);
		expect(nodeError?.message).toBe(message);
		expect(sent).toEqual([
			{
				body: {
					IsSuccessfull: false,
					ErrorCode: 'CONTACT_MAPPING_FAILED',
					ErrorMessage: `The contact list could not be built: contact 2 cannot be mapped (${field}).`,
					Contacts: [],
				},
				headers: { 'content-type': 'application/json; charset=utf-8' },
				statusCode: 500,
			},
		]);
	});

	it('leaves unmappable contacts out with a warning per contact when asked to', async () => {
		const parameters = { ...EVERY_FIELD, options: { timeZone: 'Europe/Paris', onUnmappableContact: 'skip' } };
		const result = await runNode({
			type: POPSELL,
			parameters,
			credentials,
			input: [{ ...CRM_RECORD, sex: 'X' }, CRM_RECORD, { ...CRM_RECORD, ref: null }],
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.items[0].json.Contacts).toEqual([EXPECTED_CONTACT]);
		expect(result.task('Under Test')?.hints).toEqual([
			expect.objectContaining({ message: 'Contact of item 0 left out: Gender: "X" is not M or F', type: 'warning' }),
			expect.objectContaining({ message: 'Contact of item 2 left out: Id: missing (Popsell requires it)', type: 'warning' }),
		]);
	});

	it('never presents a partial list as complete when an earlier step failed under Continue On Fail', async () => {
		const { sent, nodeError } = await answer(EVERY_FIELD, [CRM_RECORD, { error: 'CRM timeout after 30 s' }]);
		expect(sent.map((response) => [response.statusCode, (response.body as IDataObject).ErrorCode])).toEqual([[500, 'WORKFLOW_FAILED']]);
		expect(nodeError?.message).toMatch(/^Item 1 carries an error from an earlier step/);
		// The upstream error text stays in n8n; Popsell only learns that the list could not be built.
		expect(JSON.stringify(sent)).not.toContain('CRM timeout');
	});

	it('outputs the error answer it sent when the node itself continues on fail', async () => {
		const { items, sent, nodeError, task } = await answer(EVERY_FIELD, [{ ...CRM_RECORD, kind: 0 }], true);
		expect(nodeError).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(sent[0].body);
		expect(items[0].json).toMatchObject({ IsSuccessfull: false, ErrorCode: 'CONTACT_MAPPING_FAILED', Contacts: [] });
		expect(task('Under Test')?.hints).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Type: "0" is not a contact type .*\(item 0\)$/), type: 'warning' })]);
	});

	it.each([
		['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'Time Zone: "Mars/Olympus" is not a time zone such as Europe/Paris (item 0)'],
		['a Since Date that is not a date', { modifiedSince: 'customDate', sinceDate: 'last tuesday' }, 'Since Date: "last tuesday" is not a date (item 0)'],
	])('answers Popsell with an error before mapping anything for %s', async (_case, options, message) => {
		const { sent, nodeError } = await answer({ ...EVERY_FIELD, options }, [CRM_RECORD]);
		expect(nodeError?.message).toBe(message);
		expect(sent).toEqual([
			{
				body: { IsSuccessfull: false, ErrorCode: 'WORKFLOW_FAILED', ErrorMessage: 'The contact list could not be built.', Contacts: [] },
				headers: { 'content-type': 'application/json; charset=utf-8' },
				statusCode: 500,
			},
		]);
	});

	it('only outputs the answer when Respond to Popsell is off', async () => {
		const { items, sent } = await answer({ ...EVERY_FIELD, respond: false }, [CRM_RECORD]);
		expect(sent).toEqual([]);
		expect(items[0].json.Contacts).toEqual([EXPECTED_CONTACT]);
	});
});

describe('Popsell node: Build Error Response', () => {
	it('sends the Popsell error shape with the chosen status, once for all items', async () => {
		const { items, sent } = await answer(
			{ resource: 'contact', operation: 'buildErrorResponse', errorCode: '={{ $json.code }}', errorMessage: 'Base CRM indisponible — réessayez', statusCode: 503 },
			[{ code: 'CRM_DOWN' }, { code: 'ignored' }],
		);
		const body = { IsSuccessfull: false, ErrorCode: 'CRM_DOWN', ErrorMessage: 'Base CRM indisponible — réessayez', Contacts: [] };
		expect(sent).toEqual([{ body, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 503 }]);
		expect(items.map((item) => item.json)).toEqual([body]);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses an empty message before sending anything', async () => {
		const { sent, nodeError } = await answer({ resource: 'contact', operation: 'buildErrorResponse', errorCode: 'X', errorMessage: '={{ $json.nothing }}', statusCode: 500 }, [{}]);
		expect(sent).toEqual([]);
		expect(nodeError?.message).toBe('Error Message: empty (item 0)');
	});
});

describe('Popsell node: Compute Token', () => {
	it('computes the token Popsell sends, per item, and the query string of such a call', async () => {
		const { items, nodeError } = await answer(
			{ resource: 'utility', operation: 'computeToken', customerId: '={{ $json.id }}', additionalFields: { date: '={{ $json.date }}' } },
			[{ id: 'REP42', date: '' }, { id: 'Zoë & Co', date: '2015-12-05 10:12:54' }],
		);
		expect(nodeError).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ customerId: 'REP42', token: popsellToken(POPSELL_SANDBOX_SECRET, 'REP42'), queryString: `id=REP42&token=${popsellToken(POPSELL_SANDBOX_SECRET, 'REP42')}` },
			{
				customerId: 'Zoë & Co',
				token: popsellToken(POPSELL_SANDBOX_SECRET, 'Zoë & Co'),
				queryString: `id=Zo%C3%AB+%26+Co&token=${popsellToken(POPSELL_SANDBOX_SECRET, 'Zoë & Co')}&date=2015-12-05+10%3A12%3A54`,
			},
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(JSON.stringify(items)).not.toContain(POPSELL_SANDBOX_SECRET);
	});

	it('matches a known MD5 vector in both orders', async () => {
		// md5("abc") = 900150983cd24fb0d6963f7d28e17f72 (RFC 1321): key "ab" + ID "c", or ID "ab" + key "c".
		const keyFirst = await runNode({
			type: POPSELL,
			parameters: { resource: 'utility', operation: 'computeToken', customerId: 'c' },
			credentials: { popsellApi: { staticSecret: 'ab', hashOrder: 'keyThenCustomerId' } },
		});
		const idFirst = await runNode({
			type: POPSELL,
			parameters: { resource: 'utility', operation: 'computeToken', customerId: 'ab' },
			credentials: { popsellApi: { staticSecret: 'c', hashOrder: 'customerIdThenKey' } },
		});
		expect(keyFirst.items[0].json.token).toBe('900150983cd24fb0d6963f7d28e17f72');
		expect(idFirst.items[0].json.token).toBe('900150983cd24fb0d6963f7d28e17f72');
	});

	it('names the field and item of bad input; Continue On Fail gives one error item per bad item', async () => {
		const parameters = { resource: 'utility', operation: 'computeToken', customerId: '={{ $json.id }}', additionalFields: { date: '={{ $json.date }}' } };
		const stopped = await answer(parameters, [{ id: 'A' }, { id: 'B', date: '2015-13-01' }]);
		expect(stopped.nodeError?.message).toBe('Last Update: "2015-13-01" is not YYYY-MM-DD HH:MM:SS (item 1)');
		const continued = await answer(parameters, [{ id: '' }, { id: 'B' }], true);
		expect(continued.items.map((item) => [item.json.error ?? item.json.customerId, item.pairedItem])).toEqual([
			['Customer ID: empty (item 0)', { item: 0 }],
			['B', { item: 1 }],
		]);
	});

	it('refuses an empty static key without revealing anything', async () => {
		const result = await runNode({
			type: POPSELL,
			parameters: { resource: 'utility', operation: 'computeToken', customerId: 'A' },
			credentials: { popsellApi: { staticSecret: '', hashOrder: 'keyThenCustomerId' } },
		});
		expect(result.nodeError?.message).toBe('Popsell credential: The static key is empty: enter the key agreed with Popsell. (item 0)');
	});
});
