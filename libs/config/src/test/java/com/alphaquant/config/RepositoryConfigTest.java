package com.alphaquant.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.config.AlphaConfig.Source;
import com.alphaquant.strategy.preset.StrategyPresets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's own config/alpha_config.yaml and docs/CONFIG.md agree with the schema. */
class RepositoryConfigTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void theRepositorysFileValidatesAndSetsEverySection() {
        AlphaConfig config = AlphaConfig.load(ROOT.resolve(AlphaConfig.DEFAULT_FILE), Map.of());

        assertThat(config.file()).isPresent();
        for (String section : ConfigSchema.children(ConfigSchema.ROOT)) {
            assertThat(config.settings()).as(section)
                    .anyMatch(s -> s.source() == Source.FILE && s.key().name().startsWith("alphaquant." + section + "."));
        }
        assertThat(config.get("alphaquant.gateway.rate-limit.requests-per-second").value()).isEqualTo(50L);
        assertThat(config.get("alphaquant.gateway.rate-limit.burst").value()).isEqualTo(100L);
    }

    @Test
    void theFilesValuesAreTheDefaultsWhereItRestatesThem() {
        // The file documents the defaults: a value that differs would silently change behaviour.
        AlphaConfig config = AlphaConfig.load(ROOT.resolve(AlphaConfig.DEFAULT_FILE), Map.of());
        for (AlphaConfig.Setting s : config.settings()) {
            if (s.source() == Source.FILE && s.key().defaultText() != null) {
                assertThat(s.value()).as(s.key().name()).isEqualTo(s.key().parse(s.key().defaultText()));
            }
        }
    }

    @Test
    void theDocsListEveryKeyWithItsEnvironmentVariable() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/CONFIG.md"));
        for (ConfigKey key : ConfigSchema.keys()) {
            assertThat(docs).as(key.name()).contains("| `" + key.name() + "` |").contains("`" + key.env() + "`");
        }
    }

    @Test
    void theStrategyPresetsAreLibsStrategys() {
        assertThat(ConfigSchema.STRATEGY_PRESETS).containsExactlyInAnyOrderElementsOf(StrategyPresets.NAMES);
    }
}
