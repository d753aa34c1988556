package io.cardvault.platform.entity;

/**
 * Fired (synchronously) just before a backup copies the database: whoever keeps rows outside it for
 * a while (the forward audit's journal) writes them into the database now, so the backup has them.
 */
public record BackupStarting() {}
