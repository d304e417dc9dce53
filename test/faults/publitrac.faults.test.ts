import { describeFaultSuite } from './faultSuite';
import { startPublitracTarget } from './vendors';

describeFaultSuite('PUBLITRAC', startPublitracTarget);
