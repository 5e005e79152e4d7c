package com.alphaquant.backtest.engine;

import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Fees;
import com.alphaquant.market.rules.Side;
import java.time.LocalDate;

/**
 * One executed order. {@code price} includes slippage (rounded half-up to 0.0001 CNY);
 * {@code value} = shares × price rounded half-up to the cent; {@code slippageCost} = shares ×
 * |price − reference price| to the cent. Cash moves by −(value + fees) on a buy and value − fees
 * on a sell. {@code reason}: {@code entry} (from no position), {@code add}, {@code reduce} or
 * {@code exit} (the whole position, odd lot and fraction included).
 */
public record Fill(LocalDate date, TsCode code, Side side, double shares, double price, double value,
                   Fees fees, double slippageCost, String reason) {

    /** The signed change in cash. */
    public double cashFlow() {
        return side == Side.BUY ? -(value + fees.total()) : value - fees.total();
    }
}
