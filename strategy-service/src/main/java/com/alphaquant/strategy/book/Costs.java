package com.alphaquant.strategy.book;

import com.alphaquant.backtest.engine.BookState;
import com.alphaquant.backtest.engine.DayResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A stepped day turned into the rows the book shows: positions with their cost (what was paid,
 * fees included, for the shares still held: a buy adds its value and fees, a sell takes away the
 * sold fraction), the pending orders, and the fills and rejections with the stop that caused a sell.
 */
final class Costs {

    private Costs() {
    }

    static List<LiveBookStore.Position> carry(List<LiveBookStore.Position> before, BookState next, DayResult day,
                                              ToDoubleFunction<TsCode> lastClose) {
        Map<String, Double> cost = new HashMap<>();
        before.forEach(p -> cost.put(p.tsCode(), p.cost()));
        Map<String, Double> held = new HashMap<>();
        next.positions().forEach(p -> held.put(p.code().toString(), p.shares()));
        for (Fill f : day.fills()) {
            String code = f.code().toString();
            double paid = cost.getOrDefault(code, 0.0);
            if (f.side() == Side.BUY) {
                cost.put(code, paid + f.value() + f.fees().total());
            } else {
                double after = held.getOrDefault(code, 0.0);
                cost.put(code, after <= 0 ? 0 : paid * after / (after + f.shares()));
            }
        }
        List<LiveBookStore.Position> positions = new ArrayList<>();
        for (BookState.Position p : next.positions()) {
            positions.add(new LiveBookStore.Position(p.code().toString(), p.shares(), p.lastBuy(), p.boughtOnLastBuy(),
                    cost.getOrDefault(p.code().toString(), 0.0), lastClose.applyAsDouble(p.code())));
        }
        return positions;
    }

    static Map<String, Double> orders(BookState next) {
        Map<String, Double> orders = new LinkedHashMap<>();
        next.orders().forEach(o -> orders.put(o.code().toString(), o.targetShares()));
        return orders;
    }

    static List<LiveBookStore.Trade> trades(DayResult day, Map<String, String> stops) {
        List<LiveBookStore.Trade> trades = new ArrayList<>();
        for (Fill f : day.fills()) {
            trades.add(new LiveBookStore.Trade(day.date(), f.date(), f.code().toString(), f.side().name(), "fill", f.shares(),
                    f.price(), f.value(), f.fees().total(), f.reason(), stop(f.side(), f.code(), stops)));
        }
        for (Rejection r : day.rejections()) {
            trades.add(new LiveBookStore.Trade(day.date(), r.date(), r.code().toString(), r.side().name(), "rejected", r.shares(),
                    null, null, null, r.reason().code(), stop(r.side(), r.code(), stops)));
        }
        return trades;
    }

    private static String stop(Side side, TsCode code, Map<String, String> stops) {
        return side == Side.SELL ? stops.get(code.toString()) : null;
    }
}
