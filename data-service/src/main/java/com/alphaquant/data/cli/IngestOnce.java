package com.alphaquant.data.cli;

import com.alphaquant.data.ingest.IngestRequest;
import com.alphaquant.data.ingest.IngestService;
import com.alphaquant.data.ingest.IngestWorker;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code alphaquant ingest} command: data-service started without a web server runs one
 * ingestion job in the foreground, draws a progress bar on stderr and exits (0 done, 1 failed,
 * 2 bad arguments). Events stay in the outbox until the service runs with Kafka.
 */
@Component
@ConditionalOnProperty(name = "alphaquant.ingest.once", havingValue = "true")
public class IngestOnce implements CommandLineRunner, ExitCodeGenerator {

    private final IngestService service;
    private final IngestWorker worker;
    private final Environment env;
    private int exitCode;

    public IngestOnce(IngestService service, IngestWorker worker, Environment env) {
        this.service = service;
        this.worker = worker;
        this.env = env;
    }

    @Override
    public void run(String... args) {
        IngestRequest request;
        try {
            request = IngestRequest.parse(env.getProperty("alphaquant.ingest.datasets", "stock_basic,trade_cal,daily,adj_factor,index_daily"),
                    env.getProperty("alphaquant.ingest.ts-codes", "all"),
                    date("alphaquant.ingest.start-date"), date("alphaquant.ingest.end-date"));
        } catch (IllegalArgumentException e) {
            System.err.println("alphaquant ingest: " + e.getMessage());
            exitCode = 2;
            return;
        }
        UUID id = service.submit(request);
        PrintStream err = System.err;
        ScheduledExecutorService bar = Executors.newSingleThreadScheduledExecutor();
        bar.scheduleAtFixedRate(() -> service.progress(id).ifPresent(p -> err.print("\r" + ProgressBar.render(p))),
                0, 500, TimeUnit.MILLISECONDS);
        try {
            worker.runClaimed(id);
        } finally {
            bar.shutdownNow();
        }
        var done = service.progress(id).orElseThrow();
        err.println("\r" + ProgressBar.render(done));
        err.printf("job %s %s: %d rows stored, %d rejected %s, %d Tushare calls%s%n", id, done.status(), done.rowsStored(),
                done.rowsRejected(), done.rejectedByReason(), done.calls(), done.message() == null ? "" : " — " + done.message());
        exitCode = done.status().equals("SUCCEEDED") ? 0 : 1;
    }

    private LocalDate date(String key) {
        String text = env.getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key.substring(key.lastIndexOf('.') + 1) + " is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text.length() == 8 ? text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6) : text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (yyyy-MM-dd or yyyyMMdd)");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
