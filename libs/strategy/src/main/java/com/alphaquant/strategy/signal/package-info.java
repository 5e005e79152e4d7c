/** Multi-factor signals and the risk manager (SPEC section 4). Filled by its own issue; the module exists so the reactor and dependency rule are fixed from the start. */
package com.alphaquant.strategy.signal;
