package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.structured.request.AreaQuery;

/**
 * One clinical area of the structured record, implemented to the spec: its primary list(s) and resources
 * for a patient and query. An area with no section bean is not implemented by this build and must be
 * switched off estate-wide ({@link ClinicalAreaSwitches} checks at start-up).
 */
public interface AreaSection {

    ClinicalArea area();

    /** The StructureDefinitions of the resources this area returns (declared in the CapabilityStatement). */
    List<String> profiles();

    Uni<AreaContent> build(RecordContext context, AreaQuery query);
}
