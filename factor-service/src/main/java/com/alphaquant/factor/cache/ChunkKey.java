package com.alphaquant.factor.cache;

import com.alphaquant.market.TsCode;
import java.time.YearMonth;

/** The unit of caching: one stock's factors for one calendar month. */
public record ChunkKey(TsCode code, YearMonth month) {
}
