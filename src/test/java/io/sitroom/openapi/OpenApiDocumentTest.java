package io.sitroom.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** {@code /q/openapi} is a valid OpenAPI 3 document, as API tooling (code generators, gateways) reads it. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocument_isValidOpenApi3_inJsonAndYaml() {
        for (String format : List.of("json", "yaml")) {
            String document = given().queryParam("format", format).get("/q/openapi").then().statusCode(200).extract().asString();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
            assertNotNull(result.getOpenAPI(), format + ": " + result.getMessages());
            assertEquals(List.of(), result.getMessages(), format + ": the validator's findings");
            assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."));
        }
    }

    @Test
    void theBearerScheme_isTheOneDeclared() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, new ParseOptions());
        var schemes = result.getOpenAPI().getComponents().getSecuritySchemes();
        assertTrue(schemes.values().stream().anyMatch(s -> "bearer".equalsIgnoreCase(s.getScheme())), "schemes: " + schemes);
    }
}
