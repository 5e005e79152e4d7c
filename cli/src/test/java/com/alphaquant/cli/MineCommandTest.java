package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.market.csv.SampleData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MineCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void minesTheSampleAndPrintsThePoolBesideTheBaselinesAndWritesIt() {
        Path out = dir.resolve("pool.json");
        int code = AlphaQuant.run("mine", "--bars", SampleData.file(SampleData.BARS_MINI_30).toString(), "--budget", "40",
                "--seed", "3", "--pool-size", "4", "--valid-start", "2022-01-01", "--test-start", "2022-07-01", "--horizon", "5",
                "--out", out.toString());
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).contains("mined by gp, seed 3: 40 formulas evaluated of a budget of 40")
                .contains("30 stocks; label: 5-session forward return")
                .containsPattern("gp pool, [1-4] formulas")
                .contains("best built-in: ")
                .contains("built-ins combined linearly");

        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("method").asString()).isEqualTo("gp");
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("versions").get("alpha").asString()).isNotBlank();
        assertThat(json.get("data").get("test").get("first").asString()).startsWith("2022-07");
        JsonNode formulas = json.get("formulas");
        assertThat(formulas.size()).isBetween(1, 4);
        for (JsonNode f : formulas) {
            assertThat(Rpn.parse(f.get("rpn").asString())).isEqualTo(FunctionForm.parse(f.get("formula").asString()));
            assertThat(f.get("weight").isNumber()).isTrue();
            assertThat(f.get("metrics").get("test").get("rankIc").isNumber()).isTrue();
        }
        assertThat(json.get("pool").get("test").get("ic").isNumber()).isTrue();
        assertThat(json.get("builtinCombination").get("valid").get("ic").isNumber()).isTrue();
    }

    @Test
    void anUnknownOrMissingMinerIsABadArgument() {
        assertThat(AlphaQuant.run("mine", "--method", "annealing")).isEqualTo(2);
        assertThat(console.err()).contains("Unknown mining method 'annealing'");
        assertThat(AlphaQuant.run("mine", "--budget", "0", "--bars", SampleData.file(SampleData.BARS_MINI_30).toString(),
                "--valid-start", "2022-01-01", "--test-start", "2022-07-01")).isEqualTo(2);
        assertThat(console.err()).contains("budget must be at least 1");
    }
}
