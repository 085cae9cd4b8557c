package io.segmenta.core.campaign;

/**
 * One customer on a campaign list.
 *
 * @param id        the customer id as text
 * @param row       the customer's row in the source dataset when the list was built
 * @param segment   the segment label (the segment column's text; "all" when there is no segment column)
 * @param creative  the creative name; null for the holdout
 * @param group     treatment or holdout
 */
public record Assignment(String id, int row, String segment, String creative, Group group) { }
