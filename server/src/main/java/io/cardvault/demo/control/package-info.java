/**
 * Demo start-up: ensures the demo tenant and prints the banner last; the demo merchant's order book
 * ({@code DemoOrderStore}, no card data). Keys go to the console and to the owner-only demo.env,
 * never to an ordinary log line.
 */
package io.cardvault.demo.control;
