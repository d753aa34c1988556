/** Backup results and problems. */
package io.cardvault.operations.entity;
