package com.alphaquant.factor.api;

import com.alphaquant.factor.FactorProperties;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.factor.cache.CachedFactors;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.mined.FormulaSpan;
import com.alphaquant.factor.mined.MinedFormulaStore;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.evaluation.CorrelationMethod;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.TsCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Factor values (the 24 and mined formulas), the catalog, and factor evaluation (the 24).
 * Parameters are parsed by hand so every bad value is a 400 naming it.
 */
@RestController
@RequestMapping("/api/factors")
@Tag(name = "factors", description = "The 24 factors of SPEC §3 over data-service's bars, cached in Redis")
class FactorController {

    private final CachedFactors factors;
    private final FactorComputer computer;
    private final PanelSource bars;
    private final MinedFormulaStore mined;
    private final FactorNames factorNames;
    private final long maxStockMonths;

    FactorController(CachedFactors factors, FactorComputer computer, PanelSource bars, MinedFormulaStore mined,
                     FactorProperties properties) {
        this.factors = factors;
        this.computer = computer;
        this.bars = bars;
        this.mined = mined;
        this.factorNames = new FactorNames(mined);
        this.maxStockMonths = properties.maxStockMonths();
    }

    @Operation(summary = "Factor values per stock-day",
            description = "JSON {engineVersion, rows:[{tsCode, tradeDate, values:{name: number|null}}]}; CSV "
                    + "ts_code,trade_date,<factors in SPEC order> with Accept: text/csv or format=csv (empty cell = NaN). "
                    + "Mined formulas (ALPHA_…) are asked for by name like the 24 and come after them.")
    @GetMapping
    void values(@Parameter(description = "comma list of stock ts_codes, or all") @RequestParam(name = "ts_codes", required = false) String tsCodes,
                @Parameter(description = "first trade date, YYYY-MM-DD") @RequestParam(required = false) String start,
                @Parameter(description = "last trade date, YYYY-MM-DD") @RequestParam(required = false) String end,
                @Parameter(description = "comma list of factor names (the 24, mined ALPHA_…); default all 24")
                @RequestParam(required = false) String names,
                @Parameter(description = "json or csv; overrides Accept") @RequestParam(required = false) String format,
                @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) throws IOException {
        boolean csv = RequestParams.oneOf("format", format, accept != null && accept.contains("text/csv") ? "csv" : "json",
                "json", "csv").equals("csv");
        Query q = query(tsCodes, start, end);
        FactorNames.Selection chosen = factorNames.select("names", names);
        FactorTableWriter writer = new FactorTableWriter(chosen.names(), chosen.columns());
        Collection<StockFactors> panel = chosen.mined().isEmpty() ? factors.factors(q.codes, q.start, q.end).values()
                : withMined(q, chosen.mined());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (csv) {
            writer.csv(panel, out);
        } else {
            writer.json(panel, out);
        }
        out.flush();
    }

    @Operation(summary = "The factor registry: name, category, window, first row with a value, formula",
            description = "The 24 built-ins (basic, advanced), then the mined formulas (category mined, formula in "
                    + "function form), oldest first.")
    @GetMapping("/catalog")
    List<Views.CatalogEntry> catalog() {
        List<Views.CatalogEntry> entries = new ArrayList<>(FactorRegistry.all().stream().map(Views.CatalogEntry::of).toList());
        mined.all().forEach(f -> entries.add(Views.CatalogEntry.mined(f)));
        return entries;
    }

    /**
     * The 24 and the mined formulas in one engine run, not cached: a mined formula's chunks would
     * need their own invalidation on every ingest. A formula with a cross-sectional operator ranks
     * a stock among the whole market, as a job over every stock mined it, so the run then covers
     * every stock and the answer keeps those asked.
     */
    private Collection<StockFactors> withMined(Query q, List<Expr> formulas) {
        List<TsCode> codes = q.codes;
        if (formulas.stream().anyMatch(FormulaSpan::crossSectional)) {
            codes = bars.securities().stream().map(PanelSource.Security::code).toList();
            RequestParams.size("names", codes.size(), q.start, q.end, maxStockMonths,
                    "a formula with CSRank or CSZScore is computed over every stock: narrow start … end");
        }
        Set<TsCode> asked = new HashSet<>(q.codes);
        Map<TsCode, StockFactors> computed = new TreeMap<>(computer.compute(codes, q.start, q.end, formulas));
        computed.keySet().retainAll(asked);
        return computed.values();
    }

