import type { INodeProperties } from 'n8n-workflow';

import * as deleteContact from './delete.operation';
import * as deleteByUserData from './deleteByUserData.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as importContact from './import.operation';

export const operations = { import: importContact, get, getAll, delete: deleteContact, deleteByUserData };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a dialler contact by ID', action: 'Delete a contact' },
			{ name: 'Delete by User Data', value: 'deleteByUserData', description: 'Delete the first dialler contact whose UserData matches', action: 'Delete a contact by user data' },
			{ name: 'Get', value: 'get', description: 'Get a dialler contact by ID', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many dialler contacts, optionally of one campaign', action: 'Get many contacts' },
			{ name: 'Import', value: 'import', description: 'Import a contact into a dialler campaign, chosen by ID or by name', action: 'Import a contact' },
		],
		default: 'import',
	},
	...importContact.description,
	...get.description,
	...getAll.description,
	...deleteContact.description,
	...deleteByUserData.description,
];
