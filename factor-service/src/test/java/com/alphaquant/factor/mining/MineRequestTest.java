package com.alphaquant.factor.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.alpha.mine.GpMiner;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.support.web.BadRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MineRequestTest {

    /** A build with the GP miner only, as AlphaMining answers without the policy miner. */
    static final Function<String, Miner> GP_ONLY = method -> switch (method) {
        case "gp" -> new GpMiner();
        case "rl" -> throw new IllegalArgumentException("Mining method 'rl' is not available in this build");
        default -> throw new IllegalArgumentException("Unknown mining method '" + method + "': expected gp or rl");
    };
    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate END = LocalDate.of(2022, 12, 31);

    static MineRequest request(String method, Integer budget, LocalDate start, LocalDate end) {
        return new MineRequest(method, budget, start, end, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsSplitTheRange60_20_20AndDrawASeedThatIsThenFixed() {
        MineRequest filled = request("gp", 500, START, END).withDefaults(GP_ONLY, () -> 1234L);

        assertThat(filled.validStart()).isEqualTo(START.plusDays(Math.round(1095 * 0.6)));
        assertThat(filled.testStart()).isEqualTo(START.plusDays(Math.round(1095 * 0.8)));
        assertThat(filled.seed()).isEqualTo(1234L);
        assertThat(filled.horizon()).isEqualTo(20);
        assertThat(filled.maxCorrelation()).isEqualTo(0.7);
        assertThat(filled.poolSize()).isEqualTo(10);
        assertThat(filled.maxTokens()).isEqualTo(15);
        assertThat(filled.tsCodes()).isEmpty();
        // Filling in again changes nothing: a rerun after a restart mines the same.
        assertThat(filled.withDefaults(GP_ONLY, () -> 99L)).isEqualTo(filled);
        assertThat(filled.setup().horizon()).isEqualTo(20);
        assertThat(filled.setup().validStart()).isEqualTo(filled.validStart());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "     |  10 | method | is required",
            "xx   |  10 | method | Unknown mining method 'xx'",
            "rl   |  10 | method | is not available in this build",
            "gp   |     | budget | is required",
            "gp   |   0 | budget | must lie in [1, 1000000], got 0",
            "gp   | 2000000 | budget | must lie in [1, 1000000]"})
    void methodAndBudgetAreRefusedNamingTheField(String method, Integer budget, String field, String reason) {
        assertThatThrownBy(() -> request(method, budget, START, END).withDefaults(GP_ONLY, () -> 1L))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    @Test
    void datesAndOptionsAreRefusedNamingTheField() {
        assertField(request("gp", 10, null, END), "startDate");
        assertField(request("gp", 10, START, null), "endDate");
        assertField(request("gp", 10, END, START), "endDate");
        assertField(request("gp", 10, LocalDate.of(1980, 1, 1), END), "startDate");
        assertField(new MineRequest("gp", 10, START, END, LocalDate.of(2021, 1, 1), null, null, null, null, null, null, null),
                "testStart");
        assertField(new MineRequest("gp", 10, START, END, LocalDate.of(2022, 1, 1), LocalDate.of(2021, 1, 1), null, null, null,
                null, null, null), "testStart");
        assertField(new MineRequest("gp", 10, START, END, LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1), null, null, null,
                null, null, null), "validStart");
        assertField(new MineRequest("gp", 10, START, END, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 6, 1), null, null, null,
                null, null, null), "testStart");
        assertField(new MineRequest("gp", 10, START, END, null, null, 0, null, null, null, null, null), "horizon");
        assertField(new MineRequest("gp", 10, START, END, null, null, null, null, 1.5, null, null, null), "maxCorrelation");
        assertField(new MineRequest("gp", 10, START, END, null, null, null, null, 0.0, null, null, null), "maxCorrelation");
        assertField(new MineRequest("gp", 10, START, END, null, null, null, null, null, 0, null, null), "poolSize");
        assertField(new MineRequest("gp", 10, START, END, null, null, null, null, null, null, 2, null), "maxTokens");
        assertField(new MineRequest("gp", 10, START, END, null, null, null, null, null, null, null,
                List.of("600519.SH", "000300.SH")), "tsCodes[1]");
    }

    private static void assertField(MineRequest request, String field) {
        assertThatThrownBy(() -> request.withDefaults(GP_ONLY, () -> 1L))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
