package io.segmenta.core.segment;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.data.DoubleColumn;
import io.segmenta.core.data.LongColumn;
import io.segmenta.core.data.StringColumn;
import io.segmenta.core.segment.SegmentProfiles.Profiles;
import io.segmenta.core.segment.SegmentProfiles.SegmentProfile;
import io.segmenta.core.segment.SegmentationOptions.Feature;
import io.segmenta.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A planted dataset (ages and spends wiggle by −1, 0, +1, 0 units of 1 and 5): 60 customers aged 29–31 (mean 30) spending 95–105 (mean 100), 48 of them in Madrid;
 * 40 customers aged 59–61 (mean 60) spending 45–55 (mean 50), 36 of them in Sevilla. Overall: age 42,
 * spend 80, Madrid 52%.
 */
class ProfilesAndBriefTest {
    static final Locale ES = Locale.of("es");

    static Dataset planted() {
        int n = 100;
        long[] age = new long[n];
        double[] spend = new double[n];
        String[] city = new String[n];
        for (int i = 0; i < n; i++) {
            boolean young = i < 60;
            int wiggle = new int[]{-1, 0, 1, 0}[i % 4];
            age[i] = (young ? 30 : 60) + wiggle;
            spend[i] = (young ? 100 : 50) + 5 * wiggle;
            city[i] = young ? (i < 48 ? "Madrid" : "Sevilla") : (i < 64 ? "Madrid" : "Sevilla");
        }
        return new Dataset("customers", List.of(new LongColumn("age", age, null), new DoubleColumn("spend", spend, null),
                StringColumn.of("city", true, city)));
    }

    static Segmentation fit() {
        SegmentationOptions o = SegmentationOptions.of(Feature.numeric("age"), Feature.numeric("spend")).withRestarts(2);
        return Segmenter.fit(planted(), FeatureMatrix.build(planted(), o), o, 2, null, 2, TaskContext.NONE);
    }

    @Test
    void profileStatistics() {
        Segmentation s = fit();
        Profiles p = SegmentProfiles.compute(planted(), s, List.of("city"), Locale.ENGLISH);
        SegmentProfile young = p.segments().get(0);
        SegmentProfile old = p.segments().get(1);
        assertThat(young.size()).isEqualTo(60);
        assertThat(young.share()).isEqualTo(0.6);
        var age = young.numeric("age");
        assertThat(age.segMean()).isCloseTo(30, within(1e-12));
        assertThat(age.segMedian()).isEqualTo(30);
        assertThat(age.segMin()).isEqualTo(29);
        assertThat(age.segMax()).isEqualTo(31);
        assertThat(age.allMean()).isCloseTo(42, within(1e-12));
        // population sd of all ages: variance = 0.6*0.4*30^2 (between) + 0.5 (within) = 216.5
        double sd = Math.sqrt(216.5);
        assertThat(age.allSd()).isCloseTo(sd, within(1e-9));
        assertThat(age.diffSd()).isCloseTo(-12 / sd, within(1e-9));
        var madrid = young.category("city", "Madrid");
        assertThat(madrid.segShare()).isCloseTo(0.8, within(1e-12));
        assertThat(madrid.allShare()).isCloseTo(0.52, within(1e-12));
        assertThat(madrid.lift()).isCloseTo(0.8 / 0.52, within(1e-12));
        assertThat(madrid.diffSd()).isCloseTo((0.8 - 0.52) / Math.sqrt(0.52 * 0.48), within(1e-12));
        assertThat(old.category("city", "Sevilla").segShare()).isCloseTo(0.9, within(1e-12));
        // ranked traits: age and spend differ by about 0.8 SD, the city by less
        assertThat(young.traits().get(0).column()).isIn("age", "spend");
        assertThat(young.traits().get(2).column()).isEqualTo("city");
        assertThat(young.suggestedName()).isIn("Lower age, higher spend", "Higher spend, lower age");
        assertThat(old.distinctions()).anySatisfy(d -> {
            assertThat(d.column()).isEqualTo("age");
            assertThat(d.highest()).isTrue();
        });
        assertThat(p.heatmapColumns()).containsExactly("age", "spend", "city=Madrid", "city=Sevilla");
        assertThat(p.heatmap()[0][0]).isCloseTo(-12 / sd, within(1e-9));
    }

    @Test
    void briefInEnglish() {
        Segmentation s = fit();
        String md = CreativeBrief.markdown(SegmentProfiles.compute(planted(), s, List.of("city"), Locale.ENGLISH), Locale.ENGLISH);
        assertThat(md).startsWith("# Brief for creatives: customers\n\n100 customers in 2 segments.");
        assertThat(md).contains("## Segment 1 — ").contains("**60 customers (60%).** Compared with all customers:");
        assertThat(md).contains("- age: 30 on average against 42 for all customers, 12 less (29% less).");
        assertThat(md).contains("- spend: 100 on average against 80 for all customers, 20 more (25% more).");
        assertThat(md).contains("- 80% have city “Madrid”, against 52% of all customers (1.5× as often).");
        assertThat(md).contains("**40 customers (40%).**");
        assertThat(md).contains("- spend: 50 on average against 80 for all customers, 30 less (38% less).");
        assertThat(md).contains("- age: 60 on average against 42 for all customers, 18 more (43% more).");
        assertThat(md).contains("- 90% have city “Sevilla”, against 48% of all customers (1.9× as often).");
        assertThat(md).contains("What sets it apart: the highest average age of all segments (60)");
        String html = CreativeBrief.html(SegmentProfiles.compute(planted(), s, List.of("city"), Locale.ENGLISH), Locale.ENGLISH);
        assertThat(html).contains("<html lang=\"en\">").contains("<li>age: 30 on average against 42 for all customers");
    }

    @Test
    void briefInSpanishWithSpanishNumbers() {
        Segmentation s = fit();
        s = s.withNames(Segmenter.defaultNames(2, ES));
        String md = CreativeBrief.markdown(SegmentProfiles.compute(planted(), s, List.of("city"), ES), ES);
        String pct29 = NumberFormat.getPercentInstance(ES).format(0.29);
        String pct80 = NumberFormat.getPercentInstance(ES).format(0.8);
        assertThat(md).startsWith("# Resumen para creativos: customers");
        assertThat(md).contains("## Segmento 1 — ");
        assertThat(md).contains("- age: 30 de media frente a 42 en el total de clientes, 12 menos (un " + pct29 + " menos).");
        assertThat(md).contains("El " + pct80 + " tiene city «Madrid»").contains("(1,5 veces más a menudo)");
        assertThat(md).contains("Lo que lo distingue: ");
        assertThat(SegmentProfiles.suggestName(List.of(new SegmentProfiles.Trait("gasto", null, 1.2),
                new SegmentProfiles.Trait("ciudad", "Madrid", 0.9)), ES)).isEqualTo("Mayor gasto, sobre todo Madrid");
        assertThat(SegmentProfiles.suggestName(List.of(new SegmentProfiles.Trait("x", null, 0.1)), Locale.ENGLISH))
                .isEqualTo("Close to average");
    }

    @Test
    void largeNumbersAreGroupedForTheLocale() {
        assertThat(CreativeBrief.number(1840.4, Locale.ENGLISH)).isEqualTo("1,840");
        assertThat(CreativeBrief.number(12.345, Locale.ENGLISH)).isEqualTo("12.3");
        assertThat(CreativeBrief.number(2.345, ES)).isEqualTo("2,35");
        assertThat(CreativeBrief.percent(0.18, Locale.ENGLISH)).isEqualTo("18%");
    }
}
