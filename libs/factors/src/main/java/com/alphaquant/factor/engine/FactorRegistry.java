package com.alphaquant.factor.engine;

import static com.alphaquant.factor.engine.FactorCategory.ADVANCED;
import static com.alphaquant.factor.engine.FactorCategory.BASIC;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 24 factors of SPEC section 3, in SPEC's order (which is also the engine's output order). */
public final class FactorRegistry {

    private static final List<FactorDefinition> ALL = List.of(
            new FactorDefinition("RET", BASIC, 2, 1, "ln(c / c₋₁)", PriceFactors::ret),
            new FactorDefinition("PRESSURE", BASIC, 1, 0, "((c−l) − (h−c)) / (h−l); 0 when h = l", PriceFactors::pressure),
            new FactorDefinition("FOMO", BASIC, 1, 0, "(c−o) / (h−l); 0 when h = l", PriceFactors::fomo),
            new FactorDefinition("DEV20", BASIC, 20, 19, "c / SMA20(c) − 1", TrendFactors::dev20),
            new FactorDefinition("VOL20", BASIC, 21, 20, "STD20(RET), sample std", VolatilityFactors::vol20),
            new FactorDefinition("AMP", BASIC, 1, 0, "(h−l) / pre_close (raw prices)", PriceFactors::amp),
            new FactorDefinition("RSI14", ADVANCED, 15, 14,
                    "100·W14(gain)/(W14(gain)+W14(loss)) over c−c₋₁; 50 when both are 0", Oscillators::rsi14),
            new FactorDefinition("MACD_DIF", ADVANCED, 26, 25, "(EMA12(c) − EMA26(c)) / c", TrendFactors::macdDif),
            new FactorDefinition("MACD_HIST", ADVANCED, 34, 33, "(DIF − EMA9(DIF)) / c, DIF = EMA12(c) − EMA26(c)",
                    TrendFactors::macdHist),
            new FactorDefinition("BOLL_PCTB", ADVANCED, 20, 19,
                    "(c − lower)/(upper − lower), SMA20(c) ± 2 population std; 0.5 when std = 0", VolatilityFactors::bollPctb),
            new FactorDefinition("BOLL_WIDTH", ADVANCED, 20, 19, "(upper − lower) / middle", VolatilityFactors::bollWidth),
            new FactorDefinition("ATR14", ADVANCED, 15, 14, "W14(TR) / c, TR = max(h−l, |h−c₋₁|, |l−c₋₁|)",
                    VolatilityFactors::atr14),
            new FactorDefinition("MOM20", ADVANCED, 21, 20, "c / c₋₂₀ − 1", TrendFactors::mom20),
            new FactorDefinition("MOM60", ADVANCED, 61, 60, "c / c₋₆₀ − 1", TrendFactors::mom60),
            new FactorDefinition("KDJ_K", ADVANCED, 9, 8,
                    "RSV = 100·(c − LLV9(l))/(HHV9(h) − LLV9(l)), 50 when the range is 0; K = ⅔K₋₁ + ⅓RSV from K = 50",
                    Oscillators::kdjK),
            new FactorDefinition("CCI20", ADVANCED, 20, 19,
                    "(TP − SMA20(TP)) / (0.015·MD20), TP = (h+l+c)/3; 0 when MD20 = 0", Oscillators::cci20),
            new FactorDefinition("WILLR14", ADVANCED, 14, 13,
                    "−100·(HHV14(h) − c)/(HHV14(h) − LLV14(l)); −50 when the range is 0", Oscillators::willr14),
            new FactorDefinition("MFI14", ADVANCED, 15, 14,
                    "100·P/(P+N), 14-day sums of TP·vol on days TP rises / falls; 50 when both are 0", Oscillators::mfi14),
            new FactorDefinition("VOLUME_RATIO", ADVANCED, 6, 5, "vol / mean(vol₋₁ … vol₋₅)", VolumeFactors::volumeRatio),
            new FactorDefinition("VWAP_DEV", ADVANCED, 1, 0, "raw close / (amount·10/vol) − 1; NaN when vol = 0",
                    VolumeFactors::vwapDev),
            new FactorDefinition("ILLIQ20", ADVANCED, 21, 20, "1e9 · mean over 20 of |RET| / (amount·1000)",
                    VolumeFactors::illiq20),
            // Its window is the flow's own 20 observations: its first value depends on the flow, not on the stock.
            new FactorDefinition("NORTH_FLOW_Z", ADVANCED, 20, 0,
                    "20-day z-score (sample std) of the market's northbound net flow; NaN where no flow",
                    MarketFactors::northFlowZ),
            new FactorDefinition("RS20", ADVANCED, 21, 20, "MOM20 − MOM20 of 000300.SH on the same date", MarketFactors::rs20),
            new FactorDefinition("LIMIT_NET20", ADVANCED, 20, 19,
                    "over 20 bars: closes at limit-up minus closes at limit-down (raw prices, rules of the day)",
                    MarketFactors::limitNet20));

    private static final Map<String, FactorDefinition> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(FactorDefinition::name, Function.identity()));

    private FactorRegistry() {
    }

    public static List<FactorDefinition> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(FactorDefinition::name).toList();
    }

    /** The factor called {@code name}; an unknown name fails, listing the known ones. */
    public static FactorDefinition get(String name) {
        FactorDefinition f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown factor '" + name + "', expected one of " + names());
        }
        return f;
    }

    /** The factors called {@code names}, in the order given. */
    public static List<FactorDefinition> select(List<String> names) {
        return names.stream().map(FactorRegistry::get).toList();
    }
}
