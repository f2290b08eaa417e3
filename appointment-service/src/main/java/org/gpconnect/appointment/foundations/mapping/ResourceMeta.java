package org.gpconnect.appointment.foundations.mapping;

import org.hl7.fhir.dstu3.model.Resource;

/**
 * The id and meta of the resources this service builds itself (Location, Schedule, Appointment; the suite's
 * CareConnect mappers stamp Patient, Organization and Practitioner the same way), foundations.md §4
 * "Versioning", §9: its profile and the row's integer version as {@code meta.versionId}, which is also the read's
 * ETag.
 */
public final class ResourceMeta {

    private ResourceMeta() {
    }

    public static <R extends Resource> R stamp(R resource, String id, String profile, int version) {
        resource.setId(id);
        resource.getMeta().addProfile(profile).setVersionId(Integer.toString(version));
        return resource;
    }
}
