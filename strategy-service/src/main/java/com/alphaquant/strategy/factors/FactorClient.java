package com.alphaquant.strategy.factors;

import com.alphaquant.strategy.StrategyProperties;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.UpstreamRejectedException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * factor-service's API (docs/strategy-service.md): {@code GET /api/factors?ts_codes=all&start=&end=&names=}
 * → {@code {"engineVersion":..., "rows":[{"tsCode","tradeDate","close","values":{name: number|null}}]}},
 * {@code close} the adjusted close the book is marked with (stops, volatility targeting).
 *
 * <p>Connect and read timeouts come from {@link StrategyProperties} (2 s and 120 s by default; the
 * read timeout bounds the whole exchange, reply included). A 4xx is factor-service refusing the
 * request (e.g. a date before the market opened): an {@link UpstreamRejectedException} with that
 * status and the detail of its problem body, which the caller gets as it is and a Kafka event is
 * not retried for. Any other failure to get a readable reply (refused, timed out, a 408 or 429, a
 * 5xx, a malformed body) is a {@link FactorServiceUnavailableException}. A reply without rows
 * (null) is a day without factors.
 */
@Component
public class FactorClient {

    /** The reply body. */
    public record FactorReply(String engineVersion, List<Row> rows) {}

    /** One stock-day; a null value is NaN (warm-up or missing); {@code close} adjusted, null when unknown. */
    public record Row(String tsCode, LocalDate tradeDate, Double close, Map<String, Double> values) {}

    /** A day as the live path needs it: the cross-section to score and the closes to mark the book with. */
    public record FactorDay(CrossSection crossSection, Map<String, Double> closes) {}

    /** The service named in a rejection's problem title. */
    public static final String SERVICE = "factor-service";
    /** Longest reason kept from factor-service's problem body. */
    static final int REASON_MAX = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    public FactorClient(StrategyProperties properties, ServiceCalls calls) {
        this.http = calls.client(properties.factorServiceUrl(), properties.factorServiceConnectTimeout(),
                properties.factorServiceReadTimeout());
    }

    /**
     * The day's cross-section over every stock factor-service has that day (the reference universe), and their closes.
     *
     * @throws UpstreamRejectedException         when factor-service refuses the request (a 4xx other than 408 and 429)
     * @throws FactorServiceUnavailableException when factor-service gives no readable reply
     */
    public FactorDay day(LocalDate day, Collection<String> names) {
        FactorReply reply;
        try {
            reply = http.get()
                    .uri(u -> u.path("/api/factors").queryParam("ts_codes", "all").queryParam("start", day.toString())
                            .queryParam("end", day.toString()).queryParam("names", String.join(",", names)).build())
                    .retrieve().body(FactorReply.class);
        } catch (HttpClientErrorException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            if (status == null || status == HttpStatus.REQUEST_TIMEOUT || status == HttpStatus.TOO_MANY_REQUESTS) {
                // Busy or slow, not a verdict on the request: the same request may succeed shortly.
                throw new FactorServiceUnavailableException("Fetching the factors of " + day + " from factor-service failed: "
                        + e.getMessage(), e);
            }
            throw new UpstreamRejectedException(SERVICE, status, reason(status, e.getResponseBodyAsString()));
        } catch (RestClientException e) {
            throw new FactorServiceUnavailableException("Fetching the factors of " + day + " from factor-service failed: "
                    + e.getMessage(), e);
        }
        List<Row> rows = reply == null || reply.rows() == null ? List.of()
                : reply.rows().stream().filter(Objects::nonNull).toList();
        return new FactorDay(toCrossSection(rows, day, names), closes(rows, day));
    }

    /**
     * Why factor-service refused: the {@code detail} of its problem body (RFC 9457), else its
     * {@code title}, else the status's reason phrase; cut to {@link #REASON_MAX} characters.
     */
    static String reason(HttpStatus status, String body) {
        String reason = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                reason = text(problem.get("detail"));
                if (reason == null) {
                    reason = text(problem.get("title"));
                }
            } catch (RuntimeException notJson) {
                // Not a problem body (a proxy's page): the status says enough.
            }
        }
        if (reason == null) {
            reason = status.value() + " " + status.getReasonPhrase();
        }
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX) + "…";
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    /** The known closes of {@code day}'s rows by ts_code. */
    public static Map<String, Double> closes(List<Row> rows, LocalDate day) {
        Map<String, Double> closes = new HashMap<>();
        rows.stream().filter(r -> day.equals(r.tradeDate()) && r.close() != null).forEach(r -> closes.put(r.tsCode(), r.close()));
        return closes;
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
