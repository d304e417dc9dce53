import type { IDataObject } from 'n8n-workflow';

/**
 * A strict, single-pass reader for PUBLITRAC's XML answers: well-formedness is checked while the document is read
 * (no separate validation pass), and anything outside plain XML is refused rather than guessed at.
 *
 * What it gives, per element: its text as a string when it has no child elements ('' when empty), else an object
 * of its children (a name seen twice becomes a list; paths in `listPaths` are always lists) plus `#text` when it
 * also holds text that is not layout whitespace. Attributes are checked and dropped, comments and processing
 * instructions skipped, CDATA kept as text, the five predefined entities and numeric character references decoded.
 * Refused: a DOCTYPE or any other `<!` declaration anywhere (no DTD, so no entity expansion), unknown entities,
 * unclosed, mismatched or stray tags, more than one root, text outside the root.
 */
export class XmlSyntaxError extends Error {
	constructor(
		readonly reason: string,
		readonly line: number,
		/** The document declares a DTD. */
		readonly declaresDtd = false,
	) {
		super(`${reason}, line ${line}`);
	}
}

export interface XmlDocument {
	root: string;
	value: unknown;
}

interface OpenElement {
	name: string;
	path: string;
	children: Record<string, unknown> | undefined;
	text: string;
}

const { hasOwnProperty } = Object.prototype;

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const VALID_NAME = /^[^\d\-.#\s<>/=&"'!?][^\s<>/=&"'!?]*$/;

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** Whether a character ends a tag or attribute name: space, / > = < " ' &. */
const endsName = (code: number) => isSpace(code) || code === 47 || code === 62 || code === 61 || code === 60 || code === 34 || code === 39 || code === 38;

export function readXml(source: string, listPaths: ReadonlySet<string> = new Set()): XmlDocument {
	// XML's own line-end handling, done once for the whole document.
	const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
	let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const knownNames = new Set<string>();
	const nameEnd = (from: number) => {
		let end = from;
		while (end < text.length && !endsName(text.charCodeAt(end))) end++;
		return end;
	};
	const skipSpace = () => {
		while (isSpace(text.charCodeAt(position))) position++;
	};
	const fail = (reason: string, at = position): never => {
		let line = 1;
		for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) line++;
		throw new XmlSyntaxError(reason, line);
	};

	const checkName = (name: string, at: number) => {
		if (knownNames.has(name)) return;
		if (!VALID_NAME.test(name)) fail(`"${name.slice(0, 40)}" is not an element or attribute name`, at);
		knownNames.add(name);
	};

	const decode = (raw: string, at: number): string => {
		if (!raw.includes('&')) return raw;
		let result = '';
		let from = 0;
		for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
			const semicolon = raw.indexOf(';', amp);
			const name = semicolon === -1 ? '' : raw.slice(amp + 1, semicolon);
			let character = PREDEFINED_ENTITIES[name];
			if (character === undefined && /^#(\d{1,7}|x[\da-fA-F]{1,6})$/.test(name)) {
				const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				if (code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0) character = String.fromCodePoint(code);
			}
			if (character === undefined) fail(`"&${name.slice(0, 20)}${semicolon === -1 ? '' : ';'}" is not an XML entity (only &lt; &gt; &amp; &quot; &apos; and character references)`, at + amp);
			result += raw.slice(from, amp) + character;
			from = semicolon + 1;
		}
		return result + raw.slice(from);
	};

	/** Skips comments, processing instructions and layout whitespace before and after the root. */
	const skipMisc = (): void => {
		for (;;) {
			skipSpace();
			if (text.startsWith('<?', position)) {
				const end = text.indexOf('?>', position + 2);
				if (end === -1) fail('unclosed processing instruction');
				position = end + 2;
			} else if (text.startsWith('<!--', position)) {
				const end = text.indexOf('-->', position + 4);
				if (end === -1) fail('unclosed comment');
				position = end + 3;
			} else if (text.startsWith('<!', position)) {
				refuseDeclaration();
			} else return;
		}
	};

	const refuseDeclaration = (): never => {
		if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(text.slice(position, position + 10))) {
			let line = 1;
			for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line++;
			throw new XmlSyntaxError('a DOCTYPE or DTD declaration, which is refused (no entity expansion)', line, true);
		}
		return fail(`unexpected "${text.slice(position, position + 12)}"`);
	};

	/** Reads a start tag at `position` (just after its `<`): its name, and whether it closes itself. */
	const readStartTag = (): { name: string; selfClosing: boolean } => {
		const start = position;
		const end = nameEnd(position);
		const name = text.slice(start, end);
		checkName(name, start);
		position = end;
		for (;;) {
			const before = position;
			skipSpace();
			const character = text[position];
			if (character === '>') {
				position++;
				return { name, selfClosing: false };
			}
			if (character === '/' && text[position + 1] === '>') {
				position += 2;
				return { name, selfClosing: true };
			}
			if (character === undefined) fail(`unclosed tag <${name}>`);
			if (before === position) fail(`no space before an attribute of <${name}>`);
			// An attribute: checked for well-formedness, then dropped (PUBLITRAC's data is all in elements).
			const attributeEnd = nameEnd(position);
			checkName(text.slice(position, attributeEnd), position);
			position = attributeEnd;
			skipSpace();
			if (text[position] !== '=') fail(`attribute without a value in <${name}>`);
			position++;
			skipSpace();
			const quote = text[position];
			if (quote !== '"' && quote !== "'") fail(`attribute value not in quotes in <${name}>`);
			const close = text.indexOf(quote, position + 1);
			if (close === -1) fail(`unclosed attribute value in <${name}>`);
			const value = text.slice(position + 1, close);
			if (value.includes('<')) fail(`"<" in an attribute value of <${name}>`);
			decode(value, position + 1);
			position = close + 1;
		}
	};

	const attach = (parent: OpenElement, name: string, value: unknown) => {
		const children = (parent.children ??= {});
		// Own keys only: "constructor" or "toString" must not find Object's.
		const existing = hasOwnProperty.call(children, name) ? children[name] : undefined;
		if (existing === undefined) {
			const entry = listPaths.has(`${parent.path}.${name}`) ? [value] : value;
			// A plain assignment to "__proto__" would set the prototype instead of a key.
			if (name === '__proto__') Object.defineProperty(children, name, { value: entry, enumerable: true, writable: true, configurable: true });
			else children[name] = entry;
		} else if (Array.isArray(existing)) existing.push(value);
		else children[name] = [existing, value];
	};

	const valueOf = (element: OpenElement): unknown => {
		if (!element.children) return element.text;
		// Whitespace between child elements is layout, not data.
		if (element.text !== '' && element.text.trim() !== '') element.children['#text'] = element.text;
		return element.children;
	};

	skipMisc();
	if (text[position] !== '<') fail(position >= text.length ? 'an empty document' : 'text before the root element');
	position++;
	const rootTag = readStartTag();
	if (rootTag.selfClosing) {
		skipMisc();
		if (position < text.length) fail('content after the root element');
		return { root: rootTag.name, value: '' };
	}
	const stack: OpenElement[] = [{ name: rootTag.name, path: rootTag.name, children: undefined, text: '' }];
	for (;;) {
		const open = stack[stack.length - 1];
		const lessThan = text.indexOf('<', position);
		if (lessThan === -1) fail(`<${open.name}> is not closed (the document ends first)`, text.length);
		if (lessThan > position) open.text += decode(text.slice(position, lessThan), position);
		position = lessThan + 1;
		const next = text[position];
		if (next === '/') {
			let end = position + 1 + open.name.length;
			if (text.startsWith(open.name, position + 1)) while (isSpace(text.charCodeAt(end))) end++;
			if (text[end] !== '>' || !text.startsWith(open.name, position + 1)) {
				const close = text.indexOf('>', position);
				if (close === -1) fail(`<${open.name}> is not closed (the document ends first)`, text.length);
				fail(`</${text.slice(position + 1, close).trim().slice(0, 40)}> where </${open.name}> was expected`);
			}
			position = end + 1;
			stack.pop();
			const value = valueOf(open);
			if (stack.length === 0) {
				skipMisc();
				if (position < text.length) fail('content after the root element');
				return { root: open.name, value };
			}
			attach(stack[stack.length - 1], open.name, value);
		} else if (next === '!') {
			if (text.startsWith('![CDATA[', position)) {
				const end = text.indexOf(']]>', position + 8);
				if (end === -1) fail('unclosed CDATA section');
				open.text += text.slice(position + 8, end);
				position = end + 3;
			} else if (text.startsWith('!--', position)) {
				const end = text.indexOf('-->', position + 3);
				if (end === -1) fail('unclosed comment');
				position = end + 3;
			} else {
				position--;
				refuseDeclaration();
			}
		} else if (next === '?') {
			const end = text.indexOf('?>', position + 1);
			if (end === -1) fail('unclosed processing instruction');
			position = end + 2;
		} else {
			const tag = readStartTag();
			if (tag.selfClosing) attach(open, tag.name, '');
			else stack.push({ name: tag.name, path: `${open.path}.${tag.name}`, children: undefined, text: '' });
		}
	}
}

