package io.segmenta.core.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpecialFunctionsTest {
    @Test
    void lnGammaMatchesFactorialsAndHalfIntegers() {
        assertThat(SpecialFunctions.lnGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
        assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(SpecialFunctions.lnGamma(1e-6)).isCloseTo(13.815510557964274 - 0.5772156649 * 1e-6, within(1e-9));
        assertThat(SpecialFunctions.lnAbsGamma(-0.5)).isCloseTo(Math.log(2 * Math.sqrt(Math.PI)), within(1e-12));
        assertThat(SpecialFunctions.gammaSign(-0.5)).isEqualTo(-1);
        assertThat(SpecialFunctions.gammaSign(-1.5)).isEqualTo(1);
    }

    @Test
    void hyp2f1AgreesWithClosedFormsOnEveryBranch() {
        // series: 2F1(1,1;2;z) = -ln(1-z)/z
        assertThat(SpecialFunctions.hyp2f1(1, 1, 2, 0.5)).isCloseTo(-Math.log(0.5) / 0.5, within(1e-13));
        // near 1 with integer c-a-b: long series
        assertThat(SpecialFunctions.hyp2f1(1, 1, 2, 0.97)).isCloseTo(-Math.log(0.03) / 0.97, within(1e-10));
        // near 1, non-integer c-a-b: the 1-z transformation; 2F1(a,b;a;z) = (1-z)^-b
        assertThat(SpecialFunctions.hyp2f1(0.4, 1.3, 0.4, 0.97)).isCloseTo(Math.pow(0.03, -1.3), within(1e-8 * Math.pow(0.03, -1.3)));
        assertThat(SpecialFunctions.hyp2f1(0.7, 2.2, 3.1, 0.95)).isCloseTo(SpecialFunctions.series(0.7, 2.2, 3.1, 0.95, 5_000_000), within(1e-10));
        // negative argument: Pfaff; 2F1(1,1;2;-3) = ln 4 / 3
        assertThat(SpecialFunctions.hyp2f1(1, 1, 2, -3)).isCloseTo(Math.log(4) / 3, within(1e-13));
        // Gauss at z = 1
        assertThat(SpecialFunctions.hyp2f1(0.5, 0.5, 2, 1)).isCloseTo(
                Math.exp(SpecialFunctions.lnGamma(2) + SpecialFunctions.lnGamma(1) - 2 * SpecialFunctions.lnGamma(1.5)), within(1e-12));
        assertThat(SpecialFunctions.hyp2f1(1, 1, -2, 0.3)).isNaN();
    }
}
