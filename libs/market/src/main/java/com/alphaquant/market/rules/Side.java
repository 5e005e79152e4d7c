package com.alphaquant.market.rules;

public enum Side {
    BUY, SELL
}
