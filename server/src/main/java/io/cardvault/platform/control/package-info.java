/**
 * Plumbing: database pool and migrations, JDBC access, demo mode, body reading and problem
 * rendering. Never logs SQL values, request bodies or keys.
 */
package io.cardvault.platform.control;
