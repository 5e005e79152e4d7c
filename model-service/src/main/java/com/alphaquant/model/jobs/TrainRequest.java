package com.alphaquant.model.jobs;

import static com.alphaquant.support.web.RequestValues.within;

import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import java.time.LocalDate;
import java.util.List;

/**
 * What a training job is asked to do, as the caller sent it; {@link #withDefaults()} fills in what
 * was left out and turns a value out of range into a {@link BadRequestException} naming it. Splits: train before {@code validStart}, valid before
 * {@code testStart}, test after (the dataset leaves a label horizon between them); without the two
 * dates the samples split 70/15/15 by date.
 *
 * @param tsCodes the stocks to train on; empty: every stock the bar source has
 */
public record TrainRequest(String preset, Integer epochs, Integer batchSize, Double learningRate, String device, Integer seed,
                           Integer patience, Integer seqLen, Integer horizon, LocalDate startDate, LocalDate endDate,
                           LocalDate validStart, LocalDate testStart, List<String> tsCodes) {

    /** Every field set: what was sent, else its default; throws {@link BadRequestException} on a bad value. */
    public TrainRequest withDefaults() {
        String preset = this.preset == null ? "small" : this.preset;
        if (!preset.equals("small") && !preset.equals("brief")) {
            throw new BadRequestException("preset", "must be small or brief, got '" + preset + "'");
        }
        int epochs = within("epochs", this.epochs, 20, 1, 1000);
        int batchSize = within("batchSize", this.batchSize, 256, 1, 8192);
        int seed = this.seed == null ? 42 : this.seed;
        int patience = within("patience", this.patience, 3, 1, 1000);
        int seqLen = within("seqLen", this.seqLen, 60, 2, 250);
        int horizon = within("horizon", this.horizon, 20, 1, 120);
        double learningRate = this.learningRate == null ? 1e-3 : this.learningRate;
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new BadRequestException("learningRate", "must lie in (0, 1], got " + learningRate);
        }
        String device = this.device == null ? "auto" : this.device;
        if (!List.of("cpu", "gpu", "auto").contains(device)) {
            throw new BadRequestException("device", "must be cpu, gpu or auto, got '" + device + "'");
        }
        if (startDate != null && endDate != null && !startDate.isBefore(endDate)) {
            throw new BadRequestException("endDate", "must be after startDate " + startDate);
        }
        if ((validStart == null) != (testStart == null)) {
            throw new BadRequestException(validStart == null ? "validStart" : "testStart", "validStart and testStart go together");
        }
        if (validStart != null && !validStart.isBefore(testStart)) {
            throw new BadRequestException("testStart", "must be after validStart " + validStart);
        }
        if (validStart != null && startDate != null && !startDate.isBefore(validStart)) {
            throw new BadRequestException("validStart", "must be after startDate " + startDate);
        }
        if (testStart != null && endDate != null && !testStart.isBefore(endDate)) {
            throw new BadRequestException("testStart", "must be before endDate " + endDate);
        }
        List<String> tsCodes = this.tsCodes == null ? List.of() : this.tsCodes;
        for (int i = 0; i < tsCodes.size(); i++) {
            if (!TsCode.isValid(tsCodes.get(i))) {
                throw new BadRequestException("tsCodes[" + i + "]", "'" + tsCodes.get(i) + "' is not a ts_code such as 600000.SH");
            }
        }
        return new TrainRequest(preset, epochs, batchSize, learningRate, device, seed, patience, seqLen, horizon, startDate, endDate,
                validStart, testStart, List.copyOf(tsCodes));
    }
}
