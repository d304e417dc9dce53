import type { INode } from 'n8n-workflow';

import { invalidInput } from '../shared/errors';

// ISO 3166-1 alpha-2, the codes InfluencerSoft turns into country names.
const ISO_COUNTRY_CODES = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
		'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
		'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
		'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
		'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
		'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

export const ISO_COUNTRY_CODE_COUNT = ISO_COUNTRY_CODES.size;

const EMAIL_PATTERN = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;.]{2,}$/;

/** The forms the document accepts: "UTC + 03", "+03", "-01", "3", "-1" (whole hours, -12…+14). */
const UTC_PATTERN = /^(?:UTC\s*)?([+-]?)\s*(\d{1,2})$/i;

export function checkEmail(node: INode, itemIndex: number, field: string, value: string): string {
	const email = value.trim();
	if (!EMAIL_PATTERN.test(email)) throw invalidInput(node, itemIndex, field, `"${value}" is not a valid email address`);
	return email;
}

export function checkCountryCode(node: INode, itemIndex: number, field: string, value: string): string {
	const code = value.trim().toUpperCase();
	if (!ISO_COUNTRY_CODES.has(code)) {
		throw invalidInput(node, itemIndex, field, `"${value}" is not an ISO 3166-1 alpha-2 country code`, 'Use two letters such as US, CA, DE or FR.');
	}
	return code;
}

export function checkUtcOffset(node: INode, itemIndex: number, field: string, value: string): string {
	const text = value.trim();
	const match = UTC_PATTERN.exec(text);
	const hours = match ? Number(match[2]) * (match[1] === '-' ? -1 : 1) : NaN;
	if (!match || hours < -12 || hours > 14) {
		throw invalidInput(node, itemIndex, field, `"${value}" is not a time zone InfluencerSoft accepts`, 'Use one of the forms "UTC + 03", "+03", "-01", "3" or "-1" (whole hours from -12 to +14).');
	}
	return text;
}

/** Comma-separated lists are the API's format, so an entry may not contain a comma itself. */
export function checkListEntries(node: INode, itemIndex: number, field: string, values: string[]): string[] {
	const entries = values.map((value) => String(value).trim()).filter((value) => value !== '');
	const withComma = entries.find((entry) => entry.includes(','));
	if (withComma !== undefined) throw invalidInput(node, itemIndex, field, `"${withComma}" contains a comma, which the API uses to separate entries`);
	return entries;
}
