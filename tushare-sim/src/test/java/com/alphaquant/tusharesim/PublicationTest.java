package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Days Tushare has not published yet: asked too early they answer no rows, later they do. */
class PublicationTest {

    @TempDir
    Path dir;

    @Test
    void aDayAskedBeforeItIsPublishedHasNoRowsUntilItIs() throws IOException {
        TinyData.write(dir);
        try (TushareSim sim = TushareSim.builder().dataDir(dir).start()) {
            SimClient client = new SimClient(sim);
            sim.publishThrough(LocalDate.of(2023, 1, 5));

            assertThat(client.call("daily", "trade_date", "20230106").items()).isEmpty();
            assertThat(client.call("daily", "ts_code", "000001.SZ", "start_date", "20230101", "end_date", "20230131").items())
                    .hasSize(3);
            // The calendar is published ahead: unaffected.
            assertThat(client.call("trade_cal", "start_date", "20230101", "end_date", "20230110").items()).hasSize(10);

            sim.publishThrough(LocalDate.of(2023, 1, 6));
            assertThat(client.call("daily", "trade_date", "20230106").items()).hasSize(3);
        }
    }
}
