package com.alphaquant.data.ingest;

import com.alphaquant.data.store.CalendarStore;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.IndustryStore;
import com.alphaquant.data.store.NameChangeStore;
import com.alphaquant.data.store.RejectedRow;
import com.alphaquant.data.store.Security;
import com.alphaquant.data.store.SecurityRepository;
import com.alphaquant.data.tushare.TushareClient;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.events.EventIds;
import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.market.Board;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.outbox.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference data a job needs before quotes: the trading calendar of its range (fetched once),
 * the stock list and the stocks' name history (each refreshed at most once a day, since new
 * listings and name changes appear daily).
 */
@Component
public class ReferenceLoader {

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final TushareClient client;
    private final CoverageStore coverage;
    private final CalendarStore calendar;
    private final SecurityRepository securities;
    private final NameChangeStore nameChanges;
    private final IndustryStore industries;
    private final JobStore jobs;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    public ReferenceLoader(TushareClient client, CoverageStore coverage, CalendarStore calendar, SecurityRepository securities,
                           NameChangeStore nameChanges, IndustryStore industries, JobStore jobs, Outbox outbox,
                           TransactionTemplate tx) {
        this.client = client;
        this.coverage = coverage;
        this.calendar = calendar;
        this.securities = securities;
        this.nameChanges = nameChanges;
        this.industries = industries;
        this.jobs = jobs;
        this.outbox = outbox;
        this.tx = tx;
    }

    public void ensureCalendar(LocalDate from, LocalDate to) {
        if (coverage.covers("trade_cal", CoverageStore.WHOLE_MARKET, from, to)) {
            return;
        }
        TushareTable table = client.query("trade_cal", Map.of("exchange", "SSE", "start_date", from.format(YMD),
                "end_date", to.format(YMD)), Dataset.TRADE_CAL.fields()).block();
        Map<String, Integer> col = table.columns();
        List<TradingCalendar.Day> days = new ArrayList<>();
        for (List<Object> row : table.items()) {
            days.add(new TradingCalendar.Day(Cleaning.date(row, col, "cal_date"), Cleaning.num(row, col, "is_open") == 1));
        }
        tx.executeWithoutResult(s -> {
            calendar.upsert(days);
            coverage.mark("trade_cal", CoverageStore.WHOLE_MARKET, from, to);
        });
    }

    public void ensureStockBasic() {
        LocalDate today = LocalDate.now(SHANGHAI);
        if (coverage.covers("stock_basic", CoverageStore.WHOLE_MARKET, today, today)) {
            return;
        }
        Map<String, Security> rows = new java.util.LinkedHashMap<>(); // by ts_code: a page overlap must not duplicate
        TushareTable all = client.queryAll("stock_basic", Map.of("list_status", "L"), Dataset.STOCK_BASIC.fields(), 5000).block();
        Map<String, Integer> col = all.columns();
        for (List<Object> row : all.items()) {
            String code = Cleaning.text(row, col, "ts_code");
            if (!TsCode.isValid(code)) {
                continue; // not an A-share code we model
            }
            rows.put(code, new Security(code, Cleaning.text(row, col, "name"), optional(row, col, "industry"),
                    optional(row, col, "market"), Board.of(TsCode.of(code)).name(), Cleaning.date(row, col, "list_date")));
        }
        tx.executeWithoutResult(s -> {
            securities.saveAll(rows.values());
            coverage.mark("stock_basic", CoverageStore.WHOLE_MARKET, today, today);
        });
    }

