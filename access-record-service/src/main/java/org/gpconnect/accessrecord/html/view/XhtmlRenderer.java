package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Renders a {@link CareRecordPage} as the section's XHTML (access-record-html.md §4-§6) with the type-safe Qute
 * template {@code templates/XhtmlRenderer/section.html}: its expressions are checked against the view records
 * at build time, and Qute escapes every value ({@code <}, {@code &}, quotes) because the template is HTML, so
 * recorded text can never become markup. The template is laid out on several lines to be readable; §4 allows
 * no CR, LF or TAB anywhere in the div, so the line breaks of the layout, and the indentation around them,
 * are removed after rendering. Values never hold line breaks ({@link Cell} turns them into lines), so this
 * touches the layout only.
 */
@ApplicationScoped
public class XhtmlRenderer {

    private static final Pattern LAYOUT = Pattern.compile("[ \\t]*\\R\\s*");

    @CheckedTemplate(requireTypeSafeExpressions = true)
    static class Templates {
        static native TemplateInstance section(CareRecordPage page);
    }

    public String render(CareRecordPage page) {
        return LAYOUT.matcher(Templates.section(page).render()).replaceAll("");
    }
}
