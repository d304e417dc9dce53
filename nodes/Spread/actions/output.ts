import type { OutputShape } from '../../shared/typedOutput';
import { customFieldsByName } from './customer/typedCustomer';

/**
 * SPREAD's field types, for Simplify. SPREAD sends flags and counts as strings ("1", "0", "99") and `tags` as ""
 * when there is none. Empty fields stay: a customer keeps the same keys with Simplify on or off.
 */
const DATES = { createdAt: 'date', updatedAt: 'date', date: 'date' } as const;

export const CUSTOMER_OUTPUT: OutputShape = {
	fields: {
		...DATES,
		isFan: 'flag',
		isFollow: 'flag',
		isFanLinkedin: 'flag',
		isBuyer: 'flag',
		actionCount: 'number',
		cagnotteAmount: 'number',
		tags: 'list',
		custom_fields: 'object',
		lastActionDt: 'date',
		lastOrderDt: 'date',
		birthday: 'date',
	},
	leaveOut: 'nothing',
	// Custom fields come printed as `Label:Value` under the field's ID: Simplify names them by their label.
	prepare: (customer) => ('custom_fields' in customer ? { ...customer, custom_fields: customFieldsByName(customer.custom_fields) } : customer),
};

/** Orders (read, and the APIv1 answers of Create / Update, flattened). */
export const ORDER_OUTPUT: OutputShape = {
	fields: { ...DATES, amount: 'number', order_amount: 'number', status: 'number', state: 'number', tags: 'list', attributes: 'object' },
	leaveOut: 'nothing',
};

export const CAMPAIGN_OUTPUT: OutputShape = { fields: { ...DATES, dateStart: 'date' }, leaveOut: 'nothing' };

export const CAGNOTTE_OUTPUT: OutputShape = {
	fields: { ...DATES, amount: 'number', cagnotteAmount: 'number', cagnotteLineDate: 'date', cagnotteLineValidationDate: 'date' },
	leaveOut: 'nothing',
};

export const SPONSORSHIP_OUTPUT: OutputShape = { fields: { ...DATES, sponsorshipValidated: 'flag', validatedAt: 'date' }, leaveOut: 'nothing' };

export const CUSTOM_EVENT_OUTPUT: OutputShape = { fields: { ...DATES, metadata: 'object' }, leaveOut: 'nothing' };

/** Answers that only confirm (`{"response": "Customer deleted."}`): flat already, nothing to type. */
export const CONFIRMATION_OUTPUT: OutputShape = { fields: {}, leaveOut: 'nothing' };
