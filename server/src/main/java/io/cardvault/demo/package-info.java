/**
 * Demo mode: the demo tenant, its keys file, the banner, the demo checkout configuration and the
 * tiny demo merchant backend. Nothing else depends on this feature; it is for trying cardvault
 * only.
 */
package io.cardvault.demo;
