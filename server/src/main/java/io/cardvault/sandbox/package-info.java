/**
 * The built-in sandbox PSP: a fake acquirer that the forwarding proxy can target in demo mode, so a
 * new user can see a payment approved or declined without a real payment provider. It keeps only
 * the brand and last four digits of a card, in memory, and never logs or stores more than the last
 * four digits (no full number, no CVC, no holder name, no expiry).
 */
package io.cardvault.sandbox;
