import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from './sandbox';
import { startVendorServer } from './vendorServer';
import type { RecordedRequest, Reply, VendorServer } from './vendorServer';

/**
 * A local jtel ACD REST server (Dialler functions), as wiki.jtel.de documents it:
 * `/rest/v1.0/{ClientsID}/…`, `Authorization: Bearer {token}`, JSON bodies, errors as `{status, error}`,
 * a 404 with an empty body for a URL that does not exist, lists without paging.
 */

export const JTEL_CONTACT_FIELDS = [
	'RandomSortOrder', 'UserData', 'Client', 'Service', 'ReferenceNumber', 'Name', 'FirstName', 'Salutation', 'Title',
	'Company', 'Address', 'PostalCode', 'City', 'Country', 'AccountOwner', 'AccountBank', 'AccountNationalBankCode',
	'AccountBIC', 'AccountNumber', 'AccountIBAN', 'Amount', 'PhoneNumber1', 'PhoneNumber2', 'PhoneNumber3', 'PhoneNumber4',
	'PhoneNumber5', 'PhoneNumber6', 'FaxNumber', 'Email', 'Website', 'Comment', 'ReservedUsersUID', 'FollowUpUsersUID',
	'FollowUpDateTime', 'dtBeginDate', 'dtEndDate', 'Manufacturer', 'Model', 'Tag', 'ExternalSystemLink',
] as const;

const DATE_FIELDS = ['FollowUpDateTime', 'dtBeginDate', 'dtEndDate'];
const PHONE_FIELDS = ['PhoneNumber1', 'PhoneNumber2', 'PhoneNumber3', 'PhoneNumber4', 'PhoneNumber5', 'PhoneNumber6'];
const JTEL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const IMPORT_KEYS = new Set<string>(['DiallerCampaignsID', 'DiallerCampaignsName', ...JTEL_CONTACT_FIELDS]);

export interface JtelServerOptions {
	clientsId?: string;
	token?: string;
	campaigns?: IDataObject[];
	/** Contacts to start with: the import fields plus DiallerCampaignsID. */
	contacts?: IDataObject[];
}

export interface JtelServer extends VendorServer {
	clientsId: string;
	token: string;
	campaigns: IDataObject[];
	contacts: IDataObject[];
	/** Credential data for the jtelApi type, pointing at this server. */
	credentials(): { baseUrl: string; clientsId: string; apiToken: string };
}

export const DEMO_CAMPAIGNS: IDataObject[] = [
	{ ID: 538, Name: 'My Campaign', ContactPreviewTime: 10, nMaxParallelLines: 5 },
	{ ID: 539, Name: 'Spring Outreach', ContactPreviewTime: 15, nMaxParallelLines: 3 },
	{ ID: 540, Name: 'Renewals Q1 & Q2 "Süd"', ContactPreviewTime: 0, nMaxParallelLines: 8 },
];

/** What jtel fills in on a fresh contact: dialling statistics that stay empty until it is dialled. */
function emptyStatistics(): IDataObject {
	const stats: IDataObject = { dtNextTry: null, LastAcdAgentEndReasonsID: null, bLastResultMailbox: null };
	for (let n = 1; n <= 6; n++) {
		stats[`nTriesPhoneNumber${n}`] = 0;
		stats[`bPhoneNumber${n}Invalid`] = null;
		stats[`nPhoneNumber${n}LastCause`] = null;
		stats[`PhoneNumber${n}LastAcdAgentEndReasonsID`] = null;
	}
	return stats;
}

const error = (status: number, message: string): Reply => ({ status, body: { status, error: message } });
const list = (records: IDataObject[], filter = ''): Reply => ({
	body: { filter, limitStart: 0, limitPageSize: -1, records, count: records.length, orderBy: 'ID', ascending: true, status: 200 },
});
const single = (record: IDataObject): Reply => ({ body: { records: [record], count: 1, status: 200 } });
/** A URL jtel does not know: 404 with nothing in the body. */
const noSuchEndpoint: Reply = { status: 404, body: '' };

