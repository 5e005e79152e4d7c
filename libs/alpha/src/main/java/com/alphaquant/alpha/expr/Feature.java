package com.alphaquant.alpha.expr;

import java.util.EnumMap;
import java.util.Map;

/** A bar field: {@code close}, {@code volume}, … */
public final class Feature extends Expr {

    private static final Map<Field, Feature> ALL = new EnumMap<>(Field.class);

    static {
        for (Field f : Field.values()) {
            ALL.put(f, new Feature(f));
        }
    }

    private final Field field;

    private Feature(Field field) {
        super(field.dim(), field.signedness(), Variation.STOCK, 1, field.symbol(), field.symbol());
        this.field = field;
    }

    public static Feature of(Field field) {
        return ALL.get(field);
    }

    public Field field() {
        return field;
    }
}
