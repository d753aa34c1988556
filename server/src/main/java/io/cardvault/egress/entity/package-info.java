/**
 * Value types of the egress policy: normalised URLs, host names, destination patterns, checked
 * destinations. Immutable; they validate themselves in their constructors or parsers.
 */
package io.cardvault.egress.entity;
