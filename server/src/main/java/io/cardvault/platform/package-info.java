/**
 * Cross-cutting plumbing: the database and its migrations, demo mode, configuration, request ids,
 * security headers and the one exception mapper that turns every failure into RFC 9457 problem
 * details. Problem details and logs written here never contain card data or keys.
 */
package io.cardvault.platform;
