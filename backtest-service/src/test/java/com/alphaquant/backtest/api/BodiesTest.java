package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.job.BacktestRequest;
import com.alphaquant.support.web.BadRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BodiesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private void refused(String body, String field, String reason) {
        assertThatThrownBy(() -> Bodies.read(json, body.getBytes(StandardCharsets.UTF_8), BacktestRequest.class)).as(body)
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(reason);
    }

    @Test
    void jsonThatDoesNotParseNamesWhereTheParserStopped() {
        refused("{\"strategy\":\"buy_and_hold\",\"minCommission\":NaN}", "minCommission", "Non-standard token 'NaN' (numbers must be finite)");
        refused("{\"weights\":[{\"weight\":0.5},{\"tradeDate\":\"2022-01-04\",\"weight\":-Infinity}]}", "weights[1].weight", "unreadable JSON");
        refused("{\"base\":{\"commission\":0.1", "base.commission", "unreadable JSON");
        refused("{\"" + "k".repeat(10_000) + "\":NaN}", "k".repeat(120) + "…", "NaN");
        refused("nul", "body", "unreadable JSON");
        refused("[1,2]", "body", "a single JSON object is required");
        refused("", "body", "a single JSON object is required");
    }

    @Test
    void valuesOfTheWrongTypeNameTheirPath() {
        refused("{\"initialCapital\":\"lots\"}", "initialCapital", "Double");
        refused("{\"weights\":[{\"weight\":0.5},{\"weight\":[]}]}", "weights[1].weight", "Double");
        refused("\"just a string\"", "body", "a single JSON object is required");
        refused("null", "body", "a single JSON object is required");
        refused("{\"a\":1}{\"b\":2}", "body", "");
    }
}
