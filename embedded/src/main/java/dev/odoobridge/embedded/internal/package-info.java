/**
 * What the embedded servers share: the endpoint file through which the process that runs a server on a data
 * directory tells other processes on the same directory where to connect, instead of failing on its lock.
 */
package dev.odoobridge.embedded.internal;
