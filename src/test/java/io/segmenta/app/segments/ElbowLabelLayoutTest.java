package io.segmenta.app.segments;

import io.segmenta.app.segments.ElbowChart.Box;
import io.segmenta.app.segments.ElbowChart.Placed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The elbow chart's marker labels: centred on their k where there is room, never on top of one another. */
class ElbowLabelLayoutTest {
    private static final double GAP = 8;

    @Test
    void labelsFarApartStayOnOneRowCentredOnTheirPoints() {
        List<Placed> p = ElbowChart.layoutLabels(List.of(new Box(200, 100), new Box(500, 120)), 74, 900, GAP);
        assertThat(p).containsExactly(new Placed(150, 0), new Placed(440, 0));
    }

    @Test
    void adjacentLabelsAreStaggeredAndDoNotOverlap() {
        // knee at k = 3 and best silhouette at k = 4, 90 px apart, labels 130 and 160 px wide
        List<Box> boxes = List.of(new Box(400, 160), new Box(310, 130));
        List<Placed> p = ElbowChart.layoutLabels(boxes, 74, 900, GAP);
        assertThat(p.get(1).row()).isZero();
        assertThat(p.get(0).row()).isEqualTo(1);
        assertNoOverlap(boxes, p);
    }

    @Test
    void labelsAreKeptInsideThePlotAndStillDoNotOverlapAtTheEdges() {
        // k = 9 and k = 10 at the right edge of a narrow chart
        List<Box> boxes = List.of(new Box(380, 110), new Box(440, 150));
        List<Placed> p = ElbowChart.layoutLabels(boxes, 74, 446, GAP);
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(p.get(i).left()).isGreaterThanOrEqualTo(74);
            assertThat(p.get(i).left() + boxes.get(i).width()).isLessThanOrEqualTo(446);
        }
        assertNoOverlap(boxes, p);
    }

    @Test
    void manyCrowdedLabelsUseAsManyRowsAsNeeded() {
        List<Box> boxes = List.of(new Box(100, 80), new Box(120, 80), new Box(140, 80), new Box(400, 80));
        List<Placed> p = ElbowChart.layoutLabels(boxes, 0, 600, GAP);
        assertThat(p.stream().mapToInt(Placed::row).max().orElseThrow()).isEqualTo(2);
        assertThat(p.get(3).row()).isZero();
        assertNoOverlap(boxes, p);
    }

    private static void assertNoOverlap(List<Box> boxes, List<Placed> p) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (p.get(i).row() != p.get(j).row()) continue;
                double a0 = p.get(i).left(), a1 = a0 + boxes.get(i).width();
                double b0 = p.get(j).left(), b1 = b0 + boxes.get(j).width();
                assertThat(a1 + GAP <= b0 || b1 + GAP <= a0).as("labels %d and %d on row %d", i, j, p.get(i).row()).isTrue();
            }
        }
    }
}
