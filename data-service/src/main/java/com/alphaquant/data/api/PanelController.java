package com.alphaquant.data.api;

import com.alphaquant.data.api.QuoteController.BarView;
import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.TradingDay;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily bars of many stocks in one response, for bulk readers (factor-service): raw prices with
 * Tushare's adj_factor, ordered by ts_code then trade_date, each row exactly as
 * {@code /api/data/bars?adjust=none} serves it. Rows are written as the database cursor yields
 * them, so a whole-market panel never sits in memory. JSON (an array of bar views; a response
 * cut short by a failure lacks its closing bracket, so readers notice) or CSV with
 * {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/data")
class PanelController {

    /** Most codes in an explicit list: 500 codes keep the URL near 5 KB, under the 8 KB header limit. */
    static final int MAX_CODES = 500;
    /** Most years {@code ts_codes=all} may span (~6 M rows for 5,000 stocks); explicit lists have no span limit. */
    static final int MAX_ALL_YEARS = 5;

    private final BarStore bars;
    private final ObjectWriter json;

    PanelController(BarStore bars, JsonMapper mapper) {
        this.bars = bars;
        // One flush at the end, not one per row; and no closing bracket added to a failed stream.
        this.json = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT);
    }

    @GetMapping(value = "/bars/panel", produces = "application/json")
    ResponseEntity<StreamingResponseBody> panel(@RequestParam("ts_codes") String tsCodes,
                                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        List<String> codes = parseCodes(tsCodes, start, end);
        StreamingResponseBody body = out -> {
            JsonGenerator gen = json.createGenerator(out);
            gen.writeStartArray();
            bars.streamDaily(codes, start, end, b -> json.writeValue(gen, QuoteController.view(b, "none", 1)));
            gen.writeEndArray();
            gen.close();
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping(value = "/bars/panel", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> panelCsv(@RequestParam("ts_codes") String tsCodes,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate start,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate end) {
        List<String> codes = parseCodes(tsCodes, start, end);
        StreamingResponseBody body = out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            csv.write(QuoteController.CSV_HEADER);
            StringBuilder row = new StringBuilder(128);
            bars.streamDaily(codes, start, end, b -> {
                row.setLength(0);
                csv.append(QuoteController.csvRow(row, QuoteController.view(b, "none", 1)));
            });
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    /** The distinct stock codes asked, sorted; {@code null} for {@code all}. Checks the range too. */
    static List<String> parseCodes(String tsCodes, LocalDate start, LocalDate end) {
        QuoteController.requireRange(start, end);
        if (tsCodes.strip().equalsIgnoreCase("all")) {
            if (!end.isBefore(start.plusYears(MAX_ALL_YEARS))) {
                throw new BadRequestException("end", "ts_codes=all spans at most " + MAX_ALL_YEARS + " years: end must be before "
                        + start.plusYears(MAX_ALL_YEARS) + "; split the range, or list the codes");
            }
            return null;
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String text : tsCodes.split(",", -1)) {
            TsCode code = QuoteController.parseCode("ts_codes", text.strip());
            if (QuoteController.board("ts_codes", code) == Board.INDEX) {
                throw new BadRequestException("ts_codes", code + " is an index, not a stock (its bars: /api/data/indices/{code}/bars)");
            }
            codes.add(code.toString());
        }
        if (codes.size() > MAX_CODES) {
            throw new BadRequestException("ts_codes", codes.size() + " codes; at most " + MAX_CODES + " per request, or all");
        }
        return new ArrayList<>(codes);
    }
}
