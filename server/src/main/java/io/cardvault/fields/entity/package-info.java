/** The problems of the browser side (e.g. a publishable key used from a foreign origin). */
package io.cardvault.fields.entity;
