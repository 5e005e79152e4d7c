/**
 * Factor evaluation maths, free of Spring and of the service: correlation (Pearson, Spearman with
 * average ranks), daily information coefficients and quantile returns. NaN means "no value" in
 * every input and output; statistics use only the observations present on both sides.
 */
package com.alphaquant.factor.evaluation;
