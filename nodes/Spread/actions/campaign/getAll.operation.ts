import { listOperation } from '../listAndGet';

// SPREAD documents no filter for the campaign list (only paging): none is offered, none is sent.
export const { description, execute } = listOperation({ resource: 'campaign', path: '/campaigns', key: 'campaigns' });
