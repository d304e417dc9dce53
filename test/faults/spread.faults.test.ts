import { describeFaultSuite } from './faultSuite';
import { startSpreadTarget } from './vendors';

describeFaultSuite('SPREAD', startSpreadTarget);