    @Operation(summary = "Factor × factor correlation for a heatmap",
            description = "Pooled over stock-days, each pair on its pairwise-complete observations; method pearson "
                    + "(default) or spearman (average ranks). matrix[i][j] is null where undefined.")
    @GetMapping("/correlation")
    Views.CorrelationView correlation(@RequestParam(name = "ts_codes", required = false) String tsCodes,
                                      @RequestParam(required = false) String start,
                                      @RequestParam(required = false) String end,
                                      @RequestParam(required = false) String names,
                                      @RequestParam(required = false) String method) {
        CorrelationMethod how = CorrelationMethod.parse(RequestParams.oneOf("method", method, "pearson", "pearson", "spearman"));
        Query q = query(tsCodes, start, end);
        List<String> chosen = RequestParams.names("names", names);
        Collection<StockFactors> panel = factors.factors(q.codes, q.start, q.end).values();
        return Views.CorrelationView.of(FactorAnalysis.correlation(panel, chosen, how), q.start, q.end, panel.size());
    }

    @Operation(summary = "Information coefficient of one factor against forward returns",
            description = "Daily IC (Pearson) and rank IC (Spearman) across the stocks, their mean, std and IR "
                    + "(mean/std), and the mean forward return per factor quantile. Forward returns are close-to-close "
                    + "on the adjusted close, `horizon` sessions ahead.")
    @GetMapping("/ic")
    Views.IcView ic(@RequestParam(required = false) String name,
                    @RequestParam(name = "ts_codes", required = false) String tsCodes,
                    @RequestParam(required = false) String start,
                    @RequestParam(required = false) String end,
                    @RequestParam(required = false) String horizon,
                    @RequestParam(required = false) String quantiles) {
        String factor = RequestParams.factor("name", name);
        int h = RequestParams.integer("horizon", horizon, 1, 1, 250);
        int q = RequestParams.integer("quantiles", quantiles, 5, 1, 20);
        Query query = query(tsCodes, start, end);
        Collection<StockFactors> panel = factors.factors(query.codes, query.start, withForwardReturns(query.end, h)).values();
        return Views.IcView.of(FactorAnalysis.ic(panel, factor, DateInts.of(query.start), DateInts.of(query.end), h, q),
                factor, query.start, query.end, h, q, panel.size());
    }

    @Operation(summary = "Rank IC of factors within each industry",
            description = "Each day, a factor's Spearman correlation with forward returns among the stocks of one "
                    + "industry (Shenwan L1 from data-service's /api/data/industries/memberships, as of that day); per "
                    + "industry the mean over the days it had at least 3 such stocks, and how many days that was.")
    @GetMapping("/ic/by-industry")
    Views.IndustryIcView icByIndustry(@RequestParam(name = "ts_codes", required = false) String tsCodes,
                                      @RequestParam(required = false) String start,
                                      @RequestParam(required = false) String end,
                                      @RequestParam(required = false) String names,
                                      @RequestParam(required = false) String horizon) {
        List<String> chosen = RequestParams.names("names", names);
        int h = RequestParams.integer("horizon", horizon, 1, 1, 250);
        Query query = query(tsCodes, start, end);
        IndustryClassification industries = bars.industries();
        Collection<StockFactors> panel = factors.factors(query.codes, query.start, withForwardReturns(query.end, h)).values();
        return Views.IndustryIcView.of(FactorAnalysis.icByIndustry(panel, chosen, DateInts.of(query.start), DateInts.of(query.end),
                h, industries), industries.names(), query.start, query.end, h, panel.size());
    }

    /** Enough calendar days after {@code end} for {@code horizon} sessions (and a long holiday). */
    private static LocalDate withForwardReturns(LocalDate end, int horizon) {
        return end.plusDays((long) Math.ceil(horizon * 1.5) + 15);
    }

    private record Query(List<TsCode> codes, LocalDate start, LocalDate end) {
    }

    private Query query(String tsCodes, String start, String end) {
        LocalDate from = RequestParams.date("start", start);
        LocalDate to = RequestParams.date("end", end);
        RequestParams.range(from, to);
        List<TsCode> codes = RequestParams.codes(tsCodes, () -> bars.securities().stream().map(PanelSource.Security::code).toList());
        RequestParams.size(codes, from, to, maxStockMonths);
        return new Query(codes, from, to);
    }
}
