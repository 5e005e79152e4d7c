package com.alphaquant.data.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An ingestion job as stored: what was asked, where it stands. Progress counters are bumped
 * atomically in SQL by {@link JobStore} as units commit; this entity is for creating and reading.
 */
@Entity
@Table(name = "ingest_job")
public class IngestJob {

    public enum Status { QUEUED, RUNNING, PAUSED, SUCCEEDED, FAILED }

    /** Who asked: a client of the API, or the daily cycle (which skips days waiting for a retry). */
    public enum Origin { API, CYCLE }

    @Id
    private UUID id;
    private String status;
    private String datasets;
    @Column(name = "ts_codes")
    private String tsCodes;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "units_total")
    private int unitsTotal;
    @Column(name = "units_done")
    private int unitsDone;
    private long calls;
    @Column(name = "rows_stored")
    private long rowsStored;
    @Column(name = "rows_rejected")
    private long rowsRejected;
    private String message;
    private String origin;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected IngestJob() {
    }

    public IngestJob(UUID id, String datasets, String tsCodes, LocalDate startDate, LocalDate endDate) {
        this.id = id;
        this.status = Status.QUEUED.name();
        this.datasets = datasets;
        this.tsCodes = tsCodes;
        this.startDate = startDate;
        this.endDate = endDate;
        this.origin = Origin.API.name().toLowerCase(java.util.Locale.ROOT);
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public Status getStatus() {
        return Status.valueOf(status);
    }

    public String getDatasets() {
        return datasets;
    }

    public String getTsCodes() {
        return tsCodes;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public int getUnitsTotal() {
        return unitsTotal;
    }

    public int getUnitsDone() {
        return unitsDone;
    }

    public long getCalls() {
        return calls;
    }

    public long getRowsStored() {
        return rowsStored;
    }

    public long getRowsRejected() {
        return rowsRejected;
    }

    public Origin getOrigin() {
        return Origin.valueOf(origin.toUpperCase(java.util.Locale.ROOT));
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
