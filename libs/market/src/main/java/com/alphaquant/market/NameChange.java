package com.alphaquant.market;

import java.time.LocalDate;

/**
 * One row of Tushare {@code namechange}: the name a stock bore from {@code startDate} to
 * {@code endDate} inclusive ({@code endDate} null while the name is still in force). Valid by
 * construction: a code, a non-blank name, a start, and an end not before the start.
 */
public record NameChange(TsCode tsCode, String name, LocalDate startDate, LocalDate endDate) {

    public NameChange {
        if (tsCode == null) {
            throw new IllegalArgumentException("A name change needs a ts_code");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Name change of " + tsCode + " from " + startDate + " has no name");
        }
        if (startDate == null) {
            throw new IllegalArgumentException("Name change of " + tsCode + " to '" + name + "' has no start_date");
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("Name change of " + tsCode + " to '" + name + "' ends on " + endDate
                    + ", before it starts on " + startDate);
        }
        name = name.strip();
    }

    /** Whether the name carries the ST mark (see {@link StHistory#isStName(String)}). */
    public boolean isSt() {
        return StHistory.isStName(name);
    }
}
