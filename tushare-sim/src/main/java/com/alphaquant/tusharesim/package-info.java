/**
 * tushare-sim: a real HTTP server (the JDK's {@code com.sun.net.httpserver}, no Spring) that
 * answers Tushare Pro requests ({@code {api_name, token, params, fields}} → {@code {request_id,
 * code, msg, data:{fields, items, has_more}}}) from Tushare-format CSV files, with Tushare's
 * rate limits, row caps and error codes, fault injection and call counting. Entry points:
 * {@link com.alphaquant.tusharesim.TushareSim#builder()} for tests and
 * {@link com.alphaquant.tusharesim.TushareSimCommand} for the command line. See README.md.
 */
package com.alphaquant.tusharesim;
