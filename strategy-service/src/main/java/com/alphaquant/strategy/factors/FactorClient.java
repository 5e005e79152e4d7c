package com.alphaquant.strategy.factors;

import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.signal.CrossSection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * factor-service's API (docs/strategy-service.md): {@code GET /api/factors?ts_codes=all&start=&end=&names=}
 * → {@code {"engineVersion":..., "rows":[{"tsCode","tradeDate","values":{name: number|null}}]}}.
 */
@Component
public class FactorClient {

    /** The reply body. */
    public record FactorReply(String engineVersion, List<Row> rows) {}

    /** One stock-day; a null value is NaN (warm-up or missing). */
    public record Row(String tsCode, LocalDate tradeDate, Map<String, Double> values) {}

    private final RestClient http;

    public FactorClient(StrategyProperties properties) {
        // RestClient.builder(): Boot 4's RestClient.Builder bean lives in spring-boot-restclient, not needed here.
        this.http = RestClient.builder().baseUrl(properties.factorServiceUrl()).build();
    }

    /** The day's cross-section over every stock factor-service has that day (the reference universe). */
    public CrossSection crossSection(LocalDate day, Collection<String> names) {
        FactorReply reply = http.get()
                .uri(u -> u.path("/api/factors").queryParam("ts_codes", "all").queryParam("start", day.toString())
                        .queryParam("end", day.toString()).queryParam("names", String.join(",", names)).build())
                .retrieve().body(FactorReply.class);
        return toCrossSection(reply == null ? List.of() : reply.rows(), day, names);
    }

    /** The rows of {@code day} as a cross-section of {@code names}; null and absent values become NaN. */
    public static CrossSection toCrossSection(List<Row> rows, LocalDate day, Collection<String> names) {
        List<Row> today = rows.stream().filter(r -> day.equals(r.tradeDate())).toList();
        List<String> codes = new ArrayList<>(today.size());
        Map<String, double[]> factors = new HashMap<>();
        names.forEach(n -> factors.put(n, new double[today.size()]));
        for (int i = 0; i < today.size(); i++) {
            Row r = today.get(i);
            codes.add(r.tsCode());
            for (String n : names) {
                Double v = r.values() == null ? null : r.values().get(n);
                factors.get(n)[i] = v == null ? Double.NaN : v;
            }
        }
        return new CrossSection(codes, factors, null);
    }
}
