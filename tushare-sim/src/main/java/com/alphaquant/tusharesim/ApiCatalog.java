package com.alphaquant.tusharesim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Tushare Pro APIs the simulator serves: their output fields (in Tushare's order, with the
 * subset returned when a request names no fields) and the request parameters each accepts.
 */
final class ApiCatalog {

    /** How a field is stored and written: text, a {@code yyyyMMdd} date (text), a float, an integer. */
    enum Type { STR, DATE, NUM, INT }

    record Field(String name, Type type, boolean byDefault) {
    }

    /** What a parameter does: selects codes, bounds the date field, or filters a field by equality. */
    enum Kind { CODES, DATE_EQ, DATE_FROM, DATE_TO, EQ, IGNORED }

    /** Checks a parameter value before the query runs. */
    enum Check { ANY, DATE, CODE_LIST, ENUM }

    record Param(String name, Kind kind, String field, Check check, Set<String> allowed, String defaultValue) {
    }

    /**
     * One API. {@code codeField} and {@code dateField} are the fields the {@code ts_code} and
     * date parameters select on (null where the API has none); files mapped to the API must have them.
     */
    record Api(String name, List<Field> fields, String codeField, String dateField, List<Param> params) {

        Field field(String fieldName) {
            for (Field f : fields) {
                if (f.name().equals(fieldName)) {
                    return f;
                }
            }
            return null;
        }

        List<String> defaultFields() {
            return fields.stream().filter(Field::byDefault).map(Field::name).toList();
        }

        Param param(String paramName) {
            for (Param p : params) {
                if (p.name().equals(paramName)) {
                    return p;
                }
            }
            return null;
        }

        List<String> paramNames() {
            List<String> names = new ArrayList<>(params.stream().map(Param::name).toList());
            names.add("offset");
            names.add("limit");
            return names;
        }
    }

    static final String DAILY = "daily";
    static final String ADJ_FACTOR = "adj_factor";
    static final String INDEX_DAILY = "index_daily";
    static final String STOCK_BASIC = "stock_basic";
    static final String TRADE_CAL = "trade_cal";
    static final String INDEX_CLASSIFY = "index_classify";
    static final String INDEX_MEMBER = "index_member";
    static final String FINA_INDICATOR = "fina_indicator";
    static final String MONEYFLOW_HSGT = "moneyflow_hsgt";
    static final String STK_LIMIT = "stk_limit";
    static final String SUSPEND_D = "suspend_d";
    static final String NAMECHANGE = "namechange";
    static final String INDEX_WEIGHT = "index_weight";

    private static final Map<String, Api> APIS = build();

    /** Every field type known to any API, plus {@code adj_factor_rel} of the bundled sample. */
    private static final Map<String, Type> FIELD_TYPES = fieldTypes();

    private ApiCatalog() {
    }

    static Api api(String name) {
        return APIS.get(name);
    }

    static Set<String> names() {
        return APIS.keySet();
    }

    /** The storage type of a file column, or null for a column no API serves (not loaded). */
    static Type typeOf(String column) {
        return FIELD_TYPES.get(column);
    }

