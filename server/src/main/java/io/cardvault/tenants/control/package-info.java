/**
 * Tenant storage, key issuance and authentication, settings validation, demo tenant. Keys are
 * hashed before storage and never logged.
 */
package io.cardvault.tenants.control;
