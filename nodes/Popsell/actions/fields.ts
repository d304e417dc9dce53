import type { INodeProperties } from 'n8n-workflow';

/** The "Respond to Popsell" switch both contact operations share. */
export function respondField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Respond to Popsell',
		name: 'respond',
		type: 'boolean',
		default: true,
		description:
			'Whether to send this answer to Popsell now, as n8n\'s Respond to Webhook node does (Popsell Trigger set to respond using the Popsell node). Off: only output it, for a trigger that answers when the last node finishes.',
		displayOptions: { show },
	};
}
