package dev.outreachpipeline.drafting;

import freemarker.template.TemplateException;

/** FreeMarker's error messages made into the one-line reasons a draft or follow-up records. */
final class TemplateMessages {

    private TemplateMessages() {}

    /** ", line 3" when FreeMarker knows where in the template it went wrong, else "". */
    static String atLine(TemplateException e) {
        return e.getLineNumber() == null ? "" : ", line " + e.getLineNumber();
    }

    /** FreeMarker's message on one line, without the tips it appends after a "----" line. */
    static String summary(String message) {
        String m = message == null ? "" : message;
        int tips = m.indexOf("\n----");
        String s = DraftContext.oneLine(tips < 0 ? m : m.substring(0, tips));
        return s == null ? "" : s;
    }
}
