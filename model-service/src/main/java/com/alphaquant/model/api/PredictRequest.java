package com.alphaquant.model.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A prediction request: the stocks (all with enough history that day when empty) and the day,
 * whose bars are the last the model reads.
 */
record PredictRequest(List<String> tsCodes, LocalDate date) {
}
