package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.rules.LimitBandCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Checks every daily bar of a file against the rule book's price band, ST status by day from the
 * namechange history: a data-quality report that also shows the rule book agrees with the market.
 */
@Command(name = "rules", description = "Check daily bars against the A-share price-limit rule book.")
final class RulesCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--bars", description = "Tushare daily CSV (plain or gzip); default: the bundled sample")
    Path bars;

    @Option(names = "--stock-basic", description = "Tushare stock_basic CSV; default: the bundled sample")
    Path stockBasic;

    @Option(names = "--trade-cal", description = "Tushare trade_cal CSV; default: the bundled SSE calendar")
    Path tradeCal;

    @Option(names = "--namechange", paramLabel = "FILE",
            description = "Tushare namechange CSV (which stocks were ST on which days); default: the bundled history")
    Path namechange;

    @Option(names = "--adjusted", description = "prices are forward-adjusted (qfq), not raw")
    boolean adjusted;

    @Override
    public Integer call() {
        TradingCalendar calendar = TradeCalCsv.read(BundledSample.orDefault(tradeCal, SampleData.TRADE_CAL));
        Map<TsCode, StockBasic> basics = StockBasicCsv.read(BundledSample.orDefault(stockBasic, SampleData.COMPACT_STOCK_BASIC))
                .stream().collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        List<Bar> rows = BarCsv.read(BundledSample.orDefault(bars, SampleData.COMPACT_BARS));
        StHistory st = NameChangeCsv.history(BundledSample.orDefault(namechange, SampleData.NAMECHANGE));
        LimitBandCheck check = new LimitBandCheck(calendar, basics, st);

        Map<Board, int[]> perBoard = new EnumMap<>(Board.class); // rows, stocks seen, violations
        List<LimitBandCheck.Violation> violations = new ArrayList<>();
        long stBars = rows.stream().filter(b -> st.isSt(b.tsCode(), b.tradeDate())).count();
        for (Bar bar : rows) {
            int[] counts = perBoard.computeIfAbsent(Board.of(bar.tsCode()), b -> new int[2]);
            counts[0]++;
            check.check(bar, adjusted).ifPresent(v -> {
                violations.add(v);
                counts[1]++;
            });
        }
        System.out.printf("%-10s %10s %10s%n", "board", "bars", "outside");
        perBoard.forEach((board, c) -> System.out.printf("%-10s %10d %10d%n", board, c[0], c[1]));
        System.out.printf("%d bars of %d stocks checked (%d on ST days); %d outside the band in force that day%n",
                rows.size(), rows.stream().map(Bar::tsCode).distinct().count(), stBars, violations.size());
        violations.forEach(v -> System.out.println("  " + v));
        return 0;
    }
}
