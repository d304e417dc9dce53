// The other side of every comparison: what a user builds without our nodes, from n8n's own HTTP Request (4.2),
// Aggregate and Split Out nodes (n8n-nodes-base 2.41.1), as workflow JSON for the same engine as ours.
import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../../test/engine/runner';
import type { PublitracRemote, SpreadRemote } from './remote';

const HTTP_REQUEST_VERSION = 4.2;
export const HTTP_REQUEST = 'HTTP Request';

function node(name: string, type: string, typeVersion: number, parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return { id: name, name, type: `n8n-nodes-base.${type}`, typeVersion, position: [0, 0], parameters, ...extra };
}

export function chain(...nodes: INode[]): WorkflowJson {
	const all = [node('Start', 'manualTrigger', 1, {}), ...nodes];
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index + 1 < all.length; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main' as never, index: 0 }]] };
	}
	return { nodes: all, connections };
}

/** HTTP Request's Batching option: `batchSize` items, then a pause of `intervalMs` before the next ones are sent. */
export interface Batching {
	batchSize: number;
	intervalMs: number;
}

const batchingOption = (batching?: Batching) => (batching ? { batching: { batch: { batchSize: batching.batchSize, batchInterval: batching.intervalMs } } } : {});

/** PUBLITRAC's auth parameters in the query string, as its document gives them. */
function publitracQuery(method: string, server: PublitracRemote) {
	return {
		sendQuery: true,
		specifyQuery: 'keypair',
		queryParameters: {
			parameters: [
				{ name: 'method', value: method },
				{ name: 'apikey', value: server.account.apiKey },
				{ name: 'username', value: server.account.username },
				{ name: 'password', value: server.account.password },
			],
		},
	};
}

/** A form body with one `query` field holding the XML an expression builds. */
const xmlForm = (expression: string) => ({
	sendBody: true,
	contentType: 'form-urlencoded',
	specifyBody: 'keypair',
	bodyParameters: { parameters: [{ name: 'query', value: expression }] },
});

// What a user types into the body field: the lead XML built in an expression (no escaping, as users write it).
const LEAD_XML_EXPRESSION =
	"={{ '<?xml version=\"1.0\" encoding=\"UTF-8\"?><request><lead><email>' + $json.email + '</email><firstName>' + $json.firstName + " +
	"'</firstName><score>' + $json.score + '</score></lead></request>' }}";

/** syncLead once per item. On Error: Continue, so a refused call is an error item to count (with n8n's default, Stop, the first 429 fails the run). */
export function syncLeadWorkflow(server: PublitracRemote, batching?: Batching): WorkflowJson {
	return chain(
		node(
			HTTP_REQUEST,
			'httpRequest',
			HTTP_REQUEST_VERSION,
			{ method: 'POST', url: server.apiUrl, ...publitracQuery('syncLead', server), ...xmlForm(LEAD_XML_EXPRESSION), options: batchingOption(batching) },
			{ onError: 'continueRegularOutput' },
		),
	);
}

/** The email lists of batch calls built from Aggregate's `email` array, in one expression. */
const LEADS_XML = "$json.email.map(email => '<lead><email>' + email + '</email></lead>').join('')";
const BATCH_XML: Record<string, string> = {
	addLeadsToList: `={{ '<?xml version="1.0" encoding="UTF-8"?><request><list><name>Benchmark list</name></list><leads>' + ${LEADS_XML} + '</leads></request>' }}`,
	executeCampaign: `={{ '<?xml version="1.0" encoding="UTF-8"?><request><leads>' + ${LEADS_XML} + '</leads><campaigns><campaign><name>Webinar</name></campaign></campaigns></request>' }}`,
};

/** What a careful user builds for a batch method: Aggregate every item's email into one list, then one HTTP Request. */
export function aggregateThenCallWorkflow(server: PublitracRemote, method: keyof typeof BATCH_XML & string): WorkflowJson {
	return chain(
		node('Aggregate', 'aggregate', 1, { aggregate: 'aggregateIndividualFields', fieldsToAggregate: { fieldToAggregate: [{ fieldToAggregate: 'email' }] }, options: {} }),
		node(HTTP_REQUEST, 'httpRequest', HTTP_REQUEST_VERSION, { method: 'POST', url: server.apiUrl, ...publitracQuery(method, server), ...xmlForm(BATCH_XML[method]), options: {} }),
	);
}

