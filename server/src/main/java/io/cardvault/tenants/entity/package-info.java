/**
 * Tenants, key kinds and callers. No type here holds a full key except IssuedKeys, whose toString
 * shows prefixes only.
 */
package io.cardvault.tenants.entity;
