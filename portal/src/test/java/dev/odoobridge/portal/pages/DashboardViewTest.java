package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.web.PageFrame;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Templates;
import dev.odoobridge.readmodel.report.StockStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewTest {
    private static final StockStatus[] STATUSES = StockStatus.values();

    private static List<DashboardRow> rows(int n) {
        List<DashboardRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new DashboardRow(i % 2 == 0 ? "north" : "south", i + 1, "Product " + i, "REF-" + i, "40" + i, i % 50,
                    i % 7, 10, STATUSES[i % 3], (i % 5) / 2.0, i % 5 == 0 ? null : (i % 50) / ((i % 5) / 2.0),
                    i % 5 == 0 ? null : LocalDate.of(2027, 1, 1).plusDays(i % 90), i % 11 == 0 ? 2 : 0,
                    i % 11 == 0 ? LocalDate.of(2027, 2, 1) : null));
        }
        return rows;
    }

    @Test
    void countsFiltersSortsAndPages() {
        List<DashboardRow> all = rows(1_234);
        DashboardView v = DashboardPages.view("/portal", List.of("north", "south"), DashboardQuery.DEFAULT, all);
        assertThat(v.urgent() + v.moderate() + v.healthy()).isEqualTo(1_234);
        assertThat(v.urgent()).isEqualTo(412);
        assertThat(v.pages()).isEqualTo(3);
        assertThat(v.rows()).hasSize(DashboardView.PAGE_SIZE);
        assertThat(v.rows().subList(0, 412)).allMatch(r -> r.status() == StockStatus.URGENT);
        assertThat(v.rows().get(412).status()).isEqualTo(StockStatus.MODERATE);
        assertThat(v.ariaSort("status")).isEqualTo("ascending");
        assertThat(v.ariaSort("name")).isNull();
        assertThat(v.sortHref("status")).isEqualTo("/portal/dashboard?sort=status&dir=desc");

        DashboardQuery cover = new DashboardQuery("product 1", StockStatus.MODERATE, "south", "cover", true, 1);
        DashboardView c = DashboardPages.view("/portal", List.of("north", "south"), cover, all);
        assertThat(c.rows()).isNotEmpty().allMatch(r -> r.source().equals("south") && r.status() == StockStatus.MODERATE
                && r.name().startsWith("Product 1"));
        // descending cover: products without demand (endless cover) first
        List<Double> covers = c.rows().stream().map(DashboardRow::daysOfCover).toList();
        int firstNumber = covers.indexOf(covers.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow());
        assertThat(covers.subList(0, firstNumber)).containsOnlyNulls();
        assertThat(covers.subList(firstNumber, covers.size())).doesNotContainNull()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(c.pageHref(2)).contains("q=product+1", "status=moderate", "shop=south", "sort=cover", "dir=desc",
                "page=2");

        assertThatThrownBy(() -> DashboardPages.view("/portal", List.of(), DashboardQuery.DEFAULT.onPage(4), all))
                .isInstanceOf(PortalException.class).hasMessageContaining("no page 4");
    }

    @Test
    void tenThousandProductsRenderQuickly() {
        Templates templates = Templates.precompiled();
        List<DashboardRow> all = rows(10_000);
        PageFrame frame = new PageFrame("/portal", "Dashboard", "acme@vendor.example", "csrf");
        long best = Long.MAX_VALUE;
        byte[] page = null;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            DashboardQuery q = new DashboardQuery(null, null, null, i % 2 == 0 ? "name" : "stockout", i % 3 == 0, 1);
            DashboardView v = DashboardPages.view("/portal", List.of("north", "south"), q, all);
            page = templates.render("dashboard.jte", Map.of("frame", frame, "view", v));
            best = Math.min(best, System.nanoTime() - t0);
        }
        String html = new String(page, StandardCharsets.UTF_8);
        assertThat(html.split("<tr>", -1)).hasSize(DashboardView.PAGE_SIZE + 2);
        // generous against a shared machine: the budget for the whole request is 300 ms
        assertThat(best / 1_000_000).as("best of 15 renders, ms").isLessThan(150);
    }
}
