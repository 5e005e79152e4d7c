package com.alphaquant.alpha.expr;

/** What {@link TypeRules} says of an operator applied to operands: their result's type, or why not. */
record Typing(Dim dim, Signedness signedness, Variation variation, String refusal) {

    static Typing of(Dim dim, Signedness signedness, Variation variation) {
        return new Typing(dim, signedness, variation, null);
    }

    static Typing refused(String why) {
        return new Typing(null, null, null, why);
    }

    boolean ok() {
        return refusal == null;
    }
}
