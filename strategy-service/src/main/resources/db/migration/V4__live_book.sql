-- The live paper book of each strategy (and version): a portfolio that follows the strategy's own
-- decisions under libs/backtest's execution rules (DayStepper), one row per trading day stepped.
-- A day's rows are written in one transaction with its live_book_day row, whose key makes a day
-- applied once: a redelivered event or a restart finds it and steps only the days after it.
create table live_book (
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    start_date       date not null,
    initial_capital  double precision not null,
    primary key (strategy, strategy_version)
);

create table live_book_day (
    strategy           varchar(64) not null,
    strategy_version   varchar(32) not null,
    trade_date         date not null,
    cash_cents         bigint not null,
    market_value_cents bigint not null,
    benchmark_close    double precision,          -- null: no benchmark bar on or before the day
    decided            boolean not null,          -- whether the day's targets were stored (else no orders)
    primary key (strategy, strategy_version, trade_date)
);

-- The holdings after the day's close, in the stepper's holding order (ordinal): the state the next
-- day resumes from (shares, last buy for T+1) and what is shown (cost, last close).
create table live_book_position (
    strategy           varchar(64) not null,
    strategy_version   varchar(32) not null,
    trade_date         date not null,
    ordinal            int not null,
    ts_code            varchar(16) not null,
    shares             double precision not null,
    last_buy           date,
    bought_on_last_buy double precision not null,
    cost               double precision not null,  -- CNY paid (fees included) for the shares still held
    last_close         double precision not null,  -- raw, the last bar on or before the day
    primary key (strategy, strategy_version, trade_date, ts_code)
);

-- The orders to fill on the next trading day (target shares).
create table live_book_order (
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    trade_date       date not null,
    ts_code          varchar(16) not null,
    target_shares    double precision not null,
    primary key (strategy, strategy_version, trade_date, ts_code)
);

-- Fills and rejected orders of the day stepped (trade_date; a rejection of a stock not yet listed
-- is dated the fill day, event_date). stop: the order carried out a stop loss or trailing stop.
create table live_book_trade (
    id               bigserial primary key,
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    trade_date       date not null,
    event_date       date not null,
    ts_code          varchar(16) not null,
    side             varchar(4) not null,
    kind             varchar(8) not null,        -- fill | rejected
    shares           double precision not null,
    price            double precision,
    amount           double precision,
    fees             double precision,
    reason           varchar(16) not null,       -- fill: entry/add/reduce/exit; rejected: limit_up, t_plus_1, ...
    stop             varchar(16)                 -- STOP_LOSS or TRAILING_STOP when a stop asked for the sell
);
create index live_book_trade_day on live_book_trade (strategy, strategy_version, trade_date);
