package dev.odoobridge.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.portal.data.DayPoint;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class TrendChartTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 7, 25);

    private static List<DayPoint> days(double[] sold, double[] onHand) {
        List<DayPoint> out = new ArrayList<>();
        for (int i = 0; i < sold.length; i++) {
            out.add(new DayPoint(FIRST.plusDays(i), sold[i], onHand[i]));
        }
        return out;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> all(Document d, String tag) {
        NodeList list = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void aWellFormedAccessibleSvgWithoutScriptOrInlineStyle() throws Exception {
        double[] sold = new double[120];
        double[] stock = new double[120];
        for (int i = 0; i < 120; i++) {
            sold[i] = i % 7 == 0 ? 0 : i % 5;
            stock[i] = 200 - i;
        }
        String svg = TrendChart.svg(days(sold, stock), "Tea");
        Element root = parse(svg).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 720 300");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getFirstChild().getLocalName()).isEqualTo("title");
        assertThat(root.getFirstChild().getTextContent()).isEqualTo("Tea");
        assertThat(root.getFirstChild().getNextSibling().getLocalName()).isEqualTo("desc");
        assertThat(svg).doesNotContain("style=").doesNotContain("<script").doesNotContain("<style")
                .doesNotContain("onload").doesNotContain("#");
        // one bar per day that sold, a line through every day, labelled axes
        long sellingDays = java.util.Arrays.stream(sold).filter(v -> v != 0).count();
        assertThat(all(parse(svg), "rect")).hasSize((int) sellingDays);
        assertThat(all(parse(svg), "polyline").get(0).getAttribute("points").split(" ")).hasSize(120);
        assertThat(svg).contains("Units sold per day").contains("On hand at end of day").contains(">21 Nov<");
        assertThat(TrendChart.svg(days(sold, stock), "Tea")).isEqualTo(svg);
    }

    @Test
    void titleAndEveryTextAreEscaped() throws Exception {
        String title = "Apple <script>alert(1)</script> & \"Pear\" 'n' \u0001";
        String svg = TrendChart.svg(days(new double[] {1}, new double[] {2}), title);
        Document d = parse(svg);
        assertThat(all(d, "title").get(0).getTextContent()).isEqualTo("Apple <script>alert(1)</script> & \"Pear\" 'n' ");
        assertThat(all(d, "script")).isEmpty();
        assertThat(svg).contains("&lt;script&gt;").contains("&amp;").contains("&quot;Pear&quot;");
    }

    @Test
    void theLargestValuesTouchTheTopAndZeroTheBottom() throws Exception {
        double[] sold = {0, 4, 10, 3};
        double[] stock = {50, 80, 20, 0};
        Document d = parse(TrendChart.svg(days(sold, stock), "x"));
        int top = TrendChart.TOP;
        int bottom = TrendChart.HEIGHT - TrendChart.BOTTOM;
        List<Element> bars = all(d, "rect");
        assertThat(bars).hasSize(3);
        Element tallest = bars.get(1);
        assertThat(Double.parseDouble(tallest.getAttribute("y"))).isEqualTo(top);
        assertThat(Double.parseDouble(tallest.getAttribute("height"))).isEqualTo(bottom - top);
        assertThat(Double.parseDouble(bars.get(0).getAttribute("height"))).isEqualTo(0.4 * (bottom - top), org.assertj.core.data.Offset.offset(0.1));
        String[] points = all(d, "polyline").get(0).getAttribute("points").split(" ");
        assertThat(Double.parseDouble(points[1].split(",")[1])).isEqualTo(top);
        assertThat(Double.parseDouble(points[3].split(",")[1])).isEqualTo(bottom);
        // bars left to right, in the middle of their day
        double x0 = Double.parseDouble(bars.get(0).getAttribute("x"));
        double x1 = Double.parseDouble(bars.get(1).getAttribute("x"));
        assertThat(x1).isGreaterThan(x0);
    }

    @Test
    void summarySaysTotalsStockRangeAndTheLastValue() throws Exception {
        String svg = TrendChart.svg(days(new double[] {0, 4, 10, 3}, new double[] {50, 80, 20, 7.5}), "x");
        assertThat(all(parse(svg), "desc").get(0).getTextContent()).isEqualTo(
                "Over 4 days from 25 Jul 2026 to 28 Jul 2026: 17 units sold (4.25 per day, at most 10 in a day); "
                        + "on hand between 7.5 and 80, 7.5 at the end.");
    }

    @Test
    void emptyAllZeroNegativeAndHugeTrendsStillDraw() throws Exception {
        Document empty = parse(TrendChart.svg(List.of(), "Nothing"));
        assertThat(all(empty, "desc").get(0).getTextContent()).isEqualTo("No sales or stock data for this period.");
        assertThat(all(empty, "polyline")).isEmpty();

        Document zero = parse(TrendChart.svg(days(new double[] {0, 0, 0}, new double[] {0, 0, 0}), "Zero"));
        assertThat(all(zero, "rect")).isEmpty();
        assertThat(all(zero, "desc").get(0).getTextContent()).contains("no units sold").contains("between 0 and 0");

        double[] stock = {-5, 10, -20};
        Document negative = parse(TrendChart.svg(days(new double[] {1, -2, 3}, stock), "Neg"));
        String[] points = all(negative, "polyline").get(0).getAttribute("points").split(" ");
        assertThat(Double.parseDouble(points[1].split(",")[1])).isEqualTo(TrendChart.TOP);
        assertThat(Double.parseDouble(points[2].split(",")[1])).isEqualTo(TrendChart.HEIGHT - TrendChart.BOTTOM);
        assertThat(all(negative, "rect")).allSatisfy(r -> assertThat(Double.parseDouble(r.getAttribute("height"))).isPositive());

        String huge = TrendChart.svg(days(new double[] {1e18, Double.NaN, Double.POSITIVE_INFINITY},
                new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 3e12}), "Huge");
        Document h = parse(huge);
        for (Element e : all(h, "rect")) {
            assertThat(Double.parseDouble(e.getAttribute("y"))).isBetween(0.0, (double) TrendChart.HEIGHT);
        }
        for (String p : all(h, "polyline").get(0).getAttribute("points").split(" ")) {
            assertThat(Double.parseDouble(p.split(",")[1])).isBetween(0.0, (double) TrendChart.HEIGHT);
        }
        assertThat(huge).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(all(h, "desc").get(0).getTextContent()).contains("1.000e+18 units sold");
    }

    @Test
    void numbersAreCompactOnTicks() {
        assertThat(TrendChart.compact(0)).isEqualTo("0");
        assertThat(TrendChart.compact(950)).isEqualTo("950");
        assertThat(TrendChart.compact(1200)).isEqualTo("1.2k");
        assertThat(TrendChart.compact(-3_500_000)).isEqualTo("-3.5M");
        assertThat(TrendChart.compact(0.25)).isEqualTo("0.25");
        assertThat(TrendChart.dateTicks(120)).hasSize(6).endsWith(119);
        assertThat(new TrendChart.Scale(-28, 88, 0, 100).ticks()).containsExactly(-25.0, 0.0, 25.0, 50.0, 75.0);
        assertThat(new TrendChart.Scale(0, 9, 0, 100).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
        assertThat(TrendChart.dateTicks(1)).containsExactly(0);
    }
}
