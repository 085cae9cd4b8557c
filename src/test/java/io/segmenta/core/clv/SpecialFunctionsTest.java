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
    @Test
    void hyp2f1Ap1MatchesMpmathAcrossItsBranches() {
        // {a, b, w = 1 - z, ln 2F1(a, b; a+1; 1-w)} from mpmath at 40 digits
        double[][] cases = {
                {2.5322, 1.00944, 3.08e-5, 3.19143614125846},    // sample project's MLE: c-a-b = -s near 0
                {3.0, 2.0, 1e-3, 7.995456221726811},             // integer c-a-b: a pole of the textbook 1-z formula
                {5.0, 3.0, 0.01, 10.099498582223294},
                {1.35, 1.0, 0.15, 0.9167284904357216},
                {12.77, 2.00001, 0.1, 3.886613140422093},        // near-integer, a*w above 1
                {0.3, 0.2, 1e-9, 0.09375728890847909},
                {60.5, 1.6, 0.02, 5.591133208660031},
                {60.5, 1.6, 0.3, 1.8692748119862816},            // a*w large: Euler's series
                {20.0, 19.5, 0.001, 127.87134849766505},
                {2.0, 1.5, 0.7, 0.348734394743301},              // z below 1/2
        };
        for (double[] c : cases) {
            double v = SpecialFunctions.lnHyp2f1Ap1(c[0], c[1], 1 - c[2], c[2]);
            assertThat(v).as("a=%s b=%s w=%s", c[0], c[1], c[2]).isCloseTo(c[3], within(1e-13 * Math.max(1, Math.abs(c[3]))));
        }
        // continuous through the poles, and equal to the plain series where that converges
        double at = SpecialFunctions.lnHyp2f1Ap1(4.2, 2, 1 - 1e-4, 1e-4);
        assertThat(SpecialFunctions.lnHyp2f1Ap1(4.2, 2 + 1e-10, 1 - 1e-4, 1e-4)).isCloseTo(at, within(1e-8));
        assertThat(SpecialFunctions.lnHyp2f1Ap1(4.2, 2 - 1e-10, 1 - 1e-4, 1e-4)).isCloseTo(at, within(1e-8));
        assertThat(SpecialFunctions.lnHyp2f1Ap1(1.7, 0.6, 0.3, 0.7)).isCloseTo(Math.log(SpecialFunctions.hyp2f1(1.7, 0.6, 2.7, 0.3)), within(1e-14));
        assertThat(SpecialFunctions.lnHyp2f1Ap1(1.7, 0.6, 0, 1)).isZero();
        assertThat(SpecialFunctions.lnHyp2f1Ap1(1.7, 3, 0.5, 0.5)).isNaN(); // b >= a + 1: the series diverges at z = 1
    }

    @Test
    void lnGammaSlopeIsTheDividedDifferenceAndTheDigammaInTheLimit() {
        assertThat(SpecialFunctions.lnGammaSlope(1, 0)).isCloseTo(-0.5772156649015329, within(1e-14));
        assertThat(SpecialFunctions.lnGammaSlope(2.5, 0)).isCloseTo(0.7031566406452432, within(1e-14));
        assertThat(SpecialFunctions.lnGammaSlope(0.3, 1e-12)).isCloseTo(-3.5025242221940105, within(1e-13));
        assertThat(SpecialFunctions.lnGammaSlope(0.3, -0.2)).isCloseTo(-5.784573284580653, within(1e-13));
        assertThat(SpecialFunctions.lnGammaSlope(7.0, 0.5)).isCloseTo(1.9102260494972638, within(1e-14));
    }
}
