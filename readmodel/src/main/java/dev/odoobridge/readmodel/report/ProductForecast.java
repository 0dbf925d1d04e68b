package dev.odoobridge.readmodel.report;

import java.time.LocalDate;

/**
 * Demand forecast and stock cover of one product.
 *
 * @param source source name
 * @param productId product.product id
 * @param name display name
 * @param onHand on-hand quantity
 * @param pattern demand pattern over the window
 * @param adi average inter-demand interval in days (0 without demand)
 * @param cv2 squared coefficient of variation of non-zero demand sizes
 * @param movingAverage moving-average daily rate
 * @param sba SBA daily rate
 * @param method the method chosen for the pattern
 * @param dailyDemand the chosen daily rate
 * @param daysOfCover on hand / daily demand, or null without demand
 * @param stockoutDate the day stock runs out at that rate, or null without demand
 */
public record ProductForecast(String source, long productId, String name, double onHand, DemandPattern pattern, double adi,
                              double cv2, double movingAverage, double sba, ForecastMethod method, double dailyDemand,
                              Double daysOfCover, LocalDate stockoutDate) {
}
