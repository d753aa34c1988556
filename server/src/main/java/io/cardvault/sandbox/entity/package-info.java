/**
 * Sandbox payment values: the parsed request (whose {@code toString()} masks the card) and the
 * result, which carries only brand and last four digits. Nothing here logs anything.
 */
package io.cardvault.sandbox.entity;