    /**
     * Every stock's name history (Tushare namechange, the whole table), refreshed at most once a
     * day like the stock list; rows stored and rejected count towards the claimed job.
     */
    public void ensureNameChanges(JobQueue.Claim claim) {
        LocalDate today = LocalDate.now(SHANGHAI);
        if (coverage.covers(Dataset.NAMECHANGE.apiName(), CoverageStore.WHOLE_MARKET, today, today)) {
            return;
        }
        TushareTable all = client.queryAll(Dataset.NAMECHANGE.apiName(), Map.of(), Dataset.NAMECHANGE.fields(), 5000).block();
        Cleaning.Result<NameChangeStore.Row> result = Cleaning.nameChanges(all);
        tx.executeWithoutResult(s -> {
            Set<StHistory.Episode> changed = nameChanges.replaceAll(result.accepted());
            coverage.mark(Dataset.NAMECHANGE.apiName(), CoverageStore.WHOLE_MARKET, today, today);
            jobs.referenceStored(claim, Dataset.NAMECHANGE, result.accepted().size(), result.rejects());
            if (!changed.isEmpty()) {
                outbox.add(stChanged(claim, changed, today, result.accepted().size(), result.rejectedCount()));
            }
        });
    }

    /**
     * The stocks whose ST episodes appeared or went away, over the days whose price bands
     * changed and the weeks after them that a 20-day window still sees (LIMIT_NET20).
     */
    private static MarketDataIngested stChanged(JobQueue.Claim claim, Set<StHistory.Episode> changed, LocalDate today,
                                                long rows, long rejected) {
        LocalDate from = changed.stream().map(StHistory.Episode::first).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = changed.stream().map(e -> e.last() == null ? today : e.last()).max(LocalDate::compareTo).orElseThrow();
        LocalDate to = last.plusDays(40).isAfter(today) ? today : last.plusDays(40);
        if (to.isBefore(from)) { // an episode announced ahead of its first day
            to = from;
        }
        List<String> codes = changed.stream().map(e -> e.tsCode().toString()).distinct().sorted().toList();
        String job = claim.jobId().toString();
        return new MarketDataIngested(EventIds.of("market.data.ingested", job, Dataset.NAMECHANGE.apiName(), today.toString()),
                MarketDataIngested.VERSION, Instant.now(), job, Dataset.NAMECHANGE.apiName(), from, to, codes, rows, rejected);
    }

    /**
     * The L1 industry classification and every industry's members, past ones included (Tushare
     * index_classify, then index_member per industry: a call per industry, since Tushare serves
     * members by index), refreshed whole at most once a day like the stock list. Production asks
     * for Shenwan's SW2021; tushare-sim ignores {@code src} and serves its derivation from
     * stock_basic. Rows stored and rejected count towards the claimed job.
     */
    public void ensureIndustries(JobQueue.Claim claim) {
        LocalDate today = LocalDate.now(SHANGHAI);
        if (coverage.covers(Dataset.INDEX_MEMBER.apiName(), CoverageStore.WHOLE_MARKET, today, today)) {
            return;
        }
        Cleaning.Result<IndustryStore.Industry> classes = Cleaning.industries(client.queryAll(Dataset.INDEX_CLASSIFY.apiName(),
                Map.of("level", "L1", "src", "SW2021"), Dataset.INDEX_CLASSIFY.fields(), 5000).block());
        List<IndustryStore.Member> members = new ArrayList<>();
        List<RejectedRow> refusedMembers = new ArrayList<>();
        for (IndustryStore.Industry industry : classes.accepted()) {
            Cleaning.Result<IndustryStore.Member> result = Cleaning.industryMembers(client.queryAll(Dataset.INDEX_MEMBER.apiName(),
                    Map.of("index_code", industry.indexCode()), Dataset.INDEX_MEMBER.fields(), 5000).block());
            members.addAll(result.accepted());
            refusedMembers.addAll(result.rejects());
        }
        tx.executeWithoutResult(s -> {
            industries.replaceAll(classes.accepted(), members);
            coverage.mark(Dataset.INDEX_CLASSIFY.apiName(), CoverageStore.WHOLE_MARKET, today, today);
            coverage.mark(Dataset.INDEX_MEMBER.apiName(), CoverageStore.WHOLE_MARKET, today, today);
            jobs.referenceStored(claim, Dataset.INDEX_CLASSIFY, classes.accepted().size(), classes.rejects());
            jobs.referenceStored(claim, Dataset.INDEX_MEMBER, members.size(), refusedMembers);
        });
    }

    private static String optional(List<Object> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        Object v = i == null || i >= row.size() ? null : row.get(i);
        return v == null ? null : v.toString();
    }
}
