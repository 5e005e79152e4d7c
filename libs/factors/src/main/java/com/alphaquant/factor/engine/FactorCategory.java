package com.alphaquant.factor.engine;

/** SPEC section 3 splits the factors into 6 basic and 18 advanced ones. */
public enum FactorCategory {
    BASIC,
    ADVANCED
}
