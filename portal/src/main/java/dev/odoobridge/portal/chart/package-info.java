/**
 * Server-rendered SVG charts for the portal's pages: readable without JavaScript, no inline styles (colours come from
 * {@code currentColor} and CSS classes, so the page's stylesheet themes them, dark mode included), text escaped, output
 * deterministic ({@link dev.odoobridge.portal.chart.TrendChart}).
 */
package dev.odoobridge.portal.chart;
