package dev.odoobridge.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Route a = e -> { };
    private final Route b = e -> { };

    @Test
    void literalSegmentsWinOverParameters() {
        Router r = new Router().get("/product/{source}/{id}", a).get("/product/{source}/new", b);
        assertThat(r.match("GET", "/product/shop/new").orElseThrow().route()).isSameAs(b);
        Router.Match m = r.match("GET", "/product/shop/42").orElseThrow();
        assertThat(m.route()).isSameAs(a);
        assertThat(m.params()).isEqualTo(Map.of("source", "shop", "id", "42"));
    }

    @Test
    void parametersAreWholeNonEmptySegments() {
        Router r = new Router().get("/product/{source}/{id}", a);
        assertThat(r.match("GET", "/product/shop/")).isEmpty();
        assertThat(r.match("GET", "/product/shop/42/x")).isEmpty();
        assertThat(r.match("GET", "/product//42")).isEmpty();
        assertThat(r.match("POST", "/product/shop/42")).isEmpty();
        assertThat(r.knowsPath("/product/shop/42")).isTrue();
    }

    @Test
    void routesAreSignedInUnlessAddedPublic() {
        Router r = new Router().get("/dashboard", a).add("GET", "/signin", Router.Access.PUBLIC, b);
        assertThat(r.match("GET", "/dashboard").orElseThrow().access()).isEqualTo(Router.Access.SIGNED_IN);
        assertThat(r.match("GET", "/signin").orElseThrow().access()).isEqualTo(Router.Access.PUBLIC);
    }

    @Test
    void refusesDuplicatesAndOtherMethods() {
        Router r = new Router().get("/x/{id}", a);
        assertThatThrownBy(() -> r.get("/x/{other}", b)).hasMessageContaining("twice");
        assertThatThrownBy(() -> r.add("PUT", "/y", Router.Access.PUBLIC, b)).hasMessageContaining("GET and POST");
        assertThatThrownBy(() -> r.get("y", b)).hasMessageContaining("starts with '/'");
    }
}
