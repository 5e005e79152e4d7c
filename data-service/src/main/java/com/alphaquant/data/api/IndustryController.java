package com.alphaquant.data.api;

import com.alphaquant.data.ingest.Dataset;
import com.alphaquant.data.store.CoverageStore;
import com.alphaquant.data.store.IndustryStore;
import com.alphaquant.market.Board;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The industry classification as of a date (Shenwan L1 from Tushare; tushare-sim serves a
 * derivation of stock_basic's industry instead): what industry-neutral scoring and per-industry
 * factor evaluation group stocks by.
 */
@RestController
@RequestMapping("/api/data")
class IndustryController {

    /** An industry and the stocks that belonged to it on the date asked, sorted. */
    record IndustryView(String industryCode, String name, List<String> members) {}

    /** One stock's membership of one industry, from {@code inDate} until {@code outDate} (exclusive; null: still). */
    record MembershipView(String industryCode, String name, String tsCode, LocalDate inDate, LocalDate outDate) {

        static MembershipView of(IndustryMembership m) {
            return new MembershipView(m.industryCode(), m.industryName(), m.tsCode().toString(), m.inDate(), m.outDate());
        }
    }

    private final IndustryStore industries;
    private final CoverageStore coverage;

    IndustryController(IndustryStore industries, CoverageStore coverage) {
        this.industries = industries;
        this.coverage = coverage;
    }

    /**
     * Every industry with members on {@code date} (in_date ≤ date < out_date), or with
     * {@code ts_code} only the one that stock belonged to (an empty list: unclassified that day);
     * 409 until the classification has been ingested, since an empty list would claim that no
     * stock has an industry.
     */
    @GetMapping("/industries")
    ResponseEntity<?> asOf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @TradingDay LocalDate date,
                           @RequestParam(name = "ts_code", required = false) String tsCode) {
        TsCode code = tsCode == null ? null : QuoteController.parseCode("ts_code", tsCode);
        if (code != null && QuoteController.board("ts_code", code) == Board.INDEX) {
            throw new BadRequestException("ts_code", code + " is an index, not a stock: indices have no industry");
        }
        if (!ingested()) {
            return notIngested();
        }
        IndustryClassification classification = industries.classification();
        Map<String, String> names = classification.names();
        Map<String, List<String>> members = new TreeMap<>();
        classification.asOf(date).forEach((stock, industry) ->
                members.computeIfAbsent(industry, k -> new java.util.ArrayList<>()).add(stock));
        String only = code == null ? null : classification.of(code, date).map(IndustryMembership::industryCode).orElse("");
        List<IndustryView> views = members.entrySet().stream()
                .filter(e -> only == null || e.getKey().equals(only))
                .map(e -> new IndustryView(e.getKey(), names.get(e.getKey()), e.getValue().stream().sorted().toList()))
                .toList();
        return ResponseEntity.ok(views);
    }

    /**
     * Every stored membership with its dates: what a backtest or a factor evaluation over a range
     * builds its {@link IndustryClassification} from, in one call instead of one per day.
     */
    @GetMapping("/industries/memberships")
    ResponseEntity<?> memberships() {
        if (!ingested()) {
            return notIngested();
        }
        return ResponseEntity.ok(industries.classification().memberships().stream().map(MembershipView::of).toList());
    }

    private boolean ingested() {
        return !coverage.ranges(Dataset.INDEX_MEMBER.apiName(), CoverageStore.WHOLE_MARKET).isEmpty();
    }

    private static ResponseEntity<?> notIngested() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, null,
                "No industry classification stored: ingest index_classify and index_member "
                        + "(POST /api/data/ingest with datasets [\"index_classify\",\"index_member\"])"));
    }
}
