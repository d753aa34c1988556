/**
 * The sandbox PSP's HTTP face under {@code /sandbox/psp/*}, answering 404 to everything unless the
 * sandbox is switched on. Responses carry brand and last four digits only, never the number or CVC.
 */
package io.cardvault.sandbox.boundary;
