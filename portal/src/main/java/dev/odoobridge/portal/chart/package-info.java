/** Server-rendered SVG charts for the portal's pages (no script, no external asset). */
package dev.odoobridge.portal.chart;
