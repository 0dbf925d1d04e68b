/** Implementation of the client. Not API: may change in any release. */
package dev.odoobridge.client.internal;
