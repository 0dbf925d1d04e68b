/** Faults the sync survives: servers stopped and restarted mid-sync, processes killed. */
package dev.odoobridge.sync.faults;
