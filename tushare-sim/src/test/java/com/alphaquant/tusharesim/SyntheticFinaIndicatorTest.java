package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.SampleData;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SyntheticFinaIndicatorTest {

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void theBundledFixtureIsWhatTheSeededGeneratorWrites() throws Exception {
        String bundled = Files.readString(SampleData.file(SampleData.SYNTHETIC_FINA_INDICATOR));
        assertThat(bundled).isEqualTo(SyntheticFinaIndicator.generate(SyntheticFinaIndicator.SEED));
        assertThat(SyntheticFinaIndicator.generate(7)).isNotEqualTo(bundled);
    }

    @Test
    void everyPeriodIsAnnouncedWithinItsLagAndRestatementsComeLater() {
        List<String> lines = SyntheticFinaIndicator.generate(SyntheticFinaIndicator.SEED).lines().toList();
        assertThat(lines.get(0)).isEqualTo(SyntheticFinaIndicator.HEADER);
        Map<String, LocalDate> original = new HashMap<>();
        Set<String> codes = new TreeSet<>();
        int restated = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            LocalDate ann = LocalDate.parse(c[1], YMD);
            LocalDate end = LocalDate.parse(c[2], YMD);
            codes.add(c[0]);
            String key = c[0] + "|" + c[2];
            if (c[8].equals("0")) {
                long lag = ChronoUnit.DAYS.between(end, ann);
                assertThat(lag).as(line).isBetween((long) SyntheticFinaIndicator.MIN_LAG_DAYS, (long) SyntheticFinaIndicator.MAX_LAG_DAYS);
                assertThat(original.put(key, ann)).as("one original per period: " + line).isNull();
            } else {
                assertThat(c[8]).isEqualTo("1");
                assertThat(ann).as(line).isAfter(original.get(key));
                restated++;
            }
        }
        assertThat(codes).hasSize(30);
        assertThat(original).hasSize(30 * 24); // 2017Q1 .. 2022Q4
        assertThat(restated).isBetween(30, 120);
    }

    @Test
    void theSimulatorServesTheFixtureFromTheSampleFolderByDefault() {
        Map<String, java.nio.file.Path> mapping = DataSources.scan(SampleData.dir());
        assertThat(mapping.get("fina_indicator")).hasToString(SampleData.file(SampleData.SYNTHETIC_FINA_INDICATOR).toString());
        assertThat(mapping.get("moneyflow_hsgt")).hasToString(SampleData.file(SampleData.MONEYFLOW_HSGT).toString());
    }
}
