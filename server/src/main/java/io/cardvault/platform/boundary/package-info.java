/**
 * The HTTP edge shared by all features: the JAX-RS application, the one exception mapper, the
 * security-header filter, start-up and health. Problem details written here never contain input.
 */
package io.cardvault.platform.boundary;
