package com.alphaquant.backtest.strategy;

/** The portfolio at the close of the view's day, read-only. Money in CNY. */
public interface PortfolioView {

    double cash();

    /** Cash plus holdings at the day's closes (a suspended stock at its last close). */
    double equity();

    /** Shares held of {@code stock}; fractional after a corporate action (SPEC section 2b). */
    double shares(int stock);

    /** The number of stocks held. */
    int holdingCount();

    /** The stock number of the {@code k}-th holding, {@code 0 <= k < holdingCount()}. */
    int holding(int k);
}
