package org.tcc.consultation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void cellsASpreadsheetWouldEvaluateAreNeutralised() {
        assertEquals("'=HYPERLINK(\"http://x\")".replace("\"", "\"\"").transform(v -> "\"" + v + "\""),
                AuditExport.csvField("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", AuditExport.csvField("+1"));
        assertEquals("'-2+3", AuditExport.csvField("-2+3"));
        assertEquals("'@SUM(A1)", AuditExport.csvField("@SUM(A1)"));
        assertEquals("'\tcmd", AuditExport.csvField("\tcmd"));
        assertEquals("\"'\rx\"", AuditExport.csvField("\rx"));
    }

    @Test
    void ordinaryCellsAreLeftAsWritten() {
        assertEquals("We assess a ballistic launch", AuditExport.csvField("We assess a ballistic launch"));
        assertEquals("a=b", AuditExport.csvField("a=b"));
        assertEquals("\"a, b\"", AuditExport.csvField("a, b"));
        assertEquals("", AuditExport.csvField(null));
        assertEquals("", AuditExport.csvField(""));
    }
}
