package org.campaignrl.adapters.web;

/** CSV cells for exports that people open in spreadsheets. */
final class Csv {
    private Csv() {}

    /**
     * Quoted when needed; a text a spreadsheet would run as a formula (starting with =, +, -, @, tab or
     * carriage return) is prefixed with an apostrophe so that it stays text.
     */
    static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
