/**
 * Sandbox logic without HTTP: parsing JSON and form bodies into requests, the acquirer's test-card
 * rules, and the bounded in-memory ledger. Logs one FINE line per payment with id, status and last
 * four digits only; never logs or stores the full number or the CVC.
 */
package io.cardvault.sandbox.control;
