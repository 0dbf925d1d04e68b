package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.report.DemandPattern;

/**
 * Daily demand forecasting for one product: Croston's method with the Syntetos-Boylan
 * Approximation (SBA) for intermittent demand, a moving average beside it, and the ADI / CV²
 * classification that picks between them.
 */
final class DemandForecasts {
    static final double ADI_CUTOFF = 1.32;
    static final double CV2_CUTOFF = 0.49;
    static final int MOVING_AVERAGE_DAYS = 28;
    static final double ALPHA = 0.1;

    private DemandForecasts() {
    }

    /** Mean of the last {@code days} values (all of them when fewer). */
    static double movingAverage(double[] series, int days) {
        int n = Math.min(days, series.length);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = series.length - n; i < series.length; i++) {
            sum += series[i];
        }
        return sum / n;
    }

    /** Mean of the whole series (the naive average). */
    static double mean(double[] series) {
        return movingAverage(series, series.length);
    }

    /**
     * Croston's rate smoothed with {@code alpha}, bias-corrected by SBA's factor {@code 1 - alpha/2}.
     * Sizes and intervals are initialised from the first demand; 0 without any demand.
     */
    static double sba(double[] series, double alpha) {
        double size = 0;
        double interval = 0;
        int sinceLast = 0;
        boolean started = false;
        for (double d : series) {
            sinceLast++;
            if (d > 0) {
                if (!started) {
                    size = d;
                    interval = sinceLast;
                    started = true;
                } else {
                    size += alpha * (d - size);
                    interval += alpha * (sinceLast - interval);
                }
                sinceLast = 0;
            }
        }
        return started ? (1 - alpha / 2) * size / interval : 0;
    }

    /** Average inter-demand interval: days per non-zero day (0 without demand). */
    static double adi(double[] series) {
        int nonZero = 0;
        for (double d : series) {
            if (d > 0) {
                nonZero++;
            }
        }
        return nonZero == 0 ? 0 : (double) series.length / nonZero;
    }

    /** Squared coefficient of variation of the non-zero demand sizes (0 with fewer than two). */
    static double cv2(double[] series) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double d : series) {
            if (d > 0) {
                sum += d;
                sumSq += d * d;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        double variance = Math.max(0, sumSq / n - mean * mean);
        return variance / (mean * mean);
    }

    static DemandPattern classify(double adi, double cv2) {
        if (adi == 0) {
            return DemandPattern.NONE;
        }
        boolean sporadic = adi >= ADI_CUTOFF;
        boolean variable = cv2 >= CV2_CUTOFF;
        if (sporadic) {
            return variable ? DemandPattern.LUMPY : DemandPattern.INTERMITTENT;
        }
        return variable ? DemandPattern.ERRATIC : DemandPattern.SMOOTH;
    }
}
