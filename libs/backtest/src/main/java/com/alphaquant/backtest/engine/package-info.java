/** The A-share backtest simulator (SPEC sections 2, 2b, 5). Filled by its own issue; the module exists so the reactor and dependency rule are fixed from the start. */
package com.alphaquant.backtest.engine;
