/** Value types of the error contract: problem types and field errors. */
package io.cardvault.platform.entity;
