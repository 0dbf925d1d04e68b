/** Storage behind the portal's pages (the state database's proposal tables). */
package dev.odoobridge.portal.pages.internal;
