/** The operator API for tenants and keys. Keys appear in full only in creation responses. */
package io.cardvault.tenants.boundary;
