package com.alphaquant.strategy.risk;

/**
 * Risk limits of SPEC section 4, each a fraction (of equity, of price, or annual volatility).
 *
 * @param maxPosition    weight cap per holding
 * @param maxSingleTrade one day's change of a holding's weight
 * @param maxExposure    gross weight cap
 * @param stopLoss       exit when the close is at or below entry × (1 − stopLoss)
 * @param trailingStop   exit when the close is at or below the highest close since entry × (1 − trailingStop)
 * @param targetVol      annual volatility the gross exposure is scaled to (never above 1×)
 * @param volWindow      trading days of the realised portfolio volatility (annualised with 252 days)
 */
public record RiskParams(double maxPosition, double maxSingleTrade, double maxExposure, double stopLoss,
                         double trailingStop, double targetVol, int volWindow) {

    /** Equal to the {@code multi_factor} preset (presets/multi_factor.yml; a test keeps them equal). */
    public static final RiskParams DEFAULT = new RiskParams(0.10, 0.03, 0.95, 0.05, 0.08, 0.20, 20);

    public RiskParams {
        requireFraction("max_position", maxPosition);
        requireFraction("max_single_trade", maxSingleTrade);
        requireFraction("max_exposure", maxExposure);
        requireFraction("stop_loss", stopLoss);
        requireFraction("trailing_stop", trailingStop);
        if (!(targetVol > 0)) {
            throw new IllegalArgumentException("target_vol must be > 0, got " + targetVol);
        }
        if (volWindow < 2) {
            throw new IllegalArgumentException("vol_window must be at least 2 days, got " + volWindow);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }
}
