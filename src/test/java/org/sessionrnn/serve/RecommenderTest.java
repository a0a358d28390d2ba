package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.export.TinyModels;
import org.sessionrnn.export.TopLists;

/** Truncation, unknown ids and the popularity fallback of {@link Recommender}, on a tiny exported M1. */
@Tag("floats")
class RecommenderTest {
    @Test
    void longSessionsUseTheirLastClicksAndUnknownIdsAreSkipped() throws Exception {
        try (ExportedModel model = ExportedModel.load(TinyModels.get().exported(TinyModels.M1, 20))) {
            Recommender r = new Recommender(model);
            int steps = model.manifest().steps();
            long[] all = new long[steps + 11];
            for (int j = 0; j < all.length; j++) {
                all[j] = model.itemId((j * 7) % model.manifest().items());
            }
            long[] last = Arrays.copyOfRange(all, all.length - steps, all.length);
            long[] withUnknown = new long[steps + 2];
            System.arraycopy(last, 0, withUnknown, 0, 10);
            withUnknown[10] = -1L;
            withUnknown[11] = 424242424L;
            System.arraycopy(last, 10, withUnknown, 12, steps - 10);
            long[] shorter = Arrays.copyOfRange(all, all.length - steps + 1, all.length);
            List<Recommendation> recs = r.recommend(List.of(SessionInput.of(all), SessionInput.of(last),
                    SessionInput.of(withUnknown), SessionInput.of(shorter)), 20);
            // the same clicks in other rows of the batch: equal up to the rows' summation order
            TopLists.assertClose(recs.get(1).items(), recs.get(1).scores(), recs.get(0).items(),
                    recs.get(0).scores(), "a session cut to its last clicks");
            TopLists.assertClose(recs.get(1).items(), recs.get(1).scores(), recs.get(2).items(),
                    recs.get(2).scores(), "a session with unknown ids");
            assertEquals(List.of("-1", "424242424"), recs.get(2).skipped());
            assertFalse(IntStream.range(0, 20).allMatch(j -> TopLists.close(recs.get(1).scores()[j],
                    recs.get(3).scores()[j])), "the 19th-last click must count");
            assertThrows(IllegalArgumentException.class, () -> r.recommend(List.of(SessionInput.of(all)), 21));
        }
    }

    @Test
    void sessionsWithoutKnownItemsGetTheMostClickedItems() throws Exception {
        TinyModels tiny = TinyModels.get();
        try (ExportedModel model = ExportedModel.load(tiny.exported(TinyModels.M1, 20))) {
            List<Recommendation> recs = new Recommender(model).recommend(List.of(SessionInput.of(),
                    SessionInput.parse("x 99999999"), SessionInput.parse("abc, ,")), 5);
            long[] clicks = org.sessionrnn.export.Popularity.clicks(tiny.dataset().train(), model.manifest().items());
            int[] top = org.sessionrnn.export.Popularity.mostClicked(clicks, 5);
            for (Recommendation rec : recs) {
                assertTrue(rec.popular());
                for (int j = 0; j < 5; j++) {
                    assertEquals(model.itemId(top[j]), rec.items()[j]);
                    assertEquals(clicks[top[j]], (long) rec.scores()[j]);
                }
            }
            assertEquals(List.of("x", "99999999"), recs.get(1).skipped());
            assertEquals(List.of("abc"), recs.get(2).skipped());
        }
    }
}
