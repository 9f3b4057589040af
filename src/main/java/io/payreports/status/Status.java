package io.payreports.status;

import java.time.Instant;
import java.util.List;

/** The status of every job known to the configuration or the state database, as of {@code at}. */
public record Status(Instant at, List<JobStatus> jobs) {}
