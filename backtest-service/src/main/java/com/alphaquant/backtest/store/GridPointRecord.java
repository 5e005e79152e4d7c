package com.alphaquant.backtest.store;

/** One computed point of an optimisation grid; parameters and metrics as JSON text. */
public record GridPointRecord(int point, String parameters, String metrics, double finalEquity, int fills, int rejections) {}
