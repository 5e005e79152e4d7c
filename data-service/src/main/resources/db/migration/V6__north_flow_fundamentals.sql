-- Northbound and southbound Stock Connect flows (Tushare moneyflow_hsgt), market-wide, one row
-- per day with published values. Tushare's units, kept as they come: millions of CNY for the
-- northbound columns (hgt, sgt, north_money) and for the southbound ones (ggt_ss, ggt_sz,
-- south_money). A cell Tushare leaves empty stays null: not published, never zero.
create table north_flow (
    trade_date  date primary key,
    hgt         double precision,
    sgt         double precision,
    north_money double precision,
    ggt_ss      double precision,
    ggt_sz      double precision,
    south_money double precision
);

-- Financial indicators (Tushare fina_indicator), every version ever announced: a restatement is
-- a second row for the same report period (end_date) with a later ann_date, so a reader as of a
-- day takes, per period, the latest version announced on or before it (point in time).
create table fina_indicator (
    ts_code            varchar(9) not null,
    end_date           date not null,
    ann_date           date not null,
    eps                double precision,
    roe                double precision,
    bps                double precision,
    grossprofit_margin double precision,
    debt_to_assets     double precision,
    update_flag        varchar(1),
    primary key (ts_code, end_date, ann_date),
    check (ann_date > end_date)
);
create index fina_indicator_by_ann on fina_indicator (ts_code, ann_date);