const spreadAuth = { authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth' };
const spreadCredential = { httpBasicAuth: { id: 'spread-basic', name: 'SPREAD basic auth' } };

/** SPREAD's keys as an HTTP Basic Auth credential. */
export const spreadBasicAuth = (server: SpreadRemote) => ({ httpBasicAuth: { user: String(server.credentials.publicKey), password: String(server.credentials.privateKey) } });

/** GET /customers/{id} once per item. */
export function spreadGetCustomerWorkflow(server: SpreadRemote, batching?: Batching): WorkflowJson {
	return chain(
		node(
			HTTP_REQUEST,
			'httpRequest',
			HTTP_REQUEST_VERSION,
			{ method: 'GET', url: `=${server.baseUrl}/customers/{{ $json.customerId }}`, ...spreadAuth, options: batchingOption(batching) },
			{ credentials: spreadCredential },
		),
	);
}

/** Return All with the HTTP Request node's pagination option (startAt += 5000 until nextPageUrl is empty), then Split Out. */
export function spreadReturnAllWorkflow(server: SpreadRemote, pageSize: number, paginate = true): WorkflowJson {
	const pagination = {
		pagination: {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: { parameters: [{ type: 'qs', name: 'startAt', value: `={{ $pageCount * ${pageSize} }}` }] },
			paginationCompleteWhen: 'other',
			completeExpression: '={{ !$response.body.nextPageUrl }}',
		},
	};
	return chain(
		node(
			HTTP_REQUEST,
			'httpRequest',
			HTTP_REQUEST_VERSION,
			{
				method: 'GET',
				url: `${server.baseUrl}/customers`,
				...spreadAuth,
				sendQuery: true,
				specifyQuery: 'keypair',
				queryParameters: { parameters: [{ name: 'maxResults', value: String(pageSize) }] },
				options: paginate ? { pagination } : {},
			},
			{ credentials: spreadCredential },
		),
		// One item per page from the HTTP Request node: Split Out makes one item per customer, as our node returns.
		node('Split Out', 'splitOut', 1, { fieldToSplitOut: 'customers', include: 'noOtherFields', options: {} }),
	);
}

/** One write per item, as a user builds it with the HTTP Request node and its defaults (every item at once). */
export function writePerItemWorkflow(vendor: 'spread' | 'jtel' | 'influencersoft', server: { url: string; credentials: Record<string, unknown> }): WorkflowJson {
	const json = (url: string, body: string, extra: INodeParameters = {}) => ({
		method: 'POST',
		url,
		sendBody: true,
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: body,
		options: {},
		...extra,
	});
	if (vendor === 'spread') {
		return chain(
			node(HTTP_REQUEST, 'httpRequest', HTTP_REQUEST_VERSION, { ...json(`${String(server.credentials.baseUrl)}/customers`, '={{ JSON.stringify({ customer: { email: $json.email } }) }}'), ...spreadAuth }, {
				credentials: spreadCredential,
			}),
		);
	}
	if (vendor === 'jtel') {
		const url = `${server.url}/rest/v1.0/${String(server.credentials.clientsId)}/dialler/contacts/import`;
		return chain(
			node(
				HTTP_REQUEST,
				'httpRequest',
				HTTP_REQUEST_VERSION,
				{
					...json(url, '={{ JSON.stringify({ DiallerCampaignsID: 538, Name: $json.name, PhoneNumber1: $json.phone }) }}'),
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendQuery: true,
					specifyQuery: 'keypair',
					queryParameters: { parameters: [{ name: 'overwriteDuplicates', value: 'false' }] },
				},
				{ credentials: { httpHeaderAuth: { id: 'jtel-bearer', name: 'jtel bearer token' } } },
			),
		);
	}
	return chain(
		node(HTTP_REQUEST, 'httpRequest', HTTP_REQUEST_VERSION, {
			method: 'POST',
			url: `${server.url}/api/addupdatelead`,
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'rpsKey', value: String(server.credentials.apiKey) },
					{ name: 'lead_email', value: '={{ $json.email }}' },
				],
			},
			options: {},
		}),
	);
}
