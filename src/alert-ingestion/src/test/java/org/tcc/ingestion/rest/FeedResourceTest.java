package org.tcc.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.messaging.SignedReports;
import org.tcc.testsupport.Tokens;

/** The HTTPS sensor feed with real feed tokens: authentic reports are applied once, anything else refused. */
@QuarkusTest
class FeedResourceTest {

    private static final String PATH = "/api/v1/feeds/missile-launches";

    private static MissileLaunchReport report(String sensor, Country country) {
        return SignedReports.report(sensor, country, new GeoPoint(38.2, 124.9), null);
    }

    @Test
    void signedReportFromItsOwnCountrysFeedIsAppliedOnce() {
        MissileLaunchReport report = report("kr-aegis-sejong", Country.KOR);
        byte[] body = SignedReports.bytes(report);
        String signature = SignedReports.SIGNER.sign(report.sensorId(), body);
        String alertId = given().auth().oauth2(Tokens.client("feed-kor")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, signature).body(body)
                .when().post(PATH)
                .then().statusCode(202).body("duplicate", equalTo(false)).body("alertId", notNullValue())
                .extract().path("alertId");
        given().auth().oauth2(Tokens.client("feed-kor")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, signature).body(body)
                .when().post(PATH)
                .then().statusCode(200).body("duplicate", equalTo(true)).body("alertId", equalTo(alertId));
        given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200).body("launch.sensors", hasItem("kr-aegis-sejong"))
                .body("status", equalTo("ACTUAL"));
    }

    @Test
    void aFeedCannotReportForAnotherCountry() {
        MissileLaunchReport report = report("kr-aegis-sejong", Country.KOR);
        byte[] body = SignedReports.bytes(report);
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, SignedReports.SIGNER.sign(report.sensorId(), body)).body(body)
                .when().post(PATH)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void unsignedOrForgedReportsAreUnauthorized() {
        byte[] body = SignedReports.bytes(report("jp-aegis-kongo", Country.JPN));
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json").body(body)
                .when().post(PATH)
                .then().statusCode(401).body("detail", startsWith("unsigned report"));
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, SignedReports.SIGNER.sign("jp-fps5-sado", body)).body(body)
                .when().post(PATH)
                .then().statusCode(401);
    }

    @Test
    void invalidReportIs422NamingTheField() {
        MissileLaunchReport valid = report("jp-aegis-kongo", Country.JPN);
        byte[] body = SignedReports.bytes(new MissileLaunchReport(valid.reportId(), valid.sensorId(),
                valid.reportingCountry(), valid.detectedAt(), valid.launchPoint(), null, null, null, null,
                valid.missileClass(), 1.7, null, valid.status()));
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, SignedReports.SIGNER.sign("jp-aegis-kongo", body)).body(body)
                .when().post(PATH)
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("confidence"));
    }

    @Test
    void onlyFeedsMayPostReportsAndWrongMediaTypeIs415() {
        byte[] body = SignedReports.bytes(report("jp-aegis-kongo", Country.JPN));
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json").body(body)
                .when().post(PATH).then().statusCode(403);
        given().when().contentType("application/json").body(body).post(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("text/plain").body("x")
                .when().post(PATH).then().statusCode(415);
    }

    @Test
    void oversizedBodyIs413() {
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json").body(huge)
                .when().post(PATH).then().statusCode(413);
    }

    @Test
    void authenticReportLargerThanAnyGenuineOneIs413AndNotApplied() {
        byte[] report = SignedReports.bytes(report("jp-aegis-kongo", Country.JPN));
        byte[] padded = new byte[report.length + 100_000]; // the same JSON with 100,000 blanks: valid, but absurd
        padded[0] = report[0];
        java.util.Arrays.fill(padded, 1, 100_001, (byte) ' ');
        System.arraycopy(report, 1, padded, 100_001, report.length - 1);
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, SignedReports.SIGNER.sign("jp-aegis-kongo", padded)).body(padded)
                .when().post(PATH)
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("oversized report: " + padded.length + " bytes"));
        given().auth().oauth2(Tokens.client("feed-jpn")).contentType("application/json")
                .header(FeedSignature.HTTP_HEADER, SignedReports.SIGNER.sign("jp-aegis-kongo", report)).body(report)
                .when().post(PATH)
                .then().statusCode(202);
    }
}