/** `readXml`, with a syntax error returned rather than thrown. */
export function tryReadXml(source: string, listPaths?: ReadonlySet<string>): XmlDocument | XmlSyntaxError {
	try {
		return readXml(source, listPaths);
	} catch (error) {
		return error instanceof XmlSyntaxError ? error : new XmlSyntaxError(`unreadable XML (${String(error)})`, 0);
	}
}

/** Elements that may repeat: always read as lists, even when one comes back. */
const REPEATED_ELEMENTS: ReadonlySet<string> = new Set([
	'response.leads.lead',
	'response.campaign',
	'response.campaigns.campaign',
	'response.opportunities.opportunity',
	'response.errors.error',
]);

export class PublitracXmlError extends Error {}

/**
 * Parses a PUBLITRAC answer and returns its `<response>` element, values as strings as the API sends them
 * ("0012" postal codes keep their zeros). One strict pass (xmlReader.ts): refuses documents that are not
 * well-formed, hold a DOCTYPE anywhere (no entity expansion beyond XML's own) or are not a response.
 */
export function parsePublitracXml(text: string): IDataObject {
	const trimmed = text.trim();
	if (/^<!DOCTYPE\s+html/i.test(trimmed)) throw new PublitracXmlError(`an HTML page instead of XML: ${excerpt(trimmed)}`);
	const document = tryReadXml(trimmed, REPEATED_ELEMENTS);
	if (document instanceof XmlSyntaxError) {
		if (document.declaresDtd) throw new PublitracXmlError('an XML document with a DOCTYPE, which is refused (no entity expansion)');
		if (/^<html[\s>]/i.test(trimmed)) throw new PublitracXmlError(`an HTML page instead of XML: ${excerpt(trimmed)}`);
		throw new PublitracXmlError(`a body that is not valid XML (${document.message}): ${excerpt(trimmed)}`);
	}
	if (document.root !== 'response') {
		const looksHtml = document.root.toLowerCase() === 'html';
		throw new PublitracXmlError(`${looksHtml ? 'an HTML page' : 'an XML document without <response>'}: ${excerpt(trimmed)}`);
	}
	const response = document.value;
	return typeof response === 'object' && response !== null ? (response as IDataObject) : {};
}

function excerpt(text: string): string {
	return text.replace(/\s+/g, ' ').slice(0, 200);
}
