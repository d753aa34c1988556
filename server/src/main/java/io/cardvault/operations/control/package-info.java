/** Writing and checking backup files. */
package io.cardvault.operations.control;
