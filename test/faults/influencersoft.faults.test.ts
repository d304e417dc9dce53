import { describeFaultSuite } from './faultSuite';
import { startInfluencerSoftTarget } from './vendors';

describeFaultSuite('InfluencerSoft', startInfluencerSoftTarget);
