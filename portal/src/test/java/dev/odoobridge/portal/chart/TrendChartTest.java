package dev.odoobridge.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.portal.data.DayPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    @Test
    void oneBarPerSellingDayAndOneStockLineWithAnAccessibleTitleAndDescription() {
        List<DayPoint> trend = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 8, 10);
        for (int d = 0; d < 120; d++) {
            trend.add(new DayPoint(start.plusDays(d), d % 2 == 0 ? 4 : 0, 200 - d));
        }
        String svg = TrendChart.svg(trend, "Sales of <Acme> & co");
        assertThat(svg).startsWith("<svg class=\"chart\"").endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"chart-title chart-desc\"",
                        "<title id=\"chart-title\">Sales of &lt;Acme&gt; &amp; co</title>",
                        "from 2026-08-10 to " + start.plusDays(119), "240 units sold in 120 days", "at most 4 in a day",
                        "Stock went from 200 to 81")
                .doesNotContain("<Acme>", "<script", "NaN", "Infinity");
        assertThat(svg.split("<rect ", -1)).hasSize(61);
        assertThat(svg.split("<polyline ", -1)).hasSize(2);
    }

    @Test
    void emptyAndDegenerateTrendsStillDrawAValidChart() {
        assertThat(TrendChart.svg(List.of(), "Nothing")).contains("<desc id=\"chart-desc\">No data.</desc>")
                .doesNotContain("<rect", "<polyline");
        String flat = TrendChart.svg(List.of(new DayPoint(LocalDate.of(2026, 1, 1), Double.NaN, Double.POSITIVE_INFINITY),
                new DayPoint(LocalDate.of(2026, 1, 2), 0, -5)), "Odd");
        assertThat(flat).doesNotContain("NaN", "Infinity", "<rect").contains("<polyline");
    }
}