export async function startJtelServer(options: JtelServerOptions = {}): Promise<JtelServer> {
	const clientsId = options.clientsId ?? '1001';
	const token = options.token ?? 'jtel-test-token-7f3a9c';
	const campaigns: IDataObject[] = (options.campaigns ?? DEMO_CAMPAIGNS).map((campaign) => ({ ClientsID: Number(clientsId), ...campaign }));
	const contacts: IDataObject[] = [];
	let nextContactId = 1000;

	const newContact = (fields: IDataObject, campaignId: number): IDataObject => {
		const contact: IDataObject = { ID: ++nextContactId, ClientsID: Number(clientsId), DiallerCampaignsID: campaignId };
		for (const key of JTEL_CONTACT_FIELDS) contact[key] = fields[key] ?? null;
		Object.assign(contact, emptyStatistics());
		contacts.push(contact);
		return contact;
	};
	for (const seed of options.contacts ?? []) newContact(seed, Number(seed.DiallerCampaignsID));

	const importContact = (request: RecordedRequest): Reply => {
		if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) {
			return error(415, 'Unsupported Media Type: application/json expected');
		}
		const overwrite = request.query.get('overwriteDuplicates');
		if (overwrite !== 'true' && overwrite !== 'false') return error(400, 'Missing parameter: overwriteDuplicates');
		let body: IDataObject;
		try {
			body = JSON.parse(request.body) as IDataObject;
		} catch {
			return error(400, 'Invalid JSON in request body');
		}
		if (body === null || typeof body !== 'object' || Array.isArray(body)) return error(400, 'A dialler contact object is expected');
		// Unknown keys (like the seed's diff-garbled "dtBeginDateUserData") are refused, as a strict JSON mapper does.
		const unknown = Object.keys(body).find((key) => !IMPORT_KEYS.has(key));
		if (unknown) return error(400, `Unrecognized field "${unknown}"`);
		if (typeof body.Name !== 'string' || body.Name.trim() === '') return error(400, 'Missing parameter: Name');
		if (!PHONE_FIELDS.some((key) => typeof body[key] === 'string' && (body[key] as string) !== '')) {
			return error(400, 'Missing parameter: at least one of PhoneNumber1 to PhoneNumber6');
		}
		for (const key of DATE_FIELDS) {
			if (body[key] !== undefined && body[key] !== null && !JTEL_DATE_TIME.test(String(body[key]))) {
				return error(400, `Invalid date for ${key}: ${String(body[key])} (expected YYYY-MM-DDTHH:MM:SS)`);
			}
		}
		let campaign: IDataObject | undefined;
		if (body.DiallerCampaignsID !== undefined && body.DiallerCampaignsID !== null) {
			if (typeof body.DiallerCampaignsID !== 'number') return error(400, 'DiallerCampaignsID must be a number');
			campaign = campaigns.find((entry) => entry.ID === body.DiallerCampaignsID);
		} else if (typeof body.DiallerCampaignsName === 'string' && body.DiallerCampaignsName !== '') {
			campaign = campaigns.find((entry) => entry.Name === body.DiallerCampaignsName);
		} else {
			return error(400, 'Missing parameter: DiallerCampaignsID or DiallerCampaignsName');
		}
		if (!campaign) return error(404, 'Dialler campaign not found');
		const campaignId = campaign.ID as number;

		if (overwrite === 'true' && typeof body.UserData === 'string' && body.UserData !== '') {
			const existing = contacts.find((contact) => contact.DiallerCampaignsID === campaignId && contact.UserData === body.UserData);
			if (existing) {
				for (const key of JTEL_CONTACT_FIELDS) if (body[key] !== undefined) existing[key] = body[key];
				return single(existing);
			}
		}
		return single(newContact(body, campaignId));
	};

	const route = (request: RecordedRequest, path: string): Reply => {
		const { method } = request;
		if (path === '/dialler/campaigns' && method === 'GET') return list(campaigns);
		let match = /^\/dialler\/campaigns\/([^/]+)$/.exec(path);
		if (match && method === 'GET') {
			if (!/^\d+$/.test(match[1])) return error(400, 'Invalid parameter: DiallerCampaignsID');
			const campaign = campaigns.find((entry) => entry.ID === Number(match![1]));
			return campaign ? single(campaign) : error(404, 'Dialler campaign not found');
		}
		if (path === '/dialler/contacts' && method === 'GET') {
			const filter = request.query.get('diallerCampaignsID');
			if (filter !== null && !/^\d+$/.test(filter)) return error(400, 'Invalid parameter: diallerCampaignsID');
			const records = filter === null ? contacts : contacts.filter((contact) => contact.DiallerCampaignsID === Number(filter));
			return list(records, filter === null ? '' : `DiallerCampaignsID=${filter}`);
		}
		if (path === '/dialler/contacts/import' && method === 'POST') return importContact(request);
		match = /^\/dialler\/contacts\/(\d+)$/.exec(path);
		if (match && method === 'GET') {
			const contact = contacts.find((entry) => entry.ID === Number(match![1]));
			return contact ? single(contact) : error(404, 'Dialler contact not found');
		}
		match = /^\/dialler\/contacts\/contact\/(\d+)$/.exec(path);
		if (match && method === 'DELETE') {
			const index = contacts.findIndex((entry) => entry.ID === Number(match![1]));
			if (index < 0) return error(404, 'Dialler contact not found');
			contacts.splice(index, 1);
			return { body: { status: 200 } };
		}
		if (path === '/dialler/contacts/contact' && method === 'DELETE') {
			const userData = request.query.get('userData');
			if (userData === null || userData === '') return error(400, 'Missing parameter: userData');
			// jtel deletes the first match only.
			const index = contacts.findIndex((entry) => entry.UserData === userData);
			if (index < 0) return error(404, 'Dialler contact not found');
			contacts.splice(index, 1);
			return { body: { status: 200 } };
		}
		return noSuchEndpoint;
	};

	const server = await startVendorServer((request) => {
		const match = /^\/rest\/v1\.0\/([^/]+)(\/.*)$/.exec(request.path);
		if (!match) return noSuchEndpoint;
		if (request.headers.authorization !== `Bearer ${token}` || decodeURIComponent(match[1]) !== clientsId) {
			return error(401, 'Unauthorized');
		}
		return route(request, match[2]);
	});

	return Object.assign(server, {
		clientsId,
		token,
		campaigns,
		contacts,
		credentials: () => ({ baseUrl: server.url, clientsId, apiToken: token }),
	});
}

export const SANDBOX_CREDENTIAL_ID = 'jtel-sandbox';

/** The jtel sandbox for `npm start` and the real-n8n tests: demo campaigns and a few contacts. */
export async function startSandbox(): Promise<Sandbox> {
	const server = await startJtelServer({
		clientsId: '1001',
		token: 'jtel-sandbox-token',
		contacts: [
			{ DiallerCampaignsID: 538, Name: 'Mustermann', FirstName: 'Max', Company: 'Musterfirma GmbH', PhoneNumber1: '+49 89 1234567', UserData: 'crm-0001' },
			{ DiallerCampaignsID: 539, Name: 'Musterfrau', FirstName: 'Erika', PhoneNumber1: '+49 30 7654321', UserData: 'crm-0002', Tag: 'spring' },
		],
	});
	return {
		vendor: 'jtel',
		url: server.url,
		credentials: [{ id: SANDBOX_CREDENTIAL_ID, name: 'jtel sandbox', type: 'jtelApi', data: server.credentials() }],
		close: () => server.close(),
	};
}
