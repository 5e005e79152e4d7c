package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }

    private static Map<String, Double> metrics(Path folder) throws IOException {
        Matcher m = Pattern.compile("\"([a-z_]+)\": (-?[0-9.Ee+-]+|null)").matcher(Files.readString(folder.resolve("metrics.json")));
        Map<String, Double> values = new HashMap<>();
        while (m.find()) {
            values.put(m.group(1), m.group(2).equals("null") ? Double.NaN : Double.parseDouble(m.group(2)));
        }
        return values;
    }

    @Test
    void buyAndHoldOnTheBundledSampleWritesTheFilesAndKeepsItsFigures() throws IOException {
        Path o = dir.resolve("bh");
        int code = AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-12-20",
                "--stocks", "600000.SH,600519.SH", "--initial-capital", "1000000", "--commission", "0.0003", "--out", o.toString());
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Backtest buy_and_hold, 2022-01-04 to 2022-12-20: 234 trading days, 2 stocks, benchmark 000300.SH",
                "total_return", "-12.49%", "benchmark_return", "-22.14%", "2 fills (2 buys, 0 sells); 0 rejected orders");
        assertThat(err()).isEmpty();
        assertThat(Files.readAllLines(o.resolve("trades.csv"))).containsExactly(
                "trade_date,ts_code,side,shares,price,value,commission,stamp_duty,transfer_fee,slippage_cost,reason",
                "2022-01-05,600000.SH,buy,58300,8.5986,501298.38,150.39,0.00,10.03,1667.38,entry",
                "2022-01-05,600519.SH,buy,200,2046.9208,409384.16,122.82,0.00,8.19,384.16,entry");
        List<String> equity = Files.readAllLines(o.resolve("equity.csv"));
        assertThat(equity).hasSize(235);
        assertThat(equity.get(1)).isEqualTo("2022-01-04,1000000.00,0.00,1000000.00,1000000.00,0.00000000");
        assertThat(equity.get(234)).isEqualTo("2022-12-20,89026.03,786083.53,875109.56,778609.00,0.12489044");
        assertThat(Files.readAllLines(o.resolve("rejections.csv"))).containsExactly("trade_date,ts_code,side,shares,reason");

        // regression figures of this run (engine 1.0.0)
        Map<String, Double> m = metrics(o);
        assertThat(m.get("days")).isEqualTo(233);
        assertThat(m.get("total_return")).isCloseTo(-0.12489044, within(1e-12));
        assertThat(m.get("annual_return")).isCloseTo(-0.134358826252575, within(1e-12));
        assertThat(m.get("volatility")).isCloseTo(0.17079371464588447, within(1e-12));
        assertThat(m.get("sharpe")).isCloseTo(-0.7595066740612492, within(1e-10));
        assertThat(m.get("sortino")).isCloseTo(-1.05702246186288, within(1e-10));
        assertThat(m.get("max_drawdown")).isCloseTo(0.22944691, within(1e-12));
        assertThat(m.get("calmar")).isCloseTo(-0.5855769696465949, within(1e-10));
        assertThat(m.get("win_rate")).isCloseTo(103.0 / 233, within(1e-15));
        assertThat(m.get("turnover")).isCloseTo(0.5418206979128067, within(1e-12));
        assertThat(m.get("benchmark_return")).isCloseTo(-0.221391, within(1e-12));
        assertThat(m.get("excess_return")).isCloseTo(0.09650056, within(1e-12));
        assertThat(m.get("alpha")).isCloseTo(0.036503506495194696, within(1e-10));
        assertThat(m.get("beta")).isCloseTo(0.6673670331971812, within(1e-10));
        assertThat(m.get("information_ratio")).isCloseTo(0.9817105924140197, within(1e-10));
        String json = Files.readString(o.resolve("metrics.json"));
        assertThat(json).contains("\"version\": \"1.0.0\"", "\"strategy\": \"buy_and_hold\"", "\"universe\": \"600000.SH,600519.SH\"",
                "\"bars\": \"daily_raw_adj_31_20210104_20221220.csv.gz\"", "\"fill\": \"open\"", "\"stamp_duty\": \"schedule\"");
    }

    @Test
    void targetWeightsFromAFileWithVwapFillsAndCarryOver() throws IOException {
        Path weights = dir.resolve("weights.csv");
        StringBuilder sb = new StringBuilder("trade_date,ts_code,weight\n");
        String[][] plan = {{"20220104", "600000.SH", "0.3"}, {"20220104", "000001.SZ", "0.3"}, {"20220104", "300750.SZ", "0.3"},
                {"20220301", "688981.SH", "0.45"}, {"20220301", "600519.SH", "0.45"},
                {"20220601", "000001.SZ", "0.9"}};
        for (String[] row : plan) {
            sb.append(String.join(",", row)).append('\n');
        }
        Files.writeString(weights, sb);
        Path o = dir.resolve("tw");
        int code = AlphaQuant.run("backtest", "--strategy", "target_weights", "--weights", weights.toString(),
                "--start-date", "20220104", "--end-date", "20220930", "--fill", "vwap", "--carry-over",
                "--stamp-duty", "0.001", "--transfer-fee", "0.00002", "--min-commission", "0", "--slippage", "0.0005",
                "--out", o.toString());
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Backtest target_weights", "5 stocks");
        List<String> trades = Files.readAllLines(o.resolve("trades.csv"));
        assertThat(trades).hasSizeGreaterThan(8);
        for (String line : trades.subList(1, trades.size())) {
            String[] c = line.split(",");
            double value = Double.parseDouble(c[5]);
            // explicit rates: commission 0.0003 without minimum, transfer 0.00002, stamp duty 0.001 on sells
            assertThat(Double.parseDouble(c[6])).isCloseTo(Math.floor(value * 0.0003 * 100 + 0.5 + 1e-6) / 100, within(1e-9));
            assertThat(Double.parseDouble(c[8])).isCloseTo(Math.floor(value * 0.00002 * 100 + 0.5 + 1e-6) / 100, within(1e-9));
        }
        for (String line : Files.readAllLines(o.resolve("equity.csv")).subList(1, 2)) {
            assertThat(line).startsWith("2022-01-04,1000000.00,0.00,1000000.00,1000000.00,");
        }
        assertThat(Files.readString(o.resolve("metrics.json"))).contains("\"fill\": \"vwap\"", "\"unfilled_orders\": \"carry_over\"",
                "\"stamp_duty\": 0.001", "\"universe\": \"weights\"");
    }

    @Test
    void theExchangesLimitPricesFromStkLimitComeBeforeTheRuleBooks() throws IOException {
        // 600900.SH opened 2021-08-10 at 19.35 (pre_close 19.35): the book's limit-up is 21.29.
        Path planted = dir.resolve("stk_limit.csv");
        Files.writeString(planted, "trade_date,ts_code,pre_close,up_limit,down_limit\n20210810,600900.SH,19.35,19.35,17.42\n");
        String[] run = {"backtest", "--strategy", "buy_and_hold", "--start-date", "2021-08-09", "--end-date", "2021-08-13",
                "--stocks", "600900.SH", "--benchmark", "none", "--slippage", "0", "--impact", "0"};
        Path book = dir.resolve("book");
        assertThat(AlphaQuant.run(concat(run, "--out", book.toString()))).as(err()).isZero();
        assertThat(Files.readAllLines(book.resolve("trades.csv"))).hasSize(2).last().asString().startsWith("2021-08-10,600900.SH,buy,");
        Path exchange = dir.resolve("exchange");
        assertThat(AlphaQuant.run(concat(run, "--stk-limit", planted.toString(), "--out", exchange.toString()))).as(err()).isZero();
        assertThat(Files.readAllLines(exchange.resolve("trades.csv"))).hasSize(1);
        assertThat(Files.readAllLines(exchange.resolve("rejections.csv"))).hasSize(2).last().asString()
                .startsWith("2021-08-10,600900.SH,buy,").endsWith(",limit_up");
        assertThat(Files.readString(exchange.resolve("metrics.json"))).contains("\"stk_limit\": \"stk_limit.csv\"");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aRangeWithoutDataIsOneLineNamingTheDataRange() {
        assertThat(AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--start-date", "2019-01-02", "--end-date", "2019-12-31",
                "--stocks", "600000.SH", "--out", dir.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("alphaquant: No bars between 2019-01-02 and 2019-12-31: the data covers 2021-01-04 to 2022-12-20");
    }

    @Test
    void anIndexUniverseBuysOnlyThatDaysConstituents() throws IOException {
        Path o = dir.resolve("pit");
        // 2021-06-30 publication of the synthetic CSI 300: which of the compact sample's 31 stocks are members.
        java.util.Set<String> members = com.alphaquant.market.csv.IndexWeightCsv.read(com.alphaquant.market.csv.SampleData.file(
                com.alphaquant.market.synthetic.IndexWeightGenerator.FIXTURE)).stream()
                .filter(w -> w.tradeDate().equals(java.time.LocalDate.of(2021, 6, 30))).map(w -> w.conCode().toString())
                .collect(java.util.stream.Collectors.toSet());
        int code = AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--start-date", "2021-07-01", "--end-date", "2021-12-31",
                "--universe", "000300.SH", "--out", o.toString());
        assertThat(code).as(err()).isZero();
        List<String> bought = Files.readAllLines(o.resolve("trades.csv")).stream().skip(1).map(l -> l.split(",")[1]).distinct().toList();
        assertThat(bought).isNotEmpty().allMatch(members::contains);
        assertThat(Files.readString(o.resolve("metrics.json"))).contains("\"universe\": \"000300.SH\"");
        console.reset();
        assertThat(AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--start-date", "2021-01-04", "--end-date", "2021-06-30",
                "--universe", "000905.SH", "--out", dir.resolve("y").toString())).isEqualTo(2);
        assertThat(err()).contains("has no constituents of 000905.SH published on or before 2021-01-04");
    }

    @Test
    void aRangeReachingPastTheDataIsRefused() {
        assertThat(AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--start-date", "2022-06-01", "--end-date", "2023-06-30",
                "--universe", "all", "--out", dir.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("alphaquant: End date 2023-06-30 is after the data's last day: the data covers 2021-01-04 to 2022-12-20");
    }

    @Test
    void wrongArgumentsExitWithTwoAndOneLine() {
        String[][] cases = {
                {"--strategy", "momentum", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--universe", "all"},
                {"--strategy", "target_weights", "--start-date", "2022-01-04", "--end-date", "2022-06-30"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--universe", "all", "--stocks", "600000.SH"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-06-30", "--end-date", "2022-01-04", "--universe", "all"},
                {"--strategy", "buy_and_hold", "--start-date", "2022/01/04", "--end-date", "2022-06-30", "--universe", "all"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--stocks", "600001.SH"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--universe", "all", "--fill", "mid"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--universe", "all", "--benchmark", "000905.SH"},
                {"--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-06-30", "--universe", "all", "--commission", "0.5"},
        };
        String[] messages = {
                "Unknown strategy 'momentum': expected one of target_weights, buy_and_hold, multi_factor",
                "Strategy target_weights needs --weights FILE (CSV trade_date,ts_code,weight)",
                "Strategy buy_and_hold needs --stocks A,B,... or --universe all",
                "Give either --stocks or --universe all, not both",
                "--end-date 2022-01-04 is before --start-date 2022-06-30",
                "Invalid --start-date '2022/01/04': expected yyyy-MM-dd or yyyyMMdd",
                "No bars for 600001.SH in daily_raw_adj_31_20210104_20221220.csv.gz (it has 31 stocks)",
                "Unknown fill price 'mid': expected open, close or vwap",
                "index_daily_2018_2026.csv.gz has no bars of benchmark 000905.SH (it has 000001.SH, 000300.SH, 399001.SZ, 399006.SZ; --benchmark none runs without one)",
                "commission rate must be in [0, 0.1), got 0.5",
        };
        for (int i = 0; i < cases.length; i++) {
            console.reset();
            String[] args = new String[cases[i].length + 3];
            args[0] = "backtest";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = dir.resolve("x" + i).toString();
            assertThat(AlphaQuant.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err().strip()).isEqualTo("alphaquant: " + messages[i]);
        }
        assertThat(dir.resolve("x0")).doesNotExist();
    }

    @Test
    void multiFactorOnTheBundledSampleRanksEveryStockAndTradesTheNamedOnes() throws IOException {
        Path o = dir.resolve("mf");
        int code = AlphaQuant.run("backtest", "--strategy", "multi_factor", "--start-date", "2021-06-01", "--end-date", "2022-12-20",
                "--stocks", "600000.SH,600519.SH,000001.SZ,300750.SZ,688981.SH", "--strategy-parameter", "max_position=0.25",
                "--out", o.toString());
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Backtest multi_factor, 2021-06-01 to 2022-12-20");
        List<String> trades = Files.readAllLines(o.resolve("trades.csv"));
        assertThat(trades.size()).as("it trades").isGreaterThan(5);
        assertThat(trades.subList(1, trades.size())).allSatisfy(t -> assertThat(t.split(",")[1])
                .isIn("600000.SH", "600519.SH", "000001.SZ", "300750.SZ", "688981.SH"));
        assertThat(trades.stream().anyMatch(t -> t.contains(",sell,"))).as("and sells").isTrue();
        assertThat(Files.readString(o.resolve("metrics.json"))).contains("\"strategy\": \"multi_factor\"",
                "\"strategy_preset\": \"multi_factor\"", "max_position=0.25", "buy_above=0.6");
        assertThat(maxGrossExposure(o)).as("max_position 0.25 over 5 stocks").isGreaterThan(0.3);

        // The conservative preset, as strategy-service runs it: max_position 0.05, so 5 stocks weigh at most about 0.25.
        Path conservative = dir.resolve("mf-conservative");
        assertThat(AlphaQuant.run("backtest", "--strategy", "multi_factor", "--strategy-preset", "multi_factor_conservative",
                "--start-date", "2021-06-01", "--end-date", "2022-12-20", "--stocks", "600000.SH,600519.SH,000001.SZ,300750.SZ,688981.SH",
                "--out", conservative.toString())).as(err()).isZero();
        assertThat(Files.readString(conservative.resolve("metrics.json"))).contains("\"strategy_preset\": \"multi_factor_conservative\"",
                "max_position=0.05", "max_exposure=0.6");
        assertThat(maxGrossExposure(conservative)).isPositive().isLessThan(0.3);

        console.reset();
        assertThat(AlphaQuant.run("backtest", "--strategy", "multi_factor", "--start-date", "2022-01-04", "--end-date", "2022-12-20",
                "--strategy-parameter", "buy_abve=0.7", "--out", dir.resolve("bad").toString())).isEqualTo(2);
        assertThat(err()).contains("has no parameter 'buy_abve'").doesNotContain("\tat ");
        console.reset();
        assertThat(AlphaQuant.run("backtest", "--strategy", "multi_factor", "--strategy-preset", "bold", "--start-date", "2022-01-04",
                "--end-date", "2022-12-20", "--out", dir.resolve("bad").toString())).isEqualTo(2);
        assertThat(err()).contains("Unknown preset 'bold': expected one of multi_factor, multi_factor_conservative");
    }

    /** The largest market value / equity of equity.csv. */
    private static double maxGrossExposure(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("equity.csv")).stream().skip(1).map(l -> l.split(","))
                .mapToDouble(c -> Double.parseDouble(c[2]) / Double.parseDouble(c[3])).max().orElseThrow();
    }

    @Test
    void helpListsTheBacktestOptions() {
        assertThat(AlphaQuant.run("backtest", "--help")).isZero();
        assertThat(out()).contains("--strategy", "--weights", "--start-date", "--stocks", "--universe", "--initial-capital",
                "--commission", "--stamp-duty", "--transfer-fee", "--min-commission", "--slippage", "--fill", "--benchmark",
                "--bars", "--index", "--stock-basic", "--trade-cal", "--out");
        console.reset();
        assertThat(AlphaQuant.run("--help")).isZero();
        assertThat(out()).contains("backtest");
    }
}
