package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.expr.Expr;

/**
 * The quick verdict on a formula, on the training days only (what a miner may look at):
 *
 * @param ic                    mean daily IC
 * @param icir                  mean / std of the daily IC
 * @param coverage              the share of stock-days with a value
 * @param maxBuiltinCorrelation the largest |mean daily correlation| with a built-in factor
 * @param closestBuiltin        that factor
 * @param maxPoolCorrelation    the largest |mean daily correlation| with a formula of the pool,
 *                              0 for an empty pool
 */
public record Screen(Expr formula, double ic, double icir, double coverage, double maxBuiltinCorrelation,
                     String closestBuiltin, double maxPoolCorrelation) {
}
