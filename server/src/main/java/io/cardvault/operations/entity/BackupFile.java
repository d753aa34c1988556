package io.cardvault.operations.entity;

import java.time.Duration;
import java.time.Instant;

/** One finished backup: its file name in the backup directory, size, and how long it took. */
public record BackupFile(String file, long size, Duration duration, Instant createdAt) {}
