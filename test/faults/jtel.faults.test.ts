import { describeFaultSuite } from './faultSuite';
import { startJtelTarget } from './vendors';

describeFaultSuite('jtel', startJtelTarget);
