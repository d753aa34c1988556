/**
 * The runnable bundle's entry point: checks the cluster options and hands over to Payara Micro,
 * then installs the edge filter ({@code io.cardvault.edge}). Runs before any server or logging
 * exists; it never sees configuration values other than the command-line options and the TLS files.
 */
package io.cardvault.launcher;
