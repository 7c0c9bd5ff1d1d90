package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each route declared once, and the OpenAPI document's operations and their security read from the declaration. */
class RouteTest {
    private static final JsonNode DOCUMENT = OpenApiDocument.build(WebServer.jsonMapper());

    @Test
    void no_two_routes_share_a_method_and_path() {
        Set<String> distinct = Arrays.stream(Route.values()).map(RouteTest::key).collect(Collectors.toSet());
        assertEquals(Route.values().length, distinct.size());
    }

    @Test
    void the_document_has_one_operation_per_api_route_and_none_for_pages() {
        Set<String> documented = new TreeSet<>();
        DOCUMENT.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> api = Arrays.stream(Route.values())
                .filter(route -> route.access().api())
                .map(RouteTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(api, documented);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void an_operation_says_who_may_call_it_as_its_route_declares(Route route) {
        if (!route.access().api()) {
            return;
        }
        JsonNode operation = DOCUMENT.get("paths")
                .get(route.path())
                .get(route.method().name().toLowerCase(Locale.ROOT));
        JsonNode responses = operation.get("responses");
        boolean open = route.access().needs() == Access.Needs.NOTHING;
        assertEquals(
                open, operation.has("security") && operation.get("security").isEmpty(), route.toString());
        assertEquals(!open, responses.has("401") && responses.has("429"), route.toString());
        assertEquals(
                route.access().changes() || route.access().refusesSomeRoles(), responses.has("403"), route.toString());
        assertTrue(responses.has("500"), route.toString());
        // refused before any route's rule is read: an unknown charset, a Host the server does not answer to
        assertTrue(responses.has("415") && responses.has("421"), route.toString());
    }

    @Test
    void only_the_send_list_needs_a_role_that_may_export_addresses() {
        assertEquals(
                List.of(Route.SEND_LIST),
                Arrays.stream(Route.values())
                        .filter(route -> route.access().needs() == Access.Needs.EXPORT)
                        .toList());
    }

    @Test
    void a_path_parameter_is_filled_in() {
        assertEquals("/api/v1/jobs/7", Route.JOB.pathWith(7));
        assertFalse(Route.JOB.pathWith(7).contains("{"));
    }

    private static String key(Route route) {
        return route.method().name() + " " + route.path();
    }
}
