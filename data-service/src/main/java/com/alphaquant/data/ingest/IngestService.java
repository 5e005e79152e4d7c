package com.alphaquant.data.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Submits ingestion jobs and reports their progress. */
@Service
public class IngestService {

    /** A job's state for the API: counts, achieved call rate and an ETA. */
    public record Progress(UUID id, String status, String datasets, String tsCodes, String startDate, String endDate,
                           int unitsTotal, int unitsDone, double percent, long calls, double callsPerMinute,
                           long rowsStored, long rowsRejected, Map<String, Long> rejectedByReason, Long etaSeconds,
                           String message, Instant createdAt, Instant startedAt, Instant finishedAt) {}

    private final IngestJobRepository repository;
    private final JobStore jobs;

    public IngestService(IngestJobRepository repository, JobStore jobs) {
        this.repository = repository;
        this.jobs = jobs;
    }

    public UUID submit(IngestRequest request) {
        IngestJob job = new IngestJob(UUID.randomUUID(), request.datasetsText(), request.codesText(),
                request.startDate(), request.endDate());
        return repository.save(job).getId();
    }

    public Optional<Progress> progress(UUID id) {
        return repository.findById(id).map(job -> progress(job, jobs.rejections(id)));
    }

    /** The latest {@code limit} jobs, newest first, each as {@link #progress(UUID)} shows it. */
    public List<Progress> latest(int limit) {
        List<IngestJob> latest = repository.findAll(PageRequest.of(0, limit,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))).getContent();
        Map<UUID, Map<String, Long>> rejections = jobs.rejections(latest.stream().map(IngestJob::getId).toList());
        return latest.stream().map(job -> progress(job, rejections.getOrDefault(job.getId(), Map.of()))).toList();
    }

    private static Progress progress(IngestJob job, Map<String, Long> rejectedByReason) {
        Instant end = job.getFinishedAt() != null ? job.getFinishedAt() : Instant.now();
        double minutes = job.getStartedAt() == null ? 0 : Duration.between(job.getStartedAt(), end).toMillis() / 60_000.0;
        double rate = minutes > 0 ? job.getCalls() / minutes : 0;
        Long eta = null;
        if (job.getStatus() == IngestJob.Status.RUNNING && job.getUnitsDone() > 0 && minutes > 0) {
            double perUnit = minutes * 60 / job.getUnitsDone();
            eta = Math.round(perUnit * (job.getUnitsTotal() - job.getUnitsDone()));
        }
        double percent = job.getUnitsTotal() == 0 ? (job.getStatus() == IngestJob.Status.SUCCEEDED ? 100 : 0)
                : 100.0 * job.getUnitsDone() / job.getUnitsTotal();
        return new Progress(job.getId(), job.getStatus().name(), job.getDatasets(), job.getTsCodes(),
                job.getStartDate().toString(), job.getEndDate().toString(), job.getUnitsTotal(), job.getUnitsDone(),
                percent, job.getCalls(), rate, job.getRowsStored(), job.getRowsRejected(), rejectedByReason, eta,
                job.getMessage(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt());
    }

    public boolean resume(UUID id) {
        return jobs.queue().requeue(id);
    }
}
