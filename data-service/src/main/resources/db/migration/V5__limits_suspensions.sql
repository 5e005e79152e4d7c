-- The exchange's daily trading constraints per stock, as Tushare publishes them: the limit
-- prices of a day (stk_limit) and the days a stock was suspended or resumed (suspend_d).
create table stk_limit (
    ts_code    varchar(9) not null,
    trade_date date not null,
    pre_close  double precision,
    up_limit   double precision not null,
    down_limit double precision not null,
    primary key (ts_code, trade_date),
    check (down_limit > 0 and up_limit >= down_limit)
);
create index stk_limit_by_date on stk_limit (trade_date);

create table suspension (
    ts_code        varchar(9) not null,
    trade_date     date not null,
    suspend_type   char(1) not null check (suspend_type in ('S', 'R')),
    suspend_timing text,
    primary key (ts_code, trade_date, suspend_type)
);
create index suspension_by_date on suspension (trade_date);
