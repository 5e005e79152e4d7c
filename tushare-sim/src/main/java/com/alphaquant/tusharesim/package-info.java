/**
 * tushare-sim: an HTTP server that answers Tushare Pro requests ({@code {api_name, token,
 * params, fields}} → {@code {code, msg, data:{fields, items}}}) from Tushare-format files.
 * Built out by the data-service issue.
 */
package com.alphaquant.tusharesim;
