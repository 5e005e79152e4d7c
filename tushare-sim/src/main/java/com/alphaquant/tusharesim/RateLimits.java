package com.alphaquant.tusharesim;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tushare's per-account limits, kept per (token, api) as Tushare does ("每分钟最多访问该接口N次"):
 * calls per minute over a sliding 60-second window, and optionally calls per day (Shanghai
 * calendar day). Refused calls do not take a place in the window. With {@code acrossApis}, one
 * window per token counts the calls to all apis together (the per-api overrides then apply to
 * the api being called, against that shared window).
 */
final class RateLimits {

    private static final long WINDOW_MS = 60_000;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final int perMinute;
    private final Map<String, Integer> perMinuteByApi;
    private final int perDay;
    private final InstantSource clock;
    private final boolean acrossApis;
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    private final Map<String, long[]> days = new HashMap<>();

    RateLimits(int perMinute, Map<String, Integer> perMinuteByApi, int perDay, InstantSource clock, boolean acrossApis) {
        this.acrossApis = acrossApis;
        this.perMinute = perMinute;
        this.perMinuteByApi = Map.copyOf(perMinuteByApi);
        this.perDay = perDay;
        this.clock = clock;
    }

    int perMinute(String api) {
        return perMinuteByApi.getOrDefault(api, perMinute);
    }

    int perDay() {
        return perDay;
    }

    /** Takes a place for the call, or throws the 40203 error Tushare would send. */
    synchronized void acquire(String token, String api) {
        Instant now = clock.instant();
        long nowMs = now.toEpochMilli();
        String key = acrossApis ? token : token + '\u0000' + api;
        int limit = perMinute(api);
        ArrayDeque<Long> window = null;
        if (limit > 0) {
            window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!window.isEmpty() && window.peekFirst() <= nowMs - WINDOW_MS) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                throw SimError.perMinute(limit);
            }
        }
        if (perDay > 0) {
            long day = LocalDate.ofInstant(now, SHANGHAI).toEpochDay();
            long[] count = days.computeIfAbsent(key, k -> new long[] {day, 0});
            if (count[0] != day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[1] >= perDay) {
                throw SimError.perDay(perDay);
            }
            count[1]++;
        }
        if (window != null) {
            window.addLast(nowMs);
        }
    }

    synchronized void reset() {
        windows.clear();
        days.clear();
    }
}
