/**
 * The operator's key lifecycle API ({@code /api/v1/admin/keys}). Shows key ids, states and counts,
 * never key material.
 */
package io.cardvault.crypto.boundary;
