package org.sessionrnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParserMessagesTest {
    @Test
    void parserAdviceToItsProgrammerIsDropped() {
        assertEquals("Non-standard token 'NaN'", ParserMessages.plain("Non-standard token 'NaN': enable "
                + "`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", "x"));
        assertEquals("Document nesting depth (1001) exceeds the maximum allowed (1000)", ParserMessages.plain(
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from "
                        + "`StreamReadConstraints.getMaxNestingDepth()`)", "x"));
        assertEquals("expected close marker for Object (start marker at [line: 1, column: 1])",
                ParserMessages.plain("expected close marker for Object (start marker at [Source: REDACTED "
                        + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])\n at x",
                        "x"));
        assertEquals("Cannot deserialize value of type 'RunRecord' from Array value", ParserMessages.plain(
                "Cannot deserialize value of type `org.sessionrnn.results.RunRecord` from Array value (token "
                        + "`JsonToken.START_ARRAY`)", "x"));
        assertEquals("unreadable", ParserMessages.plain(null, "unreadable"));
    }
}
