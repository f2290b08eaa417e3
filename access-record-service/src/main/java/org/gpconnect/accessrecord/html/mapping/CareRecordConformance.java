package org.gpconnect.accessrecord.html.mapping;

import ca.uhn.fhir.model.dstu2.composite.ResourceReferenceDt;
import ca.uhn.fhir.model.dstu2.resource.Conformance;
import ca.uhn.fhir.model.dstu2.valueset.ConformanceResourceStatusEnum;
import ca.uhn.fhir.model.dstu2.valueset.ConformanceStatementKindEnum;
import ca.uhn.fhir.model.dstu2.valueset.RestfulConformanceModeEnum;
import ca.uhn.fhir.model.dstu2.valueset.UnknownContentCodeEnum;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.common.fhir.FhirFormat;
import org.gpconnect.common.fhir.FhirVersion;

/**
 * The DSTU2 Conformance of the Access Record HTML service root (access-record-html.md §1): FHIR 1.0.2, the
 * two DSTU2 media types, and the one operation, {@code gpc.getcarerecord}. Built once: nothing in it depends
 * on the request.
 */
public final class CareRecordConformance {

    static final String GP_CONNECT_VERSION = "0.7.4";

    private CareRecordConformance() {
    }

    public static Conformance build(AccessRecordConfig.Software software) {
        Conformance conformance = new Conformance();
        conformance.setVersion(GP_CONNECT_VERSION);
        conformance.setName("GP Connect API - Access Record HTML");
        conformance.setStatus(ConformanceResourceStatusEnum.ACTIVE);
        conformance.setPublisher(software.publisher());
        conformance.setDate(DateTimeDt.withCurrentTime());
        conformance.setDescription("The care record sections of a patient as XHTML views ($gpc.getcarerecord)");
        conformance.setKind(ConformanceStatementKindEnum.INSTANCE);
        conformance.getSoftware().setName(software.name()).setVersion(software.version());
        conformance.setFhirVersion("1.0.2");
        conformance.setAcceptUnknown(UnknownContentCodeEnum.UNKNOWN_ELEMENTS_AND_EXTENSIONS);
        conformance.addFormat(FhirVersion.DSTU2.mediaType(FhirFormat.JSON));
        conformance.addFormat(FhirVersion.DSTU2.mediaType(FhirFormat.XML));
        Conformance.Rest rest = conformance.addRest();
        rest.setMode(RestfulConformanceModeEnum.SERVER);
        rest.addOperation().setName("gpc.getcarerecord")
                .setDefinition(new ResourceReferenceDt(Dstu2Profiles.CARE_RECORD_OPERATION));
        return conformance;
    }
}
