/** The columnar factor engine (SPEC section 3). Filled by its own issue; the module exists so the reactor and dependency rule are fixed from the start. */
package com.alphaquant.factor.engine;
