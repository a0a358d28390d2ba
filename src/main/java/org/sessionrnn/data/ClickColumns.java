package org.sessionrnn.data;

/**
 * Where the click fields sit in a delimited row and how to read its time.
 *
 * @param delimiter  field separator
 * @param fieldCount fields every row must have, or 0 to take the count of the first row
 * @param session    0-based index of the session id field
 * @param item       index of the item id field
 * @param time       index of the time field
 * @param order      index of a field added to the time to order clicks of equal time, or -1
 * @param timeParser reads the time field
 * @param layout     a human-readable description of the expected row, for error messages
 */
record ClickColumns(char delimiter, int fieldCount, int session, int item, int time, int order,
                    TimeParser timeParser, String layout) {

    /** The largest field index used. */
    int maxIndex() {
        return Math.max(Math.max(session, item), Math.max(time, order));
    }
}
