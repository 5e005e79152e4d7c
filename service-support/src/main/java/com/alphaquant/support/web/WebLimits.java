package com.alphaquant.support.web;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service applies at its edge ({@code alphaquant.web.*}).
 *
 * @param maxBodySize     the largest request body by default
 * @param bodySizeByPath  larger (or smaller) limits for paths starting with a key, longest key first,
 *                        e.g. {@code /api/backtests: 16MB} for target-weight files
 * @param lastDate        the latest date a request may name: the trading calendar's horizon
 */
@ConfigurationProperties("alphaquant.web")
public record WebLimits(DataSize maxBodySize, Map<String, DataSize> bodySizeByPath, LocalDate lastDate) {

    public static final WebLimits DEFAULT = new WebLimits(null, null, null);

    public WebLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        bodySizeByPath = bodySizeByPath == null ? Map.of() : Map.copyOf(bodySizeByPath);
        lastDate = lastDate == null ? TradingDates.DEFAULT_LAST_DATE : lastDate;
    }

    /** The body limit of a request to {@code path}. */
    public long maxBodyBytes(String path) {
        String best = null;
        for (String prefix : bodySizeByPath.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return (best == null ? maxBodySize : bodySizeByPath.get(best)).toBytes();
    }
}
