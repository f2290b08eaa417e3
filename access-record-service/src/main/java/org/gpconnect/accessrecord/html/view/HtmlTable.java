package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A view table: its mandatory id (access-record-html.md §4.3), its column names in order and its rows. */
@TemplateData
public record HtmlTable(String id, List<String> columns, List<TableRow> rows) {
}
