-- Reference data: every stock's names with their dates (Tushare namechange), replaced whole on
-- each refresh. The ST status of a day derives from the name in force then (SPEC section 1).
create table name_change (
    ts_code       varchar(9) not null,
    name          text not null,
    start_date    date not null,
    end_date      date,
    ann_date      date,
    change_reason text,
    primary key (ts_code, start_date),
    check (end_date is null or end_date >= start_date)
);
