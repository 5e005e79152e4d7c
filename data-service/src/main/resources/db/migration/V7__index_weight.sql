-- Index constituents and their weights (percent) on each publication date (Tushare
-- index_weight): the members of an index on a day are those of its latest date on or before it.
create table index_weight (
    index_code varchar(9) not null,
    trade_date date not null,
    con_code   varchar(9) not null,
    weight     double precision not null check (weight >= 0 and weight <= 100),
    primary key (index_code, trade_date, con_code)
);
