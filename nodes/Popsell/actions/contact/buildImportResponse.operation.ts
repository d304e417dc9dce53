import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { informationCallout, textField } from '../../../shared/descriptions';
import { asNodeError } from '../../../shared/errors';
import type { WallClock } from '../../dates';
import { formatPopsellDate, toWallClock } from '../../dates';
import { answerItem, answerPopsell, errorAnswer, POPSELL_ERROR_CODES, successAnswer } from '../../response';
import { respondField } from '../fields';
import { buildPopsellContact, CONTACT_TYPES, EXTRA_DATA_TYPES, UnmappableField } from './contactMapping';

const show = { resource: ['contact'], operation: ['buildImportResponse'] };

const flag = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

export const description: INodeProperties[] = [
	informationCallout(
		'popsellImportCallout',
		'One input item per contact; the node answers Popsell once, with all of them. If the node that fetches the contacts can return nothing, turn on its <b>Always Output Data</b> setting: the empty item it then gives becomes <code>Contacts: []</code>.',
		show,
	),
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.reference }}',
		description: 'The contact\'s identifier in your system (Popsell\'s ID field, the only required one)',
		displayOptions: { show },
	},
	{
		displayName: 'Contact Fields',
		name: 'contactFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			textField('City', 'city'),
			textField('Comment', 'comment'),
			textField('Country', 'country'),
			textField('Email', 'email'),
			{
				displayName: 'Extra Data',
				name: 'extraData',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Extra Data',
				description: 'Name and value pairs sent as Extra_data, each value with its JSON type: choose it per entry (a number stays a number, true/false a boolean)',
				options: [
					{
						displayName: 'Entry',
						name: 'entries',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Club level' },
							{
								displayName: 'Value Type',
								name: 'type',
								type: 'options',
								default: 'auto',
								options: EXTRA_DATA_TYPES.map((type) => ({ ...type })),
								description: 'The JSON type Popsell receives',
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 3' },
						],
					},
				],
			},
			textField('First Name', 'firstName'),
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				default: 'F',
				options: [
					{ name: 'Female (F)', value: 'F' },
					{ name: 'Male (M)', value: 'M' },
				],
				description: 'M or F. An expression may give m/f too; anything else makes the contact unmappable.',
			},
			flag(
				'Is Accepting Brand Emailing',
				'isAcceptingBrandEmailing',
				'Whether the contact accepts email from the brand. Sent under both spellings of Popsell\'s document: isAcceptingBrandEmailing (its table) and IsAcceptingBrandEmailing (its example).',
			),
			flag('Is Accepting Emailing', 'isAcceptingEmailing', 'Whether the contact accepts email from the ambassador'),
			flag('Is Soft Deleted', 'isSoftDeleted', 'Whether the contact was deleted: Popsell removes it from the rep\'s list'),
			textField('Language Code', 'languageCode', 'Such as fr_FR (fr-FR is rewritten to fr_FR)'),
			{
				displayName: 'Last Modification Date',
				name: 'lastModificationDate',
				type: 'dateTime',
				default: '',
				description: 'Any date; sent as YYYY-MM-DD HH:MM:SS in the time zone set under Options. A date without a zone is sent as written.',
			},
			textField('Last Name', 'lastName'),
			textField('Phone 1 (Home)', 'phone1'),
			textField('Phone 2 (Mobile)', 'phone2'),
			textField('Postcode', 'postcode'),
			textField('Street 1', 'street1'),
			textField('Street 2', 'street2'),
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. vip, newsletter',
				description: 'Comma-separated, or a list from an expression',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 2,
				options: CONTACT_TYPES.map((type) => ({ name: type.name, value: type.value })),
				description: 'Popsell\'s contact type. An expression may give the number (1–6) or the name.',
			},
		],
	},
	respondField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'If a Contact Cannot Be Mapped',
				name: 'onUnmappableContact',
				type: 'options',
				default: 'fail',
				options: [
					{
						name: 'Fail the Answer',
						value: 'fail',
						description: 'Answer Popsell with an error (HTTP 500) and stop, naming the contact and field',
					},
					{
						name: 'Leave It Out With a Warning',
						value: 'skip',
						description: 'Send the other contacts; the node shows a warning per contact left out',
					},
				],
				description: 'A contact without an ID, with a gender other than M/F or a type outside 1–6, and so on',
			},
			{
				displayName: 'Only Contacts Modified Since',
				name: 'modifiedSince',
				type: 'options',
				default: 'triggerDate',
				options: [
					{
						name: 'The Date Popsell Sent',
						value: 'triggerDate',
						description:
							'The date of the Popsell Trigger this node answers, less 26 hours: Popsell names no zone, and a contact must not be lost when its date and Popsell\'s are written in different zones (one changed a little earlier may be sent again). No filter when Popsell sent none.',
					},
					{ name: 'A Date I Choose', value: 'customDate' },
				],
				description: 'Leave out contacts whose Last Modification Date is earlier. Contacts without that date are always sent.',
			},
			{
				displayName: 'Since Date',
				name: 'sinceDate',
				type: 'dateTime',
				default: '',
				displayOptions: { show: { modifiedSince: ['customDate'] } },
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Paris',
				description: 'The zone dates are written in (Popsell names none). Empty: the workflow\'s time zone.',
			},
		],
	},
];

