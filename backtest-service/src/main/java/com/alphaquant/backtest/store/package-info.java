/** PostgreSQL storage of jobs (claims, heartbeats, progress), results and optimisation grids. Plain JDBC. */
package com.alphaquant.backtest.store;
