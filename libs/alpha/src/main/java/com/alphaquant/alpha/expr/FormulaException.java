package com.alphaquant.alpha.expr;

/** A formula that cannot be built or parsed; the message names the offending node or token. */
public final class FormulaException extends IllegalArgumentException {

    public FormulaException(String message) {
        super(message);
    }
}
