package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One section's XHTML view before rendering (access-record-html.md §4.1): the {@code <h1>} title, the GP
 * transfer banner when the record is not fully integrated, and the tables. {@code multiTable}: Summary,
 * Problems and Issues, Allergies and Adverse Reactions, Medications (each table in its own
 * {@code <div><h2>}); the other sections have exactly one subsection, without a heading.
 */
@TemplateData
public record CareRecordPage(String title, Banner gpTransferBanner, List<Subsection> subsections, boolean multiTable) {
}
