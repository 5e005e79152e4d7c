package com.alphaquant.backtest.engine;

import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio between two trading days, as {@link DayStepper} leaves it after a day: what a run
 * needs to go on from there on another panel (a live book saves it, reads it back the next day).
 * Keyed by ts_code, since stock numbers belong to one panel.
 *
 * @param cashCents the cash, exact cents
 * @param positions the holdings, in the stepper's holding order (which sets the order of the
 *                  mark's sum, so a resumed run adds up its market value exactly as an unbroken one)
 * @param orders    the orders to fill on the next trading day: those decided at this close, or
 *                  those carried over
 */
public record BookState(long cashCents, List<Position> positions, List<Order> orders) {

    /** Shares held; {@code lastBuy} the last day shares were bought (null: never) and how many then, for T+1. */
    public record Position(TsCode code, double shares, LocalDate lastBuy, double boughtOnLastBuy) {}

    /** An order: the position to reach, in shares. */
    public record Order(TsCode code, double targetShares) {}

    public BookState {
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
    }

    /** All cash, nothing held or ordered. */
    public static BookState cash(double initialCapital) {
        return new BookState(Math.round(initialCapital * 100), List.of(), List.of());
    }
}
