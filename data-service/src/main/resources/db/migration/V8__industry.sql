-- Reference data: the industry classification (Tushare index_classify, level L1; Shenwan SW2021 in
-- production) and each industry's members with the dates they joined and left (index_member),
-- replaced whole on each refresh. A stock belongs on in_date <= d < out_date (out_date null: still).
create table industry (
    index_code    varchar(20) primary key,
    industry_code varchar(20),
    name          text not null,
    level         varchar(4) not null,
    src           varchar(16)
);

create table industry_member (
    index_code varchar(20) not null,
    ts_code    varchar(9) not null,
    in_date    date not null,
    out_date   date,
    primary key (index_code, ts_code, in_date),
    check (out_date is null or out_date > in_date)
);

create index industry_member_ts_code on industry_member (ts_code);
