package com.alphaquant.market.rules;

/** The fees of one fill in CNY, each rounded half-up to 0.01. */
public record Fees(double commission, double stampDuty, double transferFee) {

    public double total() {
        return commission + stampDuty + transferFee;
    }
}
