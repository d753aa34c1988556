/**
 * The placeholder language: parser, template, filters and one escaper per body format. Pure: no CDI
 * beyond the engine facade, no I/O, no logging, so every rule is unit-testable.
 *
 * <p>Never puts card data into exception messages.
 */
package io.cardvault.forwarding.placeholder;