    private static Map<String, Api> build() {
        Map<String, Api> apis = new LinkedHashMap<>();
        List<Param> quoteParams = List.of(codes("ts_code", "ts_code"), dateEq("trade_date", "trade_date"),
                from("start_date", "trade_date"), to("end_date", "trade_date"));
        List<Field> ohlc = List.of(num("open"), num("high"), num("low"), num("close"), num("pre_close"),
                num("change"), num("pct_chg"), num("vol"), num("amount"));

        List<Field> daily = new ArrayList<>(List.of(str("ts_code"), date("trade_date")));
        daily.addAll(ohlc);
        add(apis, new Api(DAILY, daily, "ts_code", "trade_date", quoteParams));

        add(apis, new Api(ADJ_FACTOR, List.of(str("ts_code"), date("trade_date"), num("adj_factor")),
                "ts_code", "trade_date", quoteParams));

        add(apis, new Api(INDEX_DAILY, List.of(str("ts_code"), date("trade_date"), num("close"), num("open"), num("high"),
                num("low"), num("pre_close"), num("change"), num("pct_chg"), num("vol"), num("amount")),
                "ts_code", "trade_date", quoteParams));

        add(apis, new Api(STOCK_BASIC, List.of(str("ts_code"), str("symbol"), str("name"), str("area"), str("industry"),
                extra("fullname", Type.STR), extra("enname", Type.STR), extra("cnspell", Type.STR), str("market"),
                extra("exchange", Type.STR), extra("curr_type", Type.STR), extra("list_status", Type.STR), date("list_date"),
                extra("delist_date", Type.DATE), extra("is_hs", Type.STR), extra("act_name", Type.STR),
                extra("act_ent_type", Type.STR)),
                "ts_code", null,
                List.of(codes("ts_code", "ts_code"), eq("name", "name"), eq("market", "market"),
                        oneOf("list_status", "list_status", "L", "L", "D", "P"),
                        oneOf("exchange", "exchange", null, "SSE", "SZSE", "BSE"),
                        oneOf("is_hs", "is_hs", null, "N", "H", "S"))));

        add(apis, new Api(TRADE_CAL, List.of(str("exchange"), date("cal_date"), field("is_open", Type.INT), date("pretrade_date")),
                null, "cal_date",
                List.of(oneOf("exchange", "exchange", "SSE", "SSE", "SZSE", "CFFEX", "SHFE", "CZCE", "DCE", "INE", "BSE"),
                        from("start_date", "cal_date"), to("end_date", "cal_date"),
                        oneOf("is_open", "is_open", null, "0", "1"))));

        add(apis, new Api(INDEX_CLASSIFY, List.of(str("index_code"), str("industry_name"), str("level"), str("industry_code"),
                str("is_pub"), str("parent_code"), str("src")),
                null, null,
                List.of(eq("index_code", "index_code"), oneOf("level", "level", null, "L1", "L2", "L3"),
                        eq("parent_code", "parent_code"), new Param("src", Kind.IGNORED, null, Check.ANY, Set.of(), null))));

        add(apis, new Api(INDEX_MEMBER, List.of(str("index_code"), str("index_name"), str("con_code"), str("con_name"),
                date("in_date"), date("out_date"), str("is_new")),
                "con_code", null,
                List.of(eq("index_code", "index_code"), codes("ts_code", "con_code"), oneOf("is_new", "is_new", null, "Y", "N"))));

        List<Field> fina = new ArrayList<>(List.of(str("ts_code"), date("ann_date"), date("end_date")));
        for (String n : List.of("eps", "dt_eps", "total_revenue_ps", "revenue_ps", "capital_rese_ps", "surplus_rese_ps",
                "undist_profit_ps", "extra_item", "profit_dedt", "gross_margin", "current_ratio", "quick_ratio", "cash_ratio",
                "ar_turn", "ca_turn", "fa_turn", "assets_turn", "op_income", "ebit", "ebitda", "fcff", "fcfe", "bps", "ocfps",
                "cfps", "netprofit_margin", "grossprofit_margin", "profit_to_gr", "roe", "roe_waa", "roe_dt", "roa", "roic",
                "debt_to_assets", "assets_to_eqt", "basic_eps_yoy", "netprofit_yoy", "dt_netprofit_yoy", "or_yoy", "q_roe",
                "q_dt_roe")) {
            fina.add(num(n));
        }
        fina.add(str("update_flag"));
        add(apis, new Api(FINA_INDICATOR, fina, "ts_code", "ann_date",
                List.of(codes("ts_code", "ts_code"), dateEq("ann_date", "ann_date"), from("start_date", "ann_date"),
                        to("end_date", "ann_date"), new Param("period", Kind.EQ, "end_date", Check.DATE, Set.of(), null))));

        add(apis, new Api(MONEYFLOW_HSGT, List.of(date("trade_date"), num("ggt_ss"), num("ggt_sz"), num("hgt"), num("sgt"),
                num("north_money"), num("south_money")),
                null, "trade_date",
                List.of(dateEq("trade_date", "trade_date"), from("start_date", "trade_date"), to("end_date", "trade_date"))));

        add(apis, new Api(STK_LIMIT, List.of(date("trade_date"), str("ts_code"), num("pre_close"), num("up_limit"),
                num("down_limit")), "ts_code", "trade_date", quoteParams));

        List<Param> suspend = new ArrayList<>(quoteParams);
        suspend.add(oneOf("suspend_type", "suspend_type", null, "S", "R"));
        add(apis, new Api(SUSPEND_D, List.of(str("ts_code"), date("trade_date"), str("suspend_timing"), str("suspend_type")),
                "ts_code", "trade_date", suspend));

        // Tushare applies start_date/end_date to ann_date; the bundled history has no ann_date, so
        // here they bound the name's start_date (in practice within days of its announcement).
        add(apis, new Api(NAMECHANGE, List.of(str("ts_code"), str("name"), date("start_date"), date("end_date"),
                date("ann_date"), str("change_reason")), "ts_code", "start_date",
                List.of(codes("ts_code", "ts_code"), from("start_date", "start_date"), to("end_date", "start_date"))));

        add(apis, new Api(INDEX_WEIGHT, List.of(str("index_code"), str("con_code"), date("trade_date"), num("weight")),
                "con_code", "trade_date",
                List.of(eq("index_code", "index_code"), dateEq("trade_date", "trade_date"), from("start_date", "trade_date"),
                        to("end_date", "trade_date"))));
        return Collections.unmodifiableMap(apis);
    }

    private static Map<String, Type> fieldTypes() {
        Map<String, Type> types = new LinkedHashMap<>();
        for (Api api : APIS.values()) {
            for (Field f : api.fields()) {
                Type old = types.putIfAbsent(f.name(), f.type());
                if (old != null && old != f.type()) {
                    throw new IllegalStateException("field " + f.name() + " has two types");
                }
            }
        }
        types.put("adj_factor_rel", Type.NUM);
        return Collections.unmodifiableMap(types);
    }

    private static void add(Map<String, Api> apis, Api api) {
        apis.put(api.name(), api);
    }

    private static Field str(String name) {
        return new Field(name, Type.STR, true);
    }

    private static Field date(String name) {
        return new Field(name, Type.DATE, true);
    }

    private static Field num(String name) {
        return new Field(name, Type.NUM, true);
    }

    private static Field field(String name, Type type) {
        return new Field(name, type, true);
    }

    private static Field extra(String name, Type type) {
        return new Field(name, type, false);
    }

    private static Param codes(String name, String field) {
        return new Param(name, Kind.CODES, field, Check.CODE_LIST, Set.of(), null);
    }

    private static Param dateEq(String name, String field) {
        return new Param(name, Kind.DATE_EQ, field, Check.DATE, Set.of(), null);
    }

    private static Param from(String name, String field) {
        return new Param(name, Kind.DATE_FROM, field, Check.DATE, Set.of(), null);
    }

    private static Param to(String name, String field) {
        return new Param(name, Kind.DATE_TO, field, Check.DATE, Set.of(), null);
    }

    private static Param eq(String name, String field) {
        return new Param(name, Kind.EQ, field, Check.ANY, Set.of(), null);
    }

    private static Param oneOf(String name, String field, String defaultValue, String... allowed) {
        return new Param(name, Kind.EQ, field, Check.ENUM, Set.copyOf(Arrays.asList(allowed)), defaultValue);
    }
}
