package com.alphaquant.tusharesim;

import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of what a {@link TushareSim} has answered since it started (or was reset).
 *
 * @param calls           every POST to the Tushare endpoint, whatever its outcome
 * @param callsByApi      the same by {@code api_name} ({@code "(invalid)"} for bodies that are not a JSON
 *                        request, {@code "(none)"} for requests without api_name)
 * @param ok              calls answered with {@code code 0}
 * @param errorsByCode    calls answered with a Tushare error the simulator found itself (bad token,
 *                        rate limit, permission, unknown api, bad params), by code; injected faults are not here
 * @param faultsByKind    injected faults by kind label ({@code 429}, {@code 502}, {@code ratelimit}, {@code timeout}, ...)
 * @param rowsServed      rows returned in successful answers
 * @param callsLastMinute calls in the last 60 seconds of the simulator's clock
 * @param faults          the fault spec in force ({@code ""} for none)
 */
public record SimStats(long calls, Map<String, Long> callsByApi, long ok, Map<Integer, Long> errorsByCode,
                       Map<String, Long> faultsByKind, long rowsServed, long callsLastMinute, String faults) {

    public SimStats {
        callsByApi = Map.copyOf(callsByApi);
        errorsByCode = Map.copyOf(errorsByCode);
        faultsByKind = Map.copyOf(faultsByKind);
    }

    /** Calls to one api (0 when none). */
    public long calls(String apiName) {
        return callsByApi.getOrDefault(apiName, 0L);
    }

    /** Answers with a given Tushare error code (0 when none). */
    public long errors(int code) {
        return errorsByCode.getOrDefault(code, 0L);
    }

    /** Injected faults of one kind label (0 when none). */
    public long faults(String kind) {
        return faultsByKind.getOrDefault(kind, 0L);
    }

    public long faultsInjected() {
        return faultsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The JSON served by {@code GET /_sim/stats}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"calls\":").append(calls).append(",\"calls_by_api\":{");
        appendMap(sb, new TreeMap<>(callsByApi));
        sb.append("},\"ok\":").append(ok).append(",\"errors_by_code\":{");
        appendMap(sb, new TreeMap<>(errorsByCode));
        sb.append("},\"faults_injected\":").append(faultsInjected()).append(",\"faults_by_kind\":{");
        appendMap(sb, new TreeMap<>(faultsByKind));
        sb.append("},\"rows_served\":").append(rowsServed)
                .append(",\"calls_last_minute\":").append(callsLastMinute)
                .append(",\"faults\":");
        Json.string(sb, faults);
        return sb.append('}').toString();
    }

    private static void appendMap(StringBuilder sb, Map<?, Long> map) {
        boolean first = true;
        for (Map.Entry<?, Long> e : map.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            Json.string(sb, String.valueOf(e.getKey()));
            sb.append(':').append(e.getValue());
        }
    }
}
