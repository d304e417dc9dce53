import { buildRequestXml, cdata, readCampaigns, readLeads, readPaging } from '../../nodes/Publitrac/transport';
import { parsePublitracXml } from '../../nodes/Publitrac/xmlReader';

describe('parsePublitracXml and buildRequestXml', () => {
	it('reads the document example: leads as lists, values as strings, paging numbers', () => {
		const response = parsePublitracXml(`<?xml version="1.0" encoding="UTF-8"?>
<response>
    <leads>
        <lead>
            <id>470</id>
            <postalCode>01234</postalCode>
            <middleName></middleName>
            <someCustomField>my custom field</someCustomField>
        </lead>
    </leads>
    <paging><page>1</page><items>1</items><offset>100</offset><total>1</total></paging>
    <status>2001</status>
    <message>Get leads success.</message>
</response>`);
		expect(readLeads(response)).toEqual([{ id: '470', postalCode: '01234', middleName: '', someCustomField: 'my custom field' }]);
		expect(readPaging(response)).toEqual({ page: 1, items: 1, offset: 100, total: 1 });
		expect(response.status).toBe('2001');
	});

	it('reads bare campaigns, even a single one', () => {
		const response = parsePublitracXml('<response><campaign><id>2071</id><Name>A &amp; B</Name></campaign><status>5001</status></response>');
		expect(readCampaigns(response)).toEqual([{ id: '2071', Name: 'A & B' }]);
	});

	it('refuses what is not a well-formed PUBLITRAC response', () => {
		expect(() => parsePublitracXml('<response><status>2001</status>')).toThrow(/not valid XML/);
		expect(() => parsePublitracXml('<html><body>oops</body></html>')).toThrow(/an HTML page/);
		expect(() => parsePublitracXml('<!DOCTYPE html><html></html>')).toThrow(/an HTML page/);
		expect(() => parsePublitracXml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><response/>')).toThrow(/DOCTYPE/);
		expect(() => parsePublitracXml('<result/>')).toThrow(/without <response>/);
	});

	it('builds a request with every value escaped and CDATA split around "]]>"', () => {
		const xml = buildRequestXml({ lead: { email: 'a&b@x.example', notes: '<b>"q"</b>' }, values: cdata('x ]]> y') });
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><request><lead><email>a&amp;b@x.example</email><notes>&lt;b&gt;&quot;q&quot;&lt;/b&gt;</notes></lead><values><![CDATA[x ]]]]><![CDATA[> y]]></values></request>',
		);
	});
});