const TRIGGER_TYPE_SUFFIX = '.popsellTrigger';

/** What Popsell is told when the answer cannot be a contact list, kept beside the error the user reads. */
interface PopsellReason {
	code: string;
	message: string;
}

const popsellReasons = new WeakMap<Error, PopsellReason>();

const GENERIC_REASON: PopsellReason = { code: POPSELL_ERROR_CODES.workflowFailed, message: 'The contact list could not be built.' };

function answerFailure(context: IExecuteFunctions, message: string, itemIndex: number, reason: PopsellReason = GENERIC_REASON): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), message, { itemIndex });
	popsellReasons.set(error, reason);
	return error;
}

/** The date the Popsell Trigger received, as "YYYY-MM-DD HH:MM:SS", or undefined when it got none. */
function triggerDate(context: IExecuteFunctions): string | undefined {
	const trigger = context.getParentNodes(context.getNode().name).find((node) => node.type.endsWith(TRIGGER_TYPE_SUFFIX));
	if (!trigger) return undefined;
	let value: unknown;
	try {
		value = context.evaluateExpression(`{{ $(${JSON.stringify(trigger.name)}).first().json.lastUpdate }}`, 0);
	} catch {
		// The trigger did not run in this execution (another trigger started it): no date, so no filter;
		// sending too many contacts is safe, too few is not.
		return undefined;
	}
	if (typeof value !== 'string' || value === '') return undefined;
	const clock = toWallClock(value, 'UTC');
	if (!clock) return undefined;
	// Popsell's date and the contacts' dates may be written in any two zones (UTC−12 to UTC+14): only a contact
	// earlier in every reading is surely older. Sending a contact twice is safe, leaving one out is not.
	const earliest = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - ZONE_SPREAD_MS;
	return formatPopsellDate(toWallClock(new Date(earliest), 'UTC') as WallClock);
}

/** How far apart two clocks on Earth can be: UTC−12 to UTC+14. */
const ZONE_SPREAD_MS = 26 * 3_600_000;

/** An item a failed step passed on under Continue On Fail: answering without it would send a partial list. */
function upstreamError(item: INodeExecutionData): boolean {
	return item.json.error !== undefined && item.json.error !== null && item.json.error !== '';
}

function checkTimeZone(context: IExecuteFunctions, timeZone: string): void {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
	} catch {
		throw answerFailure(context, `Time Zone: "${timeZone}" is not a time zone such as Europe/Paris (item 0)`, 0);
	}
}

