/**
 * The demo merchant's servlets: checkout configuration and a backend that pays through the forward
 * endpoint. They hold token ids only, never card data.
 */
package io.cardvault.demo.boundary;
