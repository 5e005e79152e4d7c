-- The book each decision leaves (libs/strategy Book): what the next day's decision starts from.
-- One row per (strategy, version, day) with the book's return that day (NaN when unknown) ...
create table strategy_book_day (
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    as_of            date not null,
    day_return       double precision not null,
    primary key (strategy, strategy_version, as_of)
);

-- ... and its holdings: every stock with a target weight above 0, with the stops' price state
-- (NaN where no price is known).
create table strategy_book_holding (
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    as_of            date not null,
    ts_code          varchar(16) not null,
    weight           double precision not null,
    entry_price      double precision not null,
    highest_close    double precision not null,
    last_close       double precision not null,
    primary key (strategy, strategy_version, as_of, ts_code)
);
