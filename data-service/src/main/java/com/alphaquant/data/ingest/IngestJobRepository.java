package com.alphaquant.data.ingest;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IngestJobRepository extends JpaRepository<IngestJob, UUID> {
}
