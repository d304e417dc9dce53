import { listOperation } from '../listAndGet';
import { CAMPAIGN_OUTPUT } from '../output';

// SPREAD documents no filter for the campaign list (only paging): none is offered, none is sent.
export const { description, execute, output } = listOperation({ output: CAMPAIGN_OUTPUT, resource: 'campaign', path: '/campaigns', key: 'campaigns' });
