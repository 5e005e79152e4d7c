package com.alphaquant.factor.engine;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.rules.LimitBandCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored answers of {@link AnswerFileTest}: all 24 factors of three stocks of the real
 * sample on four dates, as {@link ReferenceFactors} computes them (shortest exact decimals).
 * Regenerate (only when SPEC changes, and bump {@link FactorEngine#VERSION}) by running
 * {@code main} from libs/factors.
 */
final class AnswerFile {

    static final String RESOURCE = "/answers/mini30_factors.csv";
    static final List<TsCode> STOCKS = List.of(TsCode.of("600519.SH"), TsCode.of("300750.SZ"), TsCode.of("688981.SH"));
    static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 3, 2), LocalDate.of(2021, 8, 24),
            LocalDate.of(2022, 6, 1), LocalDate.of(2022, 12, 20));

    /** One stored value. */
    record Answer(TsCode code, LocalDate date, String factor, double value) {
    }

    private AnswerFile() {
    }

    static List<Answer> read() {
        try (InputStream in = AnswerFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + RESOURCE);
            }
            List<Answer> answers = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                answers.add(new Answer(TsCode.of(f[0]), DateInts.toLocalDate(Integer.parseInt(f[1])), f[2],
                        Double.parseDouble(f[3])));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<TsCode, StockBasic> basics = MiniSample.BASICS.stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        LimitBandCheck book = new LimitBandCheck(MiniSample.CALENDAR, basics, MiniSample.ST);
        StringBuilder csv = new StringBuilder("ts_code,trade_date,factor,value\n");
        for (TsCode code : STOCKS) {
            List<Bar> bars = MiniSample.BARS.stream().filter(b -> b.tsCode().equals(code))
                    .sorted(Comparator.comparing(Bar::tradeDate)).toList();
            Map<String, double[]> values = ReferenceFactors.compute(bars, ReferenceFactors.mom20ByDate(MiniSample.CSI300),
                    Map.of(), bar -> book.limitOn(bar.tsCode(), bar.tradeDate()));
            for (LocalDate date : DATES) {
                int row = bars.stream().map(Bar::tradeDate).toList().indexOf(date);
                for (String factor : FactorRegistry.names()) {
                    csv.append(code).append(',').append(DateInts.of(date)).append(',').append(factor).append(',')
                            .append(values.get(factor)[row]).append('\n');
                }
            }
        }
        Path out = Path.of("src/test/resources" + RESOURCE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, csv);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
