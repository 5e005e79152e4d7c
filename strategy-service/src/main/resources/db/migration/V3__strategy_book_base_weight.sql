-- Each holding's desired weight (libs/strategy Holding.baseWeight): the strategy's target after
-- signals, stops and max_position, before volatility targeting, the exposure cap and
-- max_single_trade. A HOLD carries it on, so the scaling is applied once a day, not compounded.
-- Null in books stored before V3: the stored weight stands in for it.
alter table strategy_book_holding add column base_weight double precision;
