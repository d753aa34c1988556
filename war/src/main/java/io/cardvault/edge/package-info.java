/**
 * Runs inside Payara Micro's own class loader (the bundle's {@code MICRO-INF/lib}), in front of the
 * web container: repairs what the container would otherwise answer with an empty response before
 * the application sees the request, and marks it so that the application answers with a problem;
 * stamps each request's arrival for the application's latency timers. Never answers a request
 * itself and never reads a request body.
 */
package io.cardvault.edge;
