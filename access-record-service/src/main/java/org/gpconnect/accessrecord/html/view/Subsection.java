package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * A table with what goes before it (access-record-html.md §4.1): in a multi-table view a subsection with
 * its {@code <h2>}, in a single-table view the page's one table. With no rows the table is replaced by the
 * "no data" fragment (§6), after the banners.
 *
 * @param heading the {@code <h2>} subtitle, or null in a single-table view
 * @param banners content, date and exclusion banners, in that order
 * @param table   the table, or null when there is nothing to show
 * @param noData  the paragraphs of the §6 fragment when {@code table} is null
 */
@TemplateData
public record Subsection(String heading, List<Banner> banners, HtmlTable table, List<String> noData) {
}
