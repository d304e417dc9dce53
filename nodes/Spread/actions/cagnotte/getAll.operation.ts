import { listOperation } from '../listAndGet';

// The document lists no filter for cagnotte lines.
export const { description, execute } = listOperation({ resource: 'cagnotte', path: '/cagnottes', key: 'cagnottes' });
