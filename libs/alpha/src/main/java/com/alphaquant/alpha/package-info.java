/** Alpha expressions and their miner. Filled by its own issue; the module exists so the reactor and dependency rule are fixed from the start. */
package com.alphaquant.alpha;
