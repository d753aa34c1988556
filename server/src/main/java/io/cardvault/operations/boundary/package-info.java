/** The operator's backup endpoint. */
package io.cardvault.operations.boundary;
