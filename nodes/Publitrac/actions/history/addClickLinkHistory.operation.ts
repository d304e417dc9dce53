import { visitHistoryOperation } from './visitHistory';

const operation = visitHistoryOperation('addClickLinkHistory', 'clicklinkleadhistory');

export const description = operation.description;
export const execute = operation.execute;
export { ANSWER_OUTPUT as output } from '../output';
