package net.kbox.maintenance.ui;

import java.util.List;

/**
 * The extension point of the status header on Maintenance and events: a feature that has something to
 * say at a glance (is mail set up, is the queue moving) contributes tiles as a Spring bean. The page
 * creates them for each visit and refreshes them with itself.
 */
public interface StatusTiles {

    /** New tiles for one visit of the page, in the order they stand. */
    List<StatusTile> create();
}
