/** The request as received and the response as relayed. toString never shows bodies. */
package io.cardvault.forwarding.entity;
