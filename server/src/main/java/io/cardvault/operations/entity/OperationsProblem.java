package io.cardvault.operations.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of the backup endpoint. Part of the API contract (docs/api.md). */
public enum OperationsProblem implements ProblemType {
    BACKUP_NOT_CONFIGURED(409, "backup-not-configured", "No backup directory configured"),
    BACKUP_NOT_SUPPORTED(409, "backup-not-supported", "Backup is done by the database"),
    BACKUP_RUNNING(409, "backup-running", "A backup is already running"),
    BACKUP_FAILED(507, "backup-failed", "The backup could not be written");

    private final ProblemDefinition definition;

    OperationsProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
