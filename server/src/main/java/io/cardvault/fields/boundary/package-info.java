/** The filter that gives the hosted-field pages their Content-Security-Policy. */
package io.cardvault.fields.boundary;
