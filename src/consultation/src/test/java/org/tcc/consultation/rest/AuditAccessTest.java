package org.tcc.consultation.rest;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.contracts.Country;

/**
 * The audit log by country, with real tokens: an auditor reads the entries of the consultations their country takes
 * part in, in every view (log, export, timeline); only the trilateral auditor reads every entry and the chain's
 * details.
 */
@QuarkusTest
class AuditAccessTest {

    @Test
    void anAuditorOfACountryOutsideAConsultationReadsNoneOfItsEntries() {
        String since = "from=" + java.time.Instant.now().minusSeconds(2);
        String koreaUsa = Api.inSessionWithPositions(Country.KOR, Country.USA);
        String japan = Api.inSessionWithPositions(Country.JPN, Country.USA);

        // timeline: the same 404 as a missing consultation
        as("jp-auditor").get("/api/v1/audit/consultations/" + koreaUsa).then().statusCode(404)
                .contentType("application/problem+json");
        as("jp-auditor").get("/api/v1/audit/consultations/" + japan).then().statusCode(200)
                .body("items", hasSize(5));
        for (String reader : new String[] {"kr-auditor", "us-auditor", "auditor"}) {
            as(reader).get("/api/v1/audit/consultations/" + koreaUsa).then().statusCode(200)
                    .body("items", hasSize(5));
        }

        // the log, also when narrowed to the actions of KOR's liaison
        as("jp-auditor").get("/api/v1/audit/log?limit=200&country=KOR&" + since).then().statusCode(200)
                .body("items.consultationId", not(hasItem(koreaUsa)));
        as("kr-auditor").get("/api/v1/audit/log?limit=200&country=KOR&" + since).then().statusCode(200)
                .body("items.consultationId", hasItem(koreaUsa))
                .body("items.consultationId", not(hasItem(japan)));

        // exports, whole and by consultation
        String japanExport = as("jp-auditor").get("/api/v1/audit/export?format=jsonl&" + since).then()
                .statusCode(200).extract().asString();
        assertFalse(japanExport.contains(koreaUsa), "JPN's export holds no KOR+USA entry");
        assertTrue(japanExport.contains(japan));
        assertEquals("", as("jp-auditor").get("/api/v1/audit/export?format=jsonl&consultationId=" + koreaUsa).then()
                .statusCode(200).extract().asString());
        String csv = as("jp-auditor").accept(AuditResource.CSV).get("/api/v1/audit/log?" + since).then()
                .statusCode(200).extract().asString();
        assertFalse(csv.contains(koreaUsa));
        String trilateral = as("auditor").get("/api/v1/audit/export?format=jsonl&" + since).then().statusCode(200)
                .extract().asString();
        assertTrue(trilateral.contains(koreaUsa) && trilateral.contains(japan));
    }

    @Test
    void verifyGivesACountryAuditorTheVerdictAndTheTrilateralAuditorTheDetails() {
        Api.inSessionWithPositions(Country.KOR, Country.USA);
        Map<String, Object> verdict = as("jp-auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).extract().jsonPath().getMap("$");
        assertEquals(Map.of("intact", true), verdict, "no head hash or entry count of other countries' activity");
        as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("headHash", notNullValue());
    }

    @Test
    void adminsAndLiaisonsStillHaveNoAuditorAccess() {
        as("kr-admin").get("/api/v1/audit/log").then().statusCode(403);
        as("admin").get("/api/v1/audit/log").then().statusCode(403);
        as("kr-liaison").get("/api/v1/audit/log").then().statusCode(403)
                .body("status", equalTo(403));
        as("jp-auditor").get("/api/v1/audit/log?limit=5").then().statusCode(200)
                .body("items", not(empty())).body("items.consultationId", everyItem(notNullValue()));
    }
}
