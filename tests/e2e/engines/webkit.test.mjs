// The cross-engine suite (suite.mjs) in WebKit (WebKitGTK's MiniBrowser, through WebKitWebDriver under Xvfb).

import { engineSuite } from './suite.mjs';

engineSuite('webkit');
