/**
 * The runnable bundle's entry point: checks the cluster options and hands over to Payara Micro.
 * Runs before any server or logging exists; it never sees configuration values other than the
 * command-line options.
 */
package io.cardvault.launcher;
