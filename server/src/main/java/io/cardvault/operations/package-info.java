/**
 * Operating the vault: an online, consistent backup of the embedded database into the directory
 * {@code cardvault.backup.dir} ({@code POST /api/v1/admin/backup}). Never touches key material: the
 * master key is backed up separately, never next to the database (docs/operations.md).
 */
package io.cardvault.operations;
