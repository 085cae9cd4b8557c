package io.segmenta.app.campaigns;

import io.segmenta.core.util.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The A/B result columns show the same number of decimals on every row, in English and Spanish. */
class CampaignsFormatTest {
    @AfterEach
    void english() { I18n.setLocale(Locale.ENGLISH); }

    @Test
    void rateAndRoiColumnsHaveAFixedNumberOfDecimals() {
        I18n.setLocale(Locale.ENGLISH);
        assertThat(CampaignsFormat.rate(0.4)).isEqualTo("40.00%");
        assertThat(CampaignsFormat.rate(0.37777)).isEqualTo("37.78%");
        assertThat(CampaignsFormat.rate(0.1033)).isEqualTo("10.33%");
        assertThat(CampaignsFormat.rate(0.08)).isEqualTo("8.00%");
        assertThat(CampaignsFormat.roi(19.963)).isEqualTo("1,996.3%");
        assertThat(CampaignsFormat.roi(8.5556)).isEqualTo("855.6%");
        assertThat(CampaignsFormat.roi(-1.0)).isEqualTo("-100.0%");
        assertThat(CampaignsFormat.rate(-0.00001)).isEqualTo("0.00%");
        assertThat(CampaignsFormat.rate(Double.NaN)).isEqualTo(CampaignsFormat.NONE);
        assertThat(CampaignsFormat.roi(null)).isEqualTo(CampaignsFormat.NONE);
    }

    @Test
    void spanishUsesTheDecimalComma() {
        I18n.setLocale(Locale.of("es"));
        assertThat(CampaignsFormat.rate(0.4).replace('\u00a0', ' ')).isEqualTo("40,00 %");
        assertThat(CampaignsFormat.rate(0.37777).replace('\u00a0', ' ')).isEqualTo("37,78 %");
        assertThat(CampaignsFormat.roi(19.963).replace('\u00a0', ' ')).isEqualTo("1.996,3 %");
    }
}
