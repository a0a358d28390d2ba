package org.sessionrnn.spec;

/**
 * RSC15 preprocessing and split settings (GRU4Rec's defaults).
 *
 * @param minSessionLength sessions shorter than this are dropped (2)
 * @param minItemSupport   items with fewer clicks are dropped (5)
 * @param testDays         sessions ending within this many days of the latest click form the test set (1)
 */
public record PreprocessSpec(int minSessionLength, int minItemSupport, double testDays) {
    public static final PreprocessSpec RSC15 = new PreprocessSpec(2, 5, 1.0);
}
