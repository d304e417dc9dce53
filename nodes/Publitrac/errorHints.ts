/**
 * What to do about each PUBLITRAC error code (the document's constants 9001–9018). The vendor's code,
 * message and `<error>` lines stay as sent; these hints are added after them in the error's description.
 * The names of 9006 and 9007 speak of the original source, but the document's error lines use them for
 * a lead field that is not a whole number (9006) or not 0/1 (9007): the hints cover both.
 */
export const PUBLITRAC_ERROR_HINTS: Record<string, string> = {
	'9001': 'The lead has no email address: map the Email field to a value (every lead method needs one).',
	'9002': 'PUBLITRAC refused the email address: correct it (it must be a valid address shorter than 50 characters).',
	'9003': 'No external ID was given: fill in the External ID (the lead\'s CRM Lead ID).',
	'9004': 'A lead with this email already exists: use Sync Lead, which updates it, instead of adding it again.',
	'9005': 'No lead has this email or ID in PUBLITRAC: create it first (Sync Lead), or check the spelling; for an opportunity, the lead IDs must be CRM Lead IDs already synced.',
	'9006': 'A lead field expected a whole number (Score, Number of Employees, Revenue), or the lead has no original source: check the field named in the error line.',
	'9007': 'A yes/no lead field (Do Not Call, Unsubscribed, Is Customer, Suspended…) must be 0 or 1, or the lead has no original source type: check the field named in the error line.',
	'9008': 'A custom field is not known to PUBLITRAC: create it in the account\'s lead fields first, or correct its name (names are case-sensitive).',
	'9009': 'The list does not exist, or its name is missing: check the name (case and spaces) in PUBLITRAC\'s lists.',
	'9010': 'The filtered list (view) does not exist: check its name in PUBLITRAC\'s lists.',
	'9011': 'PUBLITRAC could not read the request: a value holds something it refuses or a required part is missing; the error lines say which.',
	'9012': 'The list is a filtered list: leads can be added only to static lists. Choose a static list, or a new name (PUBLITRAC then creates a static list).',
	'9013': 'The leads were not added to the list: the error lines name each lead or list at fault (a lead must exist before it joins a list).',
	'9014': 'The leads were not removed from the list: the error lines name each lead or list at fault.',
	'9015': 'The lead could not be read: check the token ID (like _nl-yourdomain.com-1111111111111-11111) or the email.',
	'9016': 'The lead was not created: the error lines name each field at fault; an existing email needs Sync Lead instead.',
	'9017': 'The lead was not updated: the error lines name each field at fault.',
	'9018': 'The lead was not synchronized: the error lines name each field at fault; two leads matching the unicity key, or Merge Anonymous without a token, end here too.',
};

/** The codes an answer carries: its status, then each `<error>` line that starts with one ("9005 - …"). */
function codesOf(status: string, errorLines: string[]): string[] {
	const codes = [status.trim(), ...errorLines.map((line) => /^\s*(\d{4})\b/.exec(line)?.[1] ?? '')];
	return [...new Set(codes.filter((code) => PUBLITRAC_ERROR_HINTS[code] !== undefined))];
}

/** The error's description: every `<error>` line as sent, then one hint per code found. */
export function describePublitracFailure(status: string, errorLines: string[]): string | undefined {
	const hints = codesOf(status, errorLines).map((code) => `What to do (${code}): ${PUBLITRAC_ERROR_HINTS[code]}`);
	const text = [...errorLines, ...hints].join('\n');
	return text === '' ? undefined : text;
}
