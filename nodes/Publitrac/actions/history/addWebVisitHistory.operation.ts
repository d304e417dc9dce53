import { visitHistoryOperation } from './visitHistory';

const operation = visitHistoryOperation('addWebVisitHistory', 'webvisitleadhistory');

export const description = operation.description;
export const execute = operation.execute;
export { ANSWER_OUTPUT as output } from '../output';
