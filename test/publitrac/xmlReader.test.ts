import { readLeads } from '../../nodes/Publitrac/transport';
import { parsePublitracXml, readXml, XmlSyntaxError } from '../../nodes/Publitrac/xmlReader';

const LISTS = new Set(['response.leads.lead']);

describe('readXml: one strict pass over a PUBLITRAC answer', () => {
	it('gives text as strings, children as objects, repeated names as lists, and drops layout whitespace', () => {
		const { root, value } = readXml(
			'<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- answer -->\n<response>\n  <status>2001</status>\n  <leads>\n    <lead><id>0012</id><empty></empty><closed/><spaces>  </spaces></lead>\n  </leads>\n' +
				'  <tag>a</tag><tag>b</tag>\n  <mixed>1<b>2</b>3</mixed>\n</response>\n',
			LISTS,
		);
		expect(root).toBe('response');
		expect(value).toEqual({
			status: '2001',
			leads: { lead: [{ id: '0012', empty: '', closed: '', spaces: '  ' }] },
			tag: ['a', 'b'],
			mixed: { b: '2', '#text': '13' },
		});
	});

	it('decodes the five XML entities and character references, keeps CDATA as text, skips attributes and comments', () => {
		const { value } = readXml(`<r><a x="1" y='&amp;'>&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;</a><b><![CDATA[<p>&amp;</p>]]>!</b><c>1<!-- no -->2</c></r>`);
		expect(value).toEqual({ a: `<>&"' éé`, b: '<p>&amp;</p>!', c: '12' });
	});

	it('keeps element names that are also Object properties as plain keys', () => {
		const { value } = readXml('<r><constructor>a</constructor><__proto__>b</__proto__><toString>c</toString><toString>d</toString></r>');
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		const record = value as Record<string, unknown>;
		expect(Object.keys(record)).toEqual(['constructor', '__proto__', 'toString']);
		expect([record.constructor, Object.getOwnPropertyDescriptor(record, '__proto__')?.value, record.toString]).toEqual(['a', 'b', ['c', 'd']]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([
		['a cut-off document', '<response><leads><lead><id>1</id>', /<lead> is not closed/],
		['a cut-off closing tag', '<response><a>1</a></respon', /is not closed|expected/],
		['mismatched tags', '<response><a>1</b></response>', /<\/b> where <\/a> was expected/],
		['an unclosed child', '<response><a>1<b>2</a></response>', /<\/a> where <\/b> was expected/],
		['an unknown entity', '<response><a>&bogus;</a></response>', /"&bogus;" is not an XML entity/],
		['a bare ampersand', '<response><a>A & B</a></response>', /is not an XML entity/],
		['a "<" in text', '<response><a>1 < 2</a></response>', /name/],
		['text after the root', '<response><a>1</a></response>trailing', /content after the root/],
		['two roots', '<response/><other/>', /content after the root/],
		['text before the root', 'oops<response/>', /text before the root/],
		['an empty body', '', /an empty document/],
		['an attribute without quotes', '<response><a x=1>t</a></response>', /not in quotes/],
	])('refuses %s', (_case, xml, reason) => {
		expect(() => readXml(xml)).toThrow(XmlSyntaxError);
		expect(() => readXml(xml)).toThrow(reason);
	});

	it('refuses a DTD wherever it is, not only at the start', () => {
		const padding = `<lead><id>1</id><notes>${'x'.repeat(4096)}</notes></lead>`;
		const late = `<response><leads>${padding}</leads><!DOCTYPE r [<!ENTITY e "spoofed">]><status>&e;</status></response>`;
		expect(() => parsePublitracXml(late)).toThrow(/DOCTYPE, which is refused/);
		expect(() => parsePublitracXml('<?xml version="1.0"?><!DOCTYPE response [<!ENTITY e "x">]><response/>')).toThrow(/DOCTYPE, which is refused/);
	});

	it('names an HTML page even when it is not well-formed XML', () => {
		expect(() => parsePublitracXml('<html><body>Bad gateway<br></body></html>')).toThrow(/an HTML page instead of XML/);
	});

	it('reads a large answer in one pass', () => {
		const leads = Array.from({ length: 2000 }, (_, index) => `<lead><id>${index}</id><email>l${index}@x.example</email></lead>`).join('\n');
		const response = parsePublitracXml(`<response><status>2001</status><leads>\n${leads}\n</leads></response>`);
		expect(readLeads(response)).toHaveLength(2000);
		expect(readLeads(response)[1999]).toEqual({ id: '1999', email: 'l1999@x.example' });
	});
});
