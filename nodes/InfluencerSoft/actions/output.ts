import type { OutputShape } from '../../shared/typedOutput';

/**
 * InfluencerSoft's answers carry numbers as text (`good_sum: "49.00"`, counts) and a contact's groups as a list.
 * Simplify types them and flattens the `result` of a write into `result_…` fields.
 */
export const INFLUENCERSOFT_OUTPUT: OutputShape = {
	fields: {
		good_sum: 'number',
		good_type: 'number',
		count: 'number',
		orders: 'number',
		paid: 'number',
		fee: 'number',
		subscription_time: 'date',
		groups: 'list',
		success: 'flag',
		deleted: 'flag',
	},
	leaveOut: 'nothing',
};
