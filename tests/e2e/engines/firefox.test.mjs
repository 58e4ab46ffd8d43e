// The cross-engine suite (suite.mjs) in Firefox (Debian's firefox-esr, through geckodriver).

import { engineSuite } from './suite.mjs';

engineSuite('firefox');