function sinceDate(context: IExecuteFunctions, options: IDataObject, timeZone: string): string | undefined {
	if (options.modifiedSince !== 'customDate') return triggerDate(context);
	const value = options.sinceDate;
	if (value === undefined || value === null || value === '') return undefined;
	const clock = toWallClock(value, timeZone);
	if (!clock) throw answerFailure(context, `Since Date: "${String(value)}" is not a date (item 0)`, 0);
	return formatPopsellDate(clock);
}

/** The contact list, or a NodeOperationError saying why there can be none (and what Popsell is told). */
function buildContacts(context: IExecuteFunctions, items: INodeExecutionData[]): IDataObject[] {
	const failedIndex = items.findIndex(upstreamError);
	if (failedIndex !== -1) {
		throw answerFailure(
			context,
			`Item ${failedIndex} carries an error from an earlier step, so the contact list is incomplete: Popsell was answered with an error`,
			failedIndex,
			{ code: POPSELL_ERROR_CODES.workflowFailed, message: 'The contact list could not be built: an earlier step failed.' },
		);
	}
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const timeZone = (typeof options.timeZone === 'string' && options.timeZone.trim()) || context.getTimezone();
	checkTimeZone(context, timeZone);
	const since = sinceDate(context, options, timeZone);

	const contacts: IDataObject[] = [];
	let leftOutAsUnchanged = 0;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// An empty item (Always Output Data on an empty result) stands for "no contacts".
		if (Object.keys(items[itemIndex].json).length === 0) continue;
		let contact: IDataObject;
		try {
			contact = buildPopsellContact(
				{
					id: context.getNodeParameter('contactId', itemIndex, ''),
					fields: context.getNodeParameter('contactFields', itemIndex, {}) as IDataObject,
				},
				timeZone,
			);
		} catch (error) {
			if (!(error instanceof UnmappableField)) {
				throw answerFailure(context, `${(error as Error).message} (item ${itemIndex})`, itemIndex, {
					code: POPSELL_ERROR_CODES.contactMapping,
					message: `The contact list could not be built: contact ${itemIndex + 1} cannot be mapped.`,
				});
			}
			if (options.onUnmappableContact === 'skip') {
				context.addExecutionHints({ message: `Contact of item ${itemIndex} left out: ${error.message}`, type: 'warning', location: 'outputPane' });
				continue;
			}
			throw answerFailure(context, `${error.message} (item ${itemIndex})`, itemIndex, {
				code: POPSELL_ERROR_CODES.contactMapping,
				message: `The contact list could not be built: contact ${itemIndex + 1} cannot be mapped (${error.field}).`,
			});
		}
		if (since !== undefined && typeof contact.LastModificationDate === 'string' && contact.LastModificationDate < since) {
			leftOutAsUnchanged++;
			continue;
		}
		contacts.push(contact);
	}
	if (leftOutAsUnchanged > 0) {
		context.addExecutionHints({ message: `${leftOutAsUnchanged} contact(s) not modified since ${since} left out`, type: 'info', location: 'outputPane' });
	}
	return contacts;
}

export async function executeOnce(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	let contacts: IDataObject[];
	try {
		contacts = buildContacts(this, items);
	} catch (error) {
		// Whatever went wrong, Popsell hears that the list could not be built: never a partial list, never silence.
		const reason = popsellReasons.get(error as Error) ?? GENERIC_REASON;
		const answer = errorAnswer(reason.code, reason.message);
		await answerPopsell.call(this, answer, 500);
		const nodeError = asNodeError(this.getNode(), error, 0);
		if (!this.continueOnFail()) throw nodeError;
		// The item stays the answer Popsell got (so a "last node" answer is the same); the user sees why in a warning.
		this.addExecutionHints({ message: nodeError.message, type: 'warning', location: 'outputPane' });
		return [answerItem(answer, items.length)];
	}
	const answer = successAnswer(contacts);
	await answerPopsell.call(this, answer, 200);
	return [answerItem(answer, items.length)];
}
