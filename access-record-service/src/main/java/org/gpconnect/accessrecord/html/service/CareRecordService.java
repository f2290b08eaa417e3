package org.gpconnect.accessrecord.html.service;

import ca.uhn.fhir.model.dstu2.resource.Bundle;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.html.mapping.CareRecordBundle;
import org.gpconnect.accessrecord.html.request.CareRecordRequest;
import org.gpconnect.accessrecord.html.view.XhtmlRenderer;
import org.gpconnect.accessrecord.record.PracticeSettings;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.accessrecord.structured.repository.AdministrationRepository;
import org.gpconnect.accessrecord.structured.repository.PatientRepository;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * The care record of one section (access-record-html.md §2-§6): checks the patient may be shared, builds the
 * section's view from the record, renders it as XHTML and wraps it in the §3 Bundle with the Patient, the
 * usual GP, the practice and the generating Device.
 */
@ApplicationScoped
public class CareRecordService {

    private final PatientRepository patients;
    private final AdministrationRepository administration;
    private final CareRecordViews views;
    private final XhtmlRenderer renderer;
    private final AccessRecordConfig config;
    private final Set<String> sensitiveCodes;

    public CareRecordService(PatientRepository patients, AdministrationRepository administration, CareRecordViews views,
                             XhtmlRenderer renderer, AccessRecordConfig config) {
        this.patients = patients;
        this.administration = administration;
        this.views = views;
        this.renderer = renderer;
        this.config = config;
        this.sensitiveCodes = Set.copyOf(config.sensitiveExclusionCodes().orElse(Set.of()));
    }

    /** The patient, if their record may be shared as HTML; otherwise the §2 404 or 403. */
    public Uni<RecordPatient> sharedPatient(PracticeSettings practice, String nhsNumber, LocalDate today) {
        return patients.findByNhsNumber(practice.odsCode(), nhsNumber)
                .map(found -> CareRecordPatientAccess.require(found, today, config.html().deceasedAccessDays()));
    }

    public Uni<Bundle> careRecord(PracticeSettings practice, RecordPatient patient, CareRecordRequest request, LocalDate today) {
        SectionContext context = new SectionContext(patient, request.section(), request.timePeriod(), today, config.timeZone(),
                sensitiveCodes);
        List<String> usualGp = patient.generalPractitionerId() == null ? List.of() : List.of(patient.generalPractitionerId());
        return views.page(context).map(renderer::render).chain(xhtml ->
                administration.organizations(List.of(practice.organizationId())).chain(organizations ->
                        administration.practitioners(usualGp).map(practitioners -> CareRecordBundle.build(request.section(), xhtml,
                                patient, organizations.stream().findFirst().orElseThrow(() -> new GpConnectException(
                                        SpineCode.INTERNAL_SERVER_ERROR, "The practice has no Organization record")),
                                practitioners.stream().findFirst(), config.software()))));
    }
}
