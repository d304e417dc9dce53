import { listOperation } from '../listAndGet';
import { CAGNOTTE_OUTPUT } from '../output';

// The document lists no filter for cagnotte lines.
export const { description, execute, output } = listOperation({ output: CAGNOTTE_OUTPUT, resource: 'cagnotte', path: '/cagnottes', key: 'cagnottes' });
