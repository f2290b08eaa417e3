package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.foundations.OrganizationEntity;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.OrganizationDetails;
import org.hl7.fhir.dstu3.model.Organization;

/**
 * An organisation as a CareConnect-GPC-Organization-1 (foundations.md §9.3), built by the suite's
 * {@link CareConnectAdministration}: ODS code, name, address and telecom, never {@code contact} or
 * {@code endpoint}. The row's version is {@code meta.versionId} and the read's ETag.
 */
@ApplicationScoped
public class OrganizationMapper {

    public Organization toFhir(OrganizationEntity entity) {
        return CareConnectAdministration.organization(new OrganizationDetails(entity.id, Integer.toString(entity.version),
                entity.odsCode, entity.name, entity.phone, entity.addressLines, entity.city, entity.district,
                entity.postalCode, entity.country));
    }
}
