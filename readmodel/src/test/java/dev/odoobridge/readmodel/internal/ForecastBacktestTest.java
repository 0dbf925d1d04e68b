package dev.odoobridge.readmodel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.report.DemandPattern;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Backtest on generated intermittent demand: rolling one-step-ahead forecasts of the next 7 days'
 * mean demand. Products' demand level changes once in their history (as popularity does), which
 * the naive average of all history follows slowly and SBA tracks.
 */
class ForecastBacktestTest {
    private static final int DAYS = 240;
    private static final int SERIES = 60;
    private static final int HORIZON = 7;

    /** Bernoulli demand occurrence with geometric-ish sizes; occurrence probability triples or drops to a third at a random day. */
    static double[] intermittentSeries(Random random) {
        double p1 = 0.05 + random.nextDouble() * 0.15;
        double p2 = random.nextBoolean() ? Math.min(0.6, p1 * 3) : p1 / 3;
        double meanSize = 1 + random.nextInt(6);
        int shift = 60 + random.nextInt(120);
        double[] s = new double[DAYS];
        for (int t = 0; t < DAYS; t++) {
            double p = t < shift ? p1 : p2;
            if (random.nextDouble() < p) {
                s[t] = 1 + Math.floor(-Math.log(1 - random.nextDouble()) * meanSize);
            }
        }
        return s;
    }

    @Test
    void sbaBeatsTheNaiveAverageOnIntermittentSeries() {
        Random random = new Random(20261121L);
        double maeSba = 0;
        double maeNaive = 0;
        int intermittent = 0;
        for (int k = 0; k < SERIES; k++) {
            double[] s = intermittentSeries(random);
            DemandPattern pattern = DemandForecasts.classify(DemandForecasts.adi(s), DemandForecasts.cv2(s));
            if (pattern == DemandPattern.INTERMITTENT || pattern == DemandPattern.LUMPY) {
                intermittent++;
            }
            for (int t = 60; t + HORIZON <= DAYS; t++) {
                double[] history = java.util.Arrays.copyOf(s, t);
                double actual = 0;
                for (int h = 0; h < HORIZON; h++) {
                    actual += s[t + h];
                }
                actual /= HORIZON;
                maeSba += Math.abs(DemandForecasts.sba(history, DemandForecasts.ALPHA) - actual);
                maeNaive += Math.abs(DemandForecasts.mean(history) - actual);
            }
        }
        System.out.printf("backtest: %d series (%d intermittent/lumpy), MAE SBA %.4f vs naive average %.4f%n",
                SERIES, intermittent, maeSba, maeNaive);
        assertThat(intermittent).isGreaterThan(SERIES / 2);
        assertThat(maeSba).isLessThan(maeNaive);
    }

    @Test
    void crostonSbaOnAKnownSeries() {
        // demand 4 every 4th day: size 4, interval 4 -> Croston 1.0, SBA 0.95
        double[] s = new double[40];
        for (int i = 3; i < 40; i += 4) {
            s[i] = 4;
        }
        assertThat(DemandForecasts.sba(s, 0.1)).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(DemandForecasts.adi(s)).isEqualTo(4.0);
        assertThat(DemandForecasts.cv2(s)).isZero();
        assertThat(DemandForecasts.classify(4, 0)).isEqualTo(DemandPattern.INTERMITTENT);
        assertThat(DemandForecasts.classify(1, 0.8)).isEqualTo(DemandPattern.ERRATIC);
        assertThat(DemandForecasts.sba(new double[10], 0.1)).isZero();
    }
}
