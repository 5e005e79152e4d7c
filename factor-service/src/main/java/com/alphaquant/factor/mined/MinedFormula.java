package com.alphaquant.factor.mined;

import java.time.Instant;
import java.util.UUID;

/**
 * A formula a mining job found, as stored: what it is, how it was found and how well it did.
 * The JSON fields are kept as text: they are written once and served as they are.
 *
 * @param name                  {@code ALPHA_<8 hex>} ({@link MinedNames}), the name it is asked for by
 * @param formula               the function form, which {@code FunctionForm.parse} reads back
 * @param rpn                   the same formula as RPN tokens
 * @param weight                its weight in the job's pool (on standardised values)
 * @param metricsJson           per split (train, valid, test): ic, rankIc, icir, rankIcir, turnover, coverage, days
 * @param maxBuiltinCorrelation the largest |daily correlation| with a built-in factor on the training days; null if undefined
 * @param dataRangeJson         the dates, splits, label horizon and stocks it was mined on
 * @param versionsJson          the factor engine's and the alpha evaluator's versions
 */
public record MinedFormula(String name, String formula, String rpn, String method, long seed, double weight, String metricsJson,
                           Double maxBuiltinCorrelation, String closestBuiltin, String dataRangeJson, String versionsJson,
                           UUID jobId, Instant createdAt) {
}
