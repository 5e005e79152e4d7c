package com.alphaquant.market.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Trading fees of SPEC section 2 with their history. Stamp duty and transfer fee follow the
 * dated schedule unless a rate is given explicitly (a what-if backtest); the commission is the
 * broker's, so it is a parameter with a minimum per order.
 *
 * @param commissionRate    fraction of value, both sides (default 0.0003)
 * @param minCommission     CNY per order (default 5)
 * @param stampDutyRate     fixed sell-side rate, or NaN to follow the dated schedule
 * @param transferFeeRate   fixed rate both sides, or NaN to follow the dated schedule
 */
public record CostModel(double commissionRate, double minCommission, double stampDutyRate, double transferFeeRate) {

    public static final CostModel DEFAULT = new CostModel(0.0003, 5.0, Double.NaN, Double.NaN);

    record RateRow(LocalDate from, double rate) {}

    /** Stamp duty on sells only: 0.1% since 2008-09-19, 0.05% since 2023-08-28. */
    static final List<RateRow> STAMP_DUTY = List.of(
            new RateRow(LocalDate.of(2008, 9, 19), 0.001),
            new RateRow(LocalDate.of(2023, 8, 28), 0.0005));

    /** Transfer fee both sides: 0.002% on both exchanges since 2015-08-01, 0.001% since 2022-04-29. */
    static final List<RateRow> TRANSFER_FEE = List.of(
            new RateRow(LocalDate.of(2015, 8, 1), 0.00002),
            new RateRow(LocalDate.of(2022, 4, 29), 0.00001));

    public CostModel {
        requireRate("commission", commissionRate);
        if (!(minCommission >= 0)) {
            throw new IllegalArgumentException("min_commission must be >= 0, got " + minCommission);
        }
        if (!Double.isNaN(stampDutyRate)) {
            requireRate("stamp_duty", stampDutyRate);
        }
        if (!Double.isNaN(transferFeeRate)) {
            requireRate("transfer_fee", transferFeeRate);
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate < 0.1)) {
            throw new IllegalArgumentException(name + " rate must be in [0, 0.1), got " + rate);
        }
    }

    public CostModel withCommission(double rate, double minimum) {
        return new CostModel(rate, minimum, stampDutyRate, transferFeeRate);
    }

    /** The fees of a fill of {@code value} CNY on {@code date}. */
    public Fees fees(Side side, double value, LocalDate date) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("Trade value must be >= 0, got " + value);
        }
        if (value == 0) {
            return new Fees(0, 0, 0);
        }
        double commission = Prices.roundHalfUpToCent(Math.max(value * commissionRate, minCommission));
        double stamp = side == Side.SELL ? Prices.roundHalfUpToCent(value * stampDutyRate(date)) : 0;
        double transfer = Prices.roundHalfUpToCent(value * transferFeeRate(date));
        return new Fees(commission, stamp, transfer);
    }

    public double stampDutyRate(LocalDate date) {
        return Double.isNaN(stampDutyRate) ? inForce("stamp duty", STAMP_DUTY, date) : stampDutyRate;
    }

    public double transferFeeRate(LocalDate date) {
        return Double.isNaN(transferFeeRate) ? inForce("transfer fee", TRANSFER_FEE, date) : transferFeeRate;
    }

    private static double inForce(String item, List<RateRow> schedule, LocalDate date) {
        if (date.isBefore(schedule.get(0).from())) {
            throw new IllegalArgumentException("No " + item + " schedule before " + schedule.get(0).from()
                    + " (asked for " + date + "): give the rate explicitly");
        }
        double rate = 0;
        for (RateRow row : schedule) { // rows are in date order
            if (!date.isBefore(row.from())) {
                rate = row.rate();
            }
        }
        return rate;
    }
}
