package com.alphaquant.data.ingest;

import com.alphaquant.data.DataProperties;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.FundamentalsStore;
import com.alphaquant.data.store.Security;
import com.alphaquant.data.store.SecurityRepository;
import com.alphaquant.data.tushare.TushareClient;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.jobs.JobQueue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Financial indicators (Tushare fina_indicator) of a job's stocks, announced in its range. Tushare
 * answers them by stock (one call, paged, returns every version a stock announced in the range),
 * so the unit is a stock: fetched with bounded concurrency, each committed in one transaction with
 * its coverage mark (on ann_date, up to yesterday: today's announcements may still come) and
 * counted on the job. A stock whose range is covered costs no call.
 */
@Component
public class FundamentalsLoader {

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final TushareClient client;
    private final FundamentalsStore store;
    private final CoverageStore coverage;
    private final SecurityRepository securities;
    private final JobStore jobs;
    private final TransactionTemplate tx;
    private final DataProperties.Tushare config;
    private final Clock clock;

    public FundamentalsLoader(TushareClient client, FundamentalsStore store, CoverageStore coverage,
                              SecurityRepository securities, JobStore jobs, TransactionTemplate tx, DataProperties properties,
                              Clock clock) {
        this.client = client;
        this.store = store;
        this.coverage = coverage;
        this.securities = securities;
        this.jobs = jobs;
        this.tx = tx;
        this.config = properties.tushare();
        this.clock = clock;
    }

    /** @param codes the stocks, or empty for every stored stock (the stock list must be loaded) */
    public void ensure(JobQueue.Claim claim, List<String> codes, LocalDate from, LocalDate to) {
        String dataset = Dataset.FINA_INDICATOR.apiName();
        List<String> stocks = (codes.isEmpty() ? securities.findAll().stream().map(Security::getTsCode).toList() : codes)
                .stream().filter(c -> Board.isStock(TsCode.of(c))).sorted()
                .filter(c -> !coverage.covers(dataset, c, from, to)).toList();
        LocalDate coveredTo = min(to, Publication.today(clock.instant()).minusDays(1));
        Map<String, String> range = Map.of("start_date", from.format(YMD), "end_date", to.format(YMD));
        Flux.fromIterable(stocks)
                .flatMap(code -> fetch(code, range).publishOn(Schedulers.boundedElastic())
                        .doOnNext(table -> store(claim, code, table, from, coveredTo)), config.concurrency())
                .then().block();
    }

    private Mono<TushareTable> fetch(String code, Map<String, String> range) {
        Map<String, String> params = new HashMap<>(range);
        params.put("ts_code", code);
        return client.queryAll(Dataset.FINA_INDICATOR.apiName(), params, Dataset.FINA_INDICATOR.fields(), config.rowCap());
    }

    private void store(JobQueue.Claim claim, String code, TushareTable table, LocalDate from, LocalDate coveredTo) {
        Cleaning.Result<FundamentalsStore.Row> result = Cleaning.fundamentals(table);
        tx.executeWithoutResult(s -> {
            store.upsert(result.accepted());
            if (!coveredTo.isBefore(from)) {
                coverage.mark(Dataset.FINA_INDICATOR.apiName(), code, from, coveredTo);
            }
            jobs.referenceStored(claim, Dataset.FINA_INDICATOR, result.accepted().size(), result.rejects());
        });
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
